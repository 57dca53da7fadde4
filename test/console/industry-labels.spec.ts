import { basisLabel, label, OUTSIDE, outsideLabel } from '../../console/src/lib/labels';

/** 行业归属 in words (the subject page's Industries card): each basis of membership and each reason for none. */
describe('console: industry membership in words', () => {
  it('reads a record basis with its type, decision number when known, and since', () => {
    const b = { source: 'record', since: '2024-03-01', recordType: 'licence' } as const;
    expect(basisLabel('food_drug', b, 'zh')).toBe('依据：行政许可（信用记录，2024-03-01起）');
    expect(basisLabel('food_drug', b, 'zh', '渝食许〔2024〕12号')).toBe(
      '依据：行政许可 渝食许〔2024〕12号（信用记录，2024-03-01起）',
    );
    expect(basisLabel('food_drug', b, 'en')).toBe('Basis: Licence (credit record, since 2024-03-01)');
  });

  it('reads the industry code, a department decision and every subject of the pack’s kinds', () => {
    expect(basisLabel('fire_safety', { source: 'industry_code', since: null, industryCode: 'H6110' }, 'zh')).toBe(
      '行业代码 H6110',
    );
    expect(basisLabel('fire_safety', { source: 'assigned', since: '2026-11-30', reason: '公众聚集场所' }, 'zh')).toBe(
      '部门认定：公众聚集场所（2026-11-30起）',
    );
    expect(basisLabel('tax', { source: 'every_subject', since: null }, 'zh')).toBe('全部纳税主体');
    expect(basisLabel('construction', { source: 'every_subject', since: null }, 'zh')).toBe('本行业全部适用主体');
  });

  it('names why a subject is outside an industry', () => {
    expect(label(OUTSIDE, 'kind', 'zh')).toBe('主体类型不适用');
    expect(label(OUTSIDE, 'no-basis', 'zh')).toBe('无归属依据');
    expect(label(OUTSIDE, 'excluded', 'zh')).toBe('部门排除认定');
    const decision = { source: 'assigned', since: '2026-11-30', reason: '不属于本部门监管对象' } as const;
    expect(outsideLabel('excluded', decision, 'zh')).toBe('部门排除认定：不属于本部门监管对象（2026-11-30起）');
    expect(outsideLabel('no-basis', undefined, 'en')).toBe('No basis (no record, industry code or decision)');
  });
});
