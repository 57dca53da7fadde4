import { Injectable } from '@nestjs/common';
import { isCalendarDate } from '../../common/calendar-date';
import { ValidationFailed } from '../../common/problem';
import type { TierMovesDto, TierChangesQuery, TierTrendDto, TierTrendQuery } from './dto/tier-overview.dto';
import { subjectBrief } from '../subjects/subjects.store';
import { TierTrendStore } from './tier-trend.store';

export type TrendGranularity = 'day' | 'week' | 'month';

export const MAX_TREND_PERIODS = 400;

/** First day of each period from the one holding `from` to the one holding `to` (weeks from Monday). */
export function trendPeriods(from: string, to: string, granularity: TrendGranularity): string[] {
  const d = new Date(`${from}T00:00:00Z`);
  if (granularity === 'month') d.setUTCDate(1);
  if (granularity === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const out: string[] = [];
  while (d.toISOString().slice(0, 10) <= to && out.length <= MAX_TREND_PERIODS) {
    out.push(d.toISOString().slice(0, 10));
    if (granularity === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (granularity === 'week' ? 7 : 1));
  }
  return out;
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The default start by granularity: twelve months (from the 1st), twelve weeks (from Monday) or thirty days up to `to`. */
export function defaultFrom(to: string, granularity: TrendGranularity): string {
  const d = new Date(`${to}T00:00:00Z`);
  if (granularity === 'month') d.setUTCMonth(d.getUTCMonth() - 11, 1);
  else if (granularity === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * 11);
  else d.setUTCDate(d.getUTCDate() - 29);
  return d.toISOString().slice(0, 10);
}

@Injectable()
export class TierOverviewService {
  constructor(private readonly store: TierTrendStore) {}

  async trend(q: TierTrendQuery, today: string): Promise<TierTrendDto> {
    const problems: { field: string; reason: string }[] = [];
    for (const field of ['from', 'to'] as const)
      if (q[field] !== undefined && !isCalendarDate(q[field]))
        problems.push({ field, reason: 'is not a calendar day' });
    if (problems.length) throw new ValidationFailed(problems);
    const to = q.to ?? today;
    const granularity = q.granularity ?? 'month';
    const from = q.from ?? defaultFrom(to, granularity);
    if (from > to) throw new ValidationFailed([{ field: 'from', reason: `must be on or before to (${to})` }]);
    const periods = trendPeriods(from, to, granularity);
    if (periods.length > MAX_TREND_PERIODS)
      throw new ValidationFailed([
        {
          field: 'granularity',
          reason: `more than ${MAX_TREND_PERIODS} periods from ${from} to ${to}: choose a longer period or a shorter range`,
        },
      ]);
    const industry = q.industry ?? null;
    const region = q.region ?? null;
    const bounds = periods.map((start, i) => ({
      start,
      lastDay: i + 1 < periods.length ? dayBefore(periods[i + 1]) : to,
    }));
    const items = await this.store.trend({ periods: bounds, industry, region });
    return { from, to, granularity, industry, region, periods, items };
  }

  async changes(q: TierChangesQuery): Promise<TierMovesDto> {
    const rows = await this.store.changes({
      industry: q.industry ?? null,
      region: q.region ?? null,
      limit: q.limit ?? 20,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        subject: subjectBrief(r),
        industry: r.industry,
        previousTier: r.previousTier,
        tier: r.tier,
        score: r.score,
        trigger: r.trigger,
        asOf: r.asOf,
        computedAt: new Date(r.computedAt).toISOString(),
      })),
    };
  }
}
