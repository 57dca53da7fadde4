import { InvalidDateError } from '../shared/rules.errors';
import { listEntryEnd, listTermErrors } from './list-terms';

const fields = (e: Parameters<typeof listTermErrors>[0]) => listTermErrors(e).map((x) => x.field);

describe('list terms (domain.md §8)', () => {
  describe('失信被执行人 (法释〔2017〕7号 Arts. 1–2)', () => {
    it('grounds (2)–(6) without an end date: listed for 2 years', () => {
      expect(listEntryEnd({ list: 'court_defaulter', listedDate: '2024-02-29', ground: 2 })).toBe('2026-02-28');
      expect(listEntryEnd({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 6, endDate: null })).toBe(
        '2028-05-10',
      );
    });

    it('ground (1) 有履行能力而拒不履行 has no term: open until the court deletes it', () => {
      expect(listEntryEnd({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 1 })).toBeNull();
      expect(listTermErrors({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 1 })).toEqual([]);
    });

    it('ground (1) with an end date is refused on listEndDate', () => {
      expect(fields({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 1, endDate: '2028-05-10' })).toEqual([
        'listEndDate',
      ]);
    });

    it('the ground is required, 1–6', () => {
      expect(fields({ list: 'court_defaulter', listedDate: '2026-05-10' })).toEqual(['listGround']);
      expect(fields({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 7 })).toEqual(['listGround']);
    });

    it('an extension of at most 3 years: the end at most 5 years after listing', () => {
      expect(
        listTermErrors({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 3, endDate: '2031-05-10' }),
      ).toEqual([]);
      expect(fields({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 3, endDate: '2031-05-11' })).toEqual([
        'listEndDate',
      ]);
    });

    it('a court listing stored without a ground gets no invented 2-year end', () => {
      expect(listEntryEnd({ list: 'court_defaulter', listedDate: '2026-05-10' })).toBeNull();
    });
  });

  describe('政府采购严重违法失信行为记录名单 (政府采购法 Art. 77: 1–3 years)', () => {
    it('the end date is required', () => {
      expect(fields({ list: 'procurement_dishonesty', listedDate: '2026-05-10' })).toEqual(['listEndDate']);
    });
    it('1 to 3 years after listing, bounds included', () => {
      for (const endDate of ['2027-05-10', '2029-05-10'])
        expect(listTermErrors({ list: 'procurement_dishonesty', listedDate: '2026-05-10', endDate })).toEqual([]);
      for (const endDate of ['2027-05-09', '2029-05-11'])
        expect(fields({ list: 'procurement_dishonesty', listedDate: '2026-05-10', endDate })).toEqual(['listEndDate']);
    });
  });

  it('重大税收违法失信主体 (令第54号): a fixed publication period, the end date is required', () => {
    expect(fields({ list: 'major_tax_violation', listedDate: '2026-05-10' })).toEqual(['listEndDate']);
    expect(listTermErrors({ list: 'major_tax_violation', listedDate: '2026-05-10', endDate: '2029-05-10' })).toEqual(
      [],
    );
  });

  it('lists without a national term stay in force until removed; a ground is only for court listings', () => {
    expect(listEntryEnd({ list: 'serious_dishonesty', listedDate: '2026-05-10' })).toBeNull();
    expect(listTermErrors({ list: 'serious_dishonesty', listedDate: '2026-05-10' })).toEqual([]);
    expect(fields({ list: 'serious_dishonesty', listedDate: '2026-05-10', ground: 2 })).toEqual(['listGround']);
  });

  it('an end date from the source prevails; malformed dates are refused', () => {
    expect(listEntryEnd({ list: 'court_defaulter', listedDate: '2026-05-10', ground: 2, endDate: '2027-01-01' })).toBe(
      '2027-01-01',
    );
    expect(() => listEntryEnd({ list: 'court_defaulter', listedDate: '2026-05-10', endDate: '2027-02-30' })).toThrow(
      InvalidDateError,
    );
  });
});
