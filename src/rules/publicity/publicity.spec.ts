import fc from 'fast-check';
import { addMonths, compareDates, formatDate, parseDate } from '../shared/calendar';
import { penaltyPublicityWindow, publicityRuleVersion, type PublicitySector, type RecordSeverity } from './publicity';
import { InvalidDateError } from '../shared/rules.errors';

const SEVERITIES: RecordSeverity[] = ['minor', 'general', 'serious'];
const SECTORS: PublicitySector[] = ['food', 'drug', 'special_equipment', 'work_safety', 'fire', 'other'];

const dateArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const recordArb = fc.record({
  decisionDate: dateArb,
  severity: fc.constantFrom(...SEVERITIES),
  sector: fc.constantFrom(...SECTORS),
});

describe('calendar months', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-31', 3, '2026-06-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-04-01', 36, '2029-04-01'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses dates that are not calendar dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-4-1', '20260401', ''])
      expect(() => parseDate(bad)).toThrow(InvalidDateError);
  });

  it('adding months never goes backwards and keeps the day unless clamped', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (d, m) => {
        const out = addMonths(d, m);
        expect(compareDates(out, d)).toBeGreaterThanOrEqual(0);
        const a = parseDate(d);
        const b = parseDate(out);
        expect((b.year - a.year) * 12 + (b.month - a.month)).toBe(m);
        expect(b.day === a.day || b.day < a.day).toBe(true);
        expect(formatDate(b.year, b.month, b.day)).toBe(out);
      }),
    );
  });
});

describe('penalty publicity windows', () => {
  it('令第36号 from 2026-04-01, 令第58号 before', () => {
    expect(publicityRuleVersion('2026-03-31')).toBe('NDRC-58');
    expect(publicityRuleVersion('2026-04-01')).toBe('NDRC-36');
  });

  it.each<[string, RecordSeverity, PublicitySector, string, string, string, boolean]>([
    ['2026-04-01', 'minor', 'other', 'NDRC-36', '2026-04-01', '2026-07-01', false],
    ['2026-04-01', 'general', 'other', 'NDRC-36', '2026-07-01', '2027-04-01', true],
    ['2026-04-01', 'serious', 'other', 'NDRC-36', '2027-04-01', '2029-04-01', true],
    ['2026-05-31', 'general', 'food', 'NDRC-36', '2026-08-31', '2027-05-31', true],
    ['2026-05-31', 'minor', 'fire', 'NDRC-36', '2026-05-31', '2026-08-31', false],
    ['2026-05-31', 'serious', 'drug', 'NDRC-36', '2027-05-31', '2029-05-31', true],
    ['2026-03-31', 'minor', 'other', 'NDRC-58', '2026-06-30', '2029-03-31', true],
    ['2026-03-31', 'serious', 'other', 'NDRC-58', '2026-06-30', '2029-03-31', true],
    ['2024-02-29', 'general', 'special_equipment', 'NDRC-58', '2025-02-28', '2027-02-28', true],
    ['2025-08-31', 'general', 'work_safety', 'NDRC-58', '2026-08-31', '2028-08-31', true],
  ])('%s %s %s → %s [%s, %s]', (decisionDate, severity, sector, ruleVersion, minEnd, maxEnd, publishedByDefault) => {
    expect(penaltyPublicityWindow({ decisionDate, severity, sector })).toEqual({
      ruleVersion,
      minEnd,
      maxEnd,
      publishedByDefault,
    });
  });

  it('properties: decision ≤ minEnd ≤ maxEnd ≤ decision + 3 years; version by the 2026-04-01 boundary', () => {
    fc.assert(
      fc.property(recordArb, (r) => {
        const w = penaltyPublicityWindow(r);
        expect(compareDates(r.decisionDate, w.minEnd)).toBeLessThanOrEqual(0);
        expect(compareDates(w.minEnd, w.maxEnd)).toBeLessThanOrEqual(0);
        expect(compareDates(w.maxEnd, addMonths(r.decisionDate, 36))).toBeLessThanOrEqual(0);
        expect(w.ruleVersion).toBe(r.decisionDate >= '2026-04-01' ? 'NDRC-36' : 'NDRC-58');
      }),
      { numRuns: 2000 },
    );
  });

  it("the 1-year sector minimum is 令第58号's: a food penalty decided on 2026-03-31 keeps it, one decided on 2026-04-01 has the 令第36号 windows of its grade", () => {
    expect(penaltyPublicityWindow({ decisionDate: '2026-03-31', severity: 'general', sector: 'food' })).toMatchObject({
      ruleVersion: 'NDRC-58',
      minEnd: '2027-03-31',
      maxEnd: '2029-03-31',
    });
    expect(penaltyPublicityWindow({ decisionDate: '2026-04-01', severity: 'general', sector: 'food' })).toMatchObject({
      ruleVersion: 'NDRC-36',
      minEnd: '2026-07-01',
      maxEnd: '2027-04-01',
    });
    // 令第36号: a minor record is published at most 3 months, whatever its sector.
    expect(
      penaltyPublicityWindow({ decisionDate: '2026-04-01', severity: 'minor', sector: 'work_safety' }),
    ).toMatchObject({ minEnd: '2026-04-01', maxEnd: '2026-07-01' });
  });

  it('properties: 令第36号 windows by grade alone; 令第58号 at least 3 months, 1 year in the five sectors; serious never shorter than general', () => {
    fc.assert(
      fc.property(recordArb, (r) => {
        const w = penaltyPublicityWindow(r);
        if (w.ruleVersion === 'NDRC-58' && r.sector !== 'other')
          expect(compareDates(w.minEnd, addMonths(r.decisionDate, 12))).toBeGreaterThanOrEqual(0);
        if (w.ruleVersion === 'NDRC-36') expect(w).toEqual(penaltyPublicityWindow({ ...r, sector: 'other' }));
        if (w.ruleVersion === 'NDRC-58')
          expect(compareDates(w.minEnd, addMonths(r.decisionDate, 3))).toBeGreaterThanOrEqual(0);
        const general = penaltyPublicityWindow({ ...r, severity: 'general' });
        const serious = penaltyPublicityWindow({ ...r, severity: 'serious' });
        expect(compareDates(serious.minEnd, general.minEnd)).toBeGreaterThanOrEqual(0);
        expect(compareDates(serious.maxEnd, general.maxEnd)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });
});
