import { csvCell } from './plan-export';
import type { ItemRow, PlanRow } from './inspections.store';
import { planCsv } from './plan-export';
import { maskName, planView } from './plan-view';

describe('plan export', () => {
  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const lead of ['+', '-', '@', '\t']) expect(csvCell(`${lead}1`).startsWith(`'${lead}`)).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it("masks a natural person's name to its first character", () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });

  it('a published plan shows a natural person only masked, in JSON and CSV', () => {
    const plan = {
      id: 'p1',
      department: 'd',
      industry: 'food_drug',
      region: null,
      periodFrom: '2026-12-01',
      periodTo: '2026-12-31',
      seed: 's',
      algorithm: 'a',
      inputsHash: 'h',
      inputs: { subjects: [], policies: {}, inspectors: [], seed: 's' },
      inspectors: [
        { id: 'i1', name: '=1+1', department: 'd' },
        { id: 'i2', name: 'B', department: 'd' },
      ],
      tiers: [],
      packVersions: {},
      caller: null,
      createdAt: '2026-11-28T00:00:00Z',
    } as PlanRow;
    const item: ItemRow = {
      id: 'x',
      position: 0,
      subjectId: 's1',
      tier: 'A',
      reason: 'lead',
      inspectors: ['i1', 'i2'],
      onSite: true,
      keyItemsFull: false,
      result: null,
      resultDate: null,
      findings: null,
      recordId: null,
    };
    const ref = {
      id: 's1',
      kind: 'natural_person' as const,
      name: '王小明',
      code: null,
      idMasked: '110105********002X',
      region: '110105',
      registeredOn: null,
      industryCode: null,
    };
    const view = planView(plan, [item], new Map([['s1', ref]]));
    expect(view.items[0].subject).toMatchObject({ name: '王**', idMasked: '110105********002X', code: null });
    const csv = planCsv(view);
    expect(csv).toContain('王**');
    expect(csv).not.toContain('王小明');
    expect(view.inspectors.map((i) => i.load)).toEqual([1, 1]);
  });
});
