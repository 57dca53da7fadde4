import { cstDate, cstDateTime } from '../../console/src/lib/dates';

/** The console's dates: YYYY-MM-DD (HH:mm where the time matters) in China Standard Time, whatever the zone. */
describe('console: dates in China Standard Time', () => {
  it('turns an instant into the China date and time', () => {
    expect(cstDateTime('2026-12-06T12:16:40Z')).toBe('2026-12-06 20:16');
    expect(cstDate('2026-12-06T12:16:40Z')).toBe('2026-12-06');
    expect(cstDateTime('2026-12-06T12:16:40.123+00:00')).toBe('2026-12-06 20:16');
  });

  it('moves to the next China day after 16:00 UTC, and across a month and a year', () => {
    expect(cstDate('2026-12-31T15:59:59Z')).toBe('2026-12-31');
    expect(cstDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(cstDateTime('2026-02-28T16:30:00Z')).toBe('2026-03-01 00:30');
    expect(cstDate(Date.UTC(2026, 5, 30, 20))).toBe('2026-07-01');
  });

  it('keeps a plain date as it is and answers — for no or a bad value', () => {
    expect(cstDate('2026-06-30')).toBe('2026-06-30');
    expect(cstDate(null)).toBe('—');
    expect(cstDateTime(undefined)).toBe('—');
    expect(cstDateTime('not a date')).toBe('—');
  });
});
