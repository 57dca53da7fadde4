import { loadQualityConfig } from './quality.config';

describe('data-quality settings', () => {
  it('defaults to 7 working days, Monday to Friday', () => {
    expect(loadQualityConfig({})).toEqual({
      timelyWorkingDays: 7,
      calendar: { holidays: new Set(), workdays: new Set() },
    });
  });

  it('reads N and the holiday calendar; a bad value names the variable', () => {
    const c = loadQualityConfig({
      QUALITY_TIMELY_WORKING_DAYS: '5',
      QUALITY_HOLIDAYS: '2026-10-01, 2026-10-02',
      QUALITY_WORKDAYS: '2026-10-10',
    });
    expect(c.timelyWorkingDays).toBe(5);
    expect([...c.calendar.holidays!]).toEqual(['2026-10-01', '2026-10-02']);
    expect(() => loadQualityConfig({ QUALITY_TIMELY_WORKING_DAYS: '7.5' })).toThrow(/QUALITY_TIMELY_WORKING_DAYS/);
    expect(() => loadQualityConfig({ QUALITY_TIMELY_WORKING_DAYS: '-1' })).toThrow(/QUALITY_TIMELY_WORKING_DAYS/);
    expect(() => loadQualityConfig({ QUALITY_HOLIDAYS: '2026-02-30' })).toThrow(/QUALITY_HOLIDAYS/);
  });
});
