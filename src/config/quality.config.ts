import { isCalendarDate } from '../common/calendar-date';
import { DEFAULT_TIMELY_WORKING_DAYS, type WorkingCalendar } from '../rules/quality';
import { setting } from './settings';

/**
 * Settings of the "双公示" statistics, validated when the module starts (a bad value stops the boot naming
 * the variable):
 * - QUALITY_TIMELY_WORKING_DAYS: N of 及时率, working days after the decision within which a record must be
 *   received. Default 7 — a LOCAL PARAMETER, to be confirmed against the 双公示 rules in force (domain.md
 *   gives no national figure).
 * - QUALITY_HOLIDAYS / QUALITY_WORKDAYS: comma-separated dates of statutory holidays (法定节假日) and of
 *   weekend days worked (调休); empty by default (Monday to Friday are the working days).
 */
export interface QualityConfig {
  readonly timelyWorkingDays: number;
  readonly calendar: WorkingCalendar;
}

export const QUALITY_CONFIG = Symbol('QUALITY_CONFIG');

function dates(name: string, raw: string | undefined): Set<string> {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((d) => !isCalendarDate(d));
  if (bad !== undefined) throw new Error(`${name}: "${bad}" is not a date YYYY-MM-DD`);
  return new Set(list);
}

export function loadQualityConfig(env: NodeJS.ProcessEnv = process.env): QualityConfig {
  const raw = env.QUALITY_TIMELY_WORKING_DAYS?.trim();
  const { min = 0, max = 60, fallback = DEFAULT_TIMELY_WORKING_DAYS } = setting('QUALITY_TIMELY_WORKING_DAYS');
  const n = raw ? Number(raw) : fallback;
  if (!/^\d*$/.test(raw ?? '') || !Number.isInteger(n) || n < min || n > max)
    throw new Error(
      `QUALITY_TIMELY_WORKING_DAYS: must be a whole number of working days from ${min} to ${max}, got "${raw}"`,
    );
  return {
    timelyWorkingDays: n,
    calendar: {
      holidays: dates('QUALITY_HOLIDAYS', env.QUALITY_HOLIDAYS),
      workdays: dates('QUALITY_WORKDAYS', env.QUALITY_WORKDAYS),
    },
  };
}
