import { generateDemo } from './demo-data';

describe('demo data (演示数据)', () => {
  // Days across a year, the ones before the April tax publication and the first days of a month included.
  const days = [
    '2026-01-01',
    '2026-01-15',
    '2026-03-31',
    '2026-04-19',
    '2026-04-20',
    '2026-07-01',
    '2026-11-29',
    '2027-02-01',
    '2027-12-31',
  ];

  it.each(days)('loaded on %s: no record is dated after that day, so the load refuses none', (today) => {
    const { records } = generateDemo(today);
    const late = records.flatMap((r) =>
      (['decisionDate', 'commitmentStatusDate'] as const)
        .filter((f) => typeof r[f] === 'string' && r[f] > today)
        .map((f) => `${String(r.decisionNumber)} ${f}=${String(r[f])}`),
    );
    expect(late).toEqual([]);
    const tax = records.filter((r) => r.type === 'tax_credit');
    expect(tax.length).toBeGreaterThan(100);
    for (const r of tax) expect(Number(r.taxYear)).toBe(Number(String(r.decisionDate).slice(0, 4)) - 1);
  });
});
