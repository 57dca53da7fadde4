import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now". Credit decisions are dated in China Standard Time (UTC+8, no DST), so
 * `today()` is the calendar date there. Tests pin the clock (`pin`) to move across publicity windows.
 */
@Injectable()
export class Clock {
  private pinned: Date | null = null;

  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }

  /** Today's date in China Standard Time, 'YYYY-MM-DD'. */
  today(): string {
    return chinaDate(this.now());
  }

  /** Fix the clock at an instant (tests); null returns it to real time. */
  pin(at: Date | string | null): void {
    this.pinned = at === null ? null : new Date(at);
  }
}

export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
