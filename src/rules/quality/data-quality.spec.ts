import fc from 'fast-check';
import {
  addWorkingDays,
  codeQuality,
  departmentQuality,
  isWorkingDay,
  monthBounds,
  monthsBetween,
  normaliseName,
  rate,
  timelinessOf,
  totalQuality,
  workingDaysBetween,
  type DepartmentCounts,
} from './data-quality';

const dateArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('working days (工作日)', () => {
  it('skips weekends: 7 working days after Friday 2026-11-06 is Tuesday 2026-11-17', () => {
    expect(isWorkingDay('2026-11-06')).toBe(true);
    expect(isWorkingDay('2026-11-07')).toBe(false);
    expect(addWorkingDays('2026-11-06', 7)).toBe('2026-11-17');
    expect(addWorkingDays('2026-11-06', 0)).toBe('2026-11-06');
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09'); // a Saturday decision: Monday is day 1
    expect(workingDaysBetween('2026-11-06', '2026-11-17')).toBe(7);
    expect(workingDaysBetween('2026-11-06', '2026-11-08')).toBe(0);
    expect(workingDaysBetween('2026-11-06', '2026-11-06')).toBe(0);
    expect(workingDaysBetween('2026-11-17', '2026-11-06')).toBe(0);
    expect(() => addWorkingDays('2026-11-06', -1)).toThrow(RangeError);
  });

  it('takes statutory holidays and make-up working days (调休) from the calendar it is given', () => {
    const cal = {
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      workdays: new Set(['2026-10-10']),
    };
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday worked
    // From Wed 30 Sep: Oct 8 (Thu) is day 1, Oct 9 day 2, Sat Oct 10 day 3, Mon Oct 12 day 4.
    expect(addWorkingDays('2026-09-30', 4, cal)).toBe('2026-10-12');
    expect(workingDaysBetween('2026-09-30', '2026-10-12', cal)).toBe(4);
  });

  it('property: workingDaysBetween(d, addWorkingDays(d, n)) = n, and the count is monotonic', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        (d, n) => workingDaysBetween(d, addWorkingDays(d, n)) === n,
      ),
    );
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        const [x, y] = b <= c ? [b, c] : [c, b];
        return workingDaysBetween(a, x) <= workingDaysBetween(a, y);
      }),
    );
  });

  it('property: the same with a holiday calendar, counting day by day', () => {
    const holidays = new Set(['2026-01-01', '2026-02-16', '2026-02-17', '2026-05-01', '2026-10-01', '2026-10-02']);
    const workdays = new Set(['2026-02-14', '2026-09-27']);
    const cal = { holidays, workdays };
    const inYear = fc
      .date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(inYear, fc.integer({ min: 0, max: 60 }), (d, n) => {
        const end = addWorkingDays(d, n, cal);
        let count = 0;
        for (let x = d; x < end;) {
          x = new Date(Date.parse(x) + 86_400_000).toISOString().slice(0, 10);
          if (isWorkingDay(x, cal)) count++;
        }
        return count === n && workingDaysBetween(d, end, cal) === n;
      }),
    );
  });

  it('timeliness: on the deadline is timely, the working day after is late, a weekend after the deadline is not a working day', () => {
    expect(timelinessOf('2026-11-06', '2026-11-17', 7)).toEqual({
      deadline: '2026-11-17',
      workingDays: 7,
      timely: true,
    });
    expect(timelinessOf('2026-11-06', '2026-11-18', 7)).toEqual({
      deadline: '2026-11-17',
      workingDays: 8,
      timely: false,
    });
    expect(timelinessOf('2026-11-06', '2026-11-06', 0)).toMatchObject({ timely: true });
    expect(timelinessOf('2026-11-06', '2026-11-08', 0)).toMatchObject({ timely: true }); // received on the weekend
    fc.assert(
      fc.property(
        dateArb,
        dateArb,
        fc.integer({ min: 0, max: 30 }),
        (d, r, n) => timelinessOf(d, r, n).timely === r <= addWorkingDays(d, n),
      ),
    );
  });
});

describe('rates and months', () => {
  it('rounds to 4 decimals and answers null for nothing to divide by', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 4)).toBe(1.25);
  });

  it("lists the months a range touches, and a month's bounds", () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('department quality (上报率、合规率、及时率)', () => {
  const counts = (over: Partial<DepartmentCounts> = {}): DepartmentCounts => ({
    department: '区市场监管局',
    accepted: 8,
    refused: 2,
    late: 1,
    ledger: { periods: [], declared: 0, received: 0 },
    undeclaredPeriods: ['2026-10'],
    ...over,
  });

  it('compliance = accepted ÷ (accepted + refused); timeliness = timely ÷ accepted; reported null without a declaration', () => {
    expect(departmentQuality(counts())).toEqual({
      department: '区市场监管局',
      received: 10,
      accepted: 8,
      refused: 2,
      reported: { rate: null, received: 0, declared: null, periods: [], undeclaredPeriods: ['2026-10'] },
      compliant: { rate: 0.8, count: 8, of: 10 },
      timely: { rate: 0.875, count: 7, of: 8, late: 1 },
    });
  });

  it('reported = received in the declared months ÷ declared; may exceed 1 when more arrived than declared', () => {
    expect(
      departmentQuality(counts({ ledger: { periods: ['2026-10'], declared: 20, received: 10 }, undeclaredPeriods: [] }))
        .reported,
    ).toEqual({ rate: 0.5, received: 10, declared: 20, periods: ['2026-10'], undeclaredPeriods: [] });
    expect(
      departmentQuality(counts({ ledger: { periods: ['2026-10'], declared: 8, received: 10 } })).reported.rate,
    ).toBe(1.25);
    expect(
      departmentQuality(counts({ ledger: { periods: ['2026-10'], declared: 0, received: 0 } })).reported.rate,
    ).toBeNull();
  });

  it('an empty department has no rates at all, not 100 %', () => {
    const q = departmentQuality(counts({ accepted: 0, refused: 0, late: 0 }));
    expect([q.reported.rate, q.compliant.rate, q.timely.rate]).toEqual([null, null, null]);
  });

  it('totals add departments up', () => {
    const t = totalQuality([
      counts(),
      counts({
        department: 'B',
        accepted: 2,
        refused: 0,
        late: 0,
        ledger: { periods: ['2026-10'], declared: 4, received: 2 },
        undeclaredPeriods: [],
      }),
    ]);
    expect(t).toMatchObject({
      received: 12,
      accepted: 10,
      refused: 2,
      compliant: { rate: 0.8333 },
      timely: { count: 9, of: 10, late: 1 },
      reported: { rate: 0.5, declared: 4, received: 2 },
    });
  });
});

describe('duplicate and wrong codes (重错码)', () => {
  it('names compare without width or spaces', () => {
    expect(normaliseName('重庆某某（集团） 有限公司')).toBe(normaliseName('重庆某某(集团)有限公司'));
  });

  it('flags a code under two names, two codes under one name, and refused check characters; each code once', () => {
    const q = codeQuality(
      [
        { code: 'A1', name: '甲公司' },
        { code: 'A1', name: '甲 公司' }, // same name written twice: fine
        { code: 'B2', name: '乙公司' },
        { code: 'B2', name: '丙公司' }, // one code, two names
        { code: 'C3', name: '丁公司' },
        { code: 'D4', name: '丁公司' }, // one name, two codes
        { code: 'E5', name: '戊公司' },
      ],
      ['X9', 'X9', 'E5'],
    );
    expect(q.codes).toBe(6);
    expect(q.offending).toBe(5);
    expect(q.per10k).toBe(8333.33);
    expect(q.withinTarget).toBe(false);
    expect(q.items).toEqual([
      { code: 'B2', reasons: ['code_under_several_names'], names: ['丙公司', '乙公司'], sharedNameWith: [] },
      { code: 'C3', reasons: ['name_under_several_codes'], names: ['丁公司'], sharedNameWith: ['D4'] },
      { code: 'D4', reasons: ['name_under_several_codes'], names: ['丁公司'], sharedNameWith: ['C3'] },
      { code: 'E5', reasons: ['check_character'], names: ['戊公司'], sharedNameWith: [] },
      { code: 'X9', reasons: ['check_character'], names: [], sharedNameWith: [] },
    ]);
  });

  it('no codes: no rate; clean codes: within the target', () => {
    expect(codeQuality([], [])).toMatchObject({ codes: 0, per10k: null, withinTarget: null });
    expect(codeQuality([{ code: 'A', name: 'a' }], [])).toMatchObject({
      codes: 1,
      offending: 0,
      per10k: 0,
      withinTarget: true,
    });
  });
});
