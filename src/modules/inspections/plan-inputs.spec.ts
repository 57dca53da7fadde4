import { type Candidate, isDue } from './plan-inputs';

const candidate = (
  minInspectionsPerYear: number,
  inspections12: number,
  lastInspected: string | null,
  registeredOn: string | null = null,
): Candidate => ({
  id: 's1',
  code: null,
  tier: 'X',
  policy: { samplingRatio: 0.02, minInspectionsPerYear },
  packId: 'p',
  packVersion: '1.0.0',
  packHash: 'h',
  inspections12,
  lastInspected,
  registeredOn,
});

describe('due by frequency (检查频次)', () => {
  const today = '2026-11-28';

  it('n ≥ 1 a year: due with fewer than ⌊n⌋ inspections in the last 12 months', () => {
    expect(isDue(candidate(1, 0, null), today)).toBe(true);
    expect(isDue(candidate(1, 1, '2026-01-05'), today)).toBe(false);
    expect(isDue(candidate(3, 2, '2026-11-01'), today)).toBe(true);
    expect(isDue(candidate(0, 0, null), today)).toBe(false);
  });

  it('once in two years (0.5 a year): due when the last inspection is 24 months old or more, or unknown', () => {
    expect(isDue(candidate(0.5, 0, null), today)).toBe(true);
    expect(isDue(candidate(0.5, 0, '2024-11-28'), today)).toBe(true);
    expect(isDue(candidate(0.5, 0, '2024-11-29'), today)).toBe(false);
    expect(isDue(candidate(0.25, 0, '2023-01-01'), today)).toBe(false); // once in four years
    expect(isDue(candidate(0.25, 0, '2022-11-28'), today)).toBe(true);
  });

  it('never inspected: counted from registration (a business registered last month is not two years uninspected)', () => {
    expect(isDue(candidate(0.5, 0, null, '2026-10-01'), today)).toBe(false);
    expect(isDue(candidate(0.5, 0, null, '2024-11-29'), today)).toBe(false);
    expect(isDue(candidate(0.5, 0, null, '2024-11-28'), today)).toBe(true);
    expect(isDue(candidate(0.5, 0, '2025-06-01', '2010-01-01'), today)).toBe(false); // the inspection counts, not the old registration
  });
});
