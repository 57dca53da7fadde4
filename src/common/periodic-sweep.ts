import type { Logger } from '@nestjs/common';

/** The first sweep after start: soon, so that an instance restarted more often than its period still sweeps. */
export const FIRST_SWEEP_DELAY_MS = 60_000;

/**
 * A background sweep on a timer (the retention sweeps of jobs and webhook events): the first run a minute after
 * `start` (or one period, if shorter), then one period after the end of each run, never two at once in the
 * instance. The timer is `unref`'d (it keeps no process alive); a failed run is logged and the next one comes
 * as planned. Several instances may sweep together: what they run must allow it.
 */
export class PeriodicSweep<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T | undefined>;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly run: () => Promise<T>,
  ) {}

  /** `0` starts nothing (the sweep is off on this instance). */
  start(everyMs: number): void {
    if (everyMs === 0) return;
    this.stopped = false;
    this.schedule(Math.min(everyMs, FIRST_SWEEP_DELAY_MS), everyMs);
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One run now, or the one in progress (undefined when it failed: the failure is logged). */
  tick(): Promise<T | undefined> {
    this.running ??= this.run()
      .catch((err: unknown) => {
        this.logger.warn(`${this.what} failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number, everyMs: number): void {
    this.timer = setTimeout(() => {
      void this.tick().finally(() => {
        if (!this.stopped) this.schedule(everyMs, everyMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}

/** Runs a bounded delete (one statement of at most a batch of rows) until it deletes nothing; the rows deleted. */
export async function deleteInBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step();
    if (n === 0) return total;
    total += n;
  }
}

/** Told how many rows of a table a retention sweep deleted (for /metrics). */
export type PrunedObserver = (table: string, rows: number) => void;
