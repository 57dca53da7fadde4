import 'reflect-metadata';
import { parseCsvImport } from './import-parse';
import { normaliseRecord } from './record-normalise';
import { checkRow } from './row-check';
import { templateHeader } from './import-template';
import { ADMIN_INFO_TYPES } from '../../rules/facts';

/** The five kinds of 行政管理信息 as import rows: the 合规 checks name the missing field; Chinese cells are read. */
const TODAY = '2026-11-28';
const common = {
  source: '綦江区市场监督管理局',
  subjectName: '某某公司',
  subjectCode: '91350200776049653A',
  decisionDate: '2026-03-02',
};
const refused = (raw: Record<string, unknown>) => {
  const c = checkRow(raw, TODAY);
  return c.ok ? [] : c.errors.map((e) => e.field).sort();
};

describe('records: administrative information rows (行政管理信息)', () => {
  it('refuses each kind without the fields it needs, naming them', () => {
    const bare = (type: string) => refused({ ...common, type, decisionNumber: `${type}-1` });
    expect(bare('admin_enforcement')).toEqual(['content', 'enforcementMeasure', 'legalBasis']);
    expect(bare('admin_reward')).toEqual(['awardLevel', 'awardName', 'content']);
    expect(bare('admin_confirmation')).toEqual(['content', 'legalBasis']);
    expect(bare('admin_adjudication')).toEqual(['content', 'legalBasis']);
    expect(bare('admin_supervision')).toEqual(['content']);
  });

  it('refuses a kind-specific field on another type, and an unknown measure or level', () => {
    const reward = { ...common, type: 'admin_reward', decisionNumber: 'JL-1', awardName: '守信企业', content: '表彰' };
    expect(refused({ ...reward, awardLevel: 'municipal' })).toEqual([]);
    expect(refused({ ...reward, awardLevel: 'municipal', enforcementMeasure: 'seizure' })).toEqual([
      'enforcementMeasure',
    ]);
    expect(refused({ ...reward, awardLevel: 'galactic' })).toEqual(['awardLevel']);
    expect(refused({ ...common, type: 'licence', decisionNumber: 'L-1', awardName: '守信企业' })).toEqual([
      'awardName',
    ]);
  });

  it('stores the publicity end of the local parameter, the kind fields in details, no rule version', () => {
    const c = checkRow(
      {
        ...common,
        type: 'admin_enforcement',
        decisionNumber: 'QZ-1',
        enforcementMeasure: 'sealing',
        legalBasis: '《行政强制法》第九条',
        content: '查封生产设备3台',
      },
      TODAY,
    );
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const n = normaliseRecord(c.row, 'code:91350200776049653A');
    expect(n).toMatchObject({
      type: 'admin_enforcement',
      publicity_end: '2027-03-02',
      publicity_min_end: null,
      rule_version: null,
      industry: 'general',
    });
    expect(n.details).toMatchObject({ enforcementMeasure: 'sealing', content: '查封生产设备3台' });
  });

  it('reads Chinese headers and cell values of a CSV (奖励级别 市级, 行政强制类别 扣押财物)', () => {
    // Two titles naming one field (强制内容, 奖励内容 → content) in one file are refused like any duplicate column.
    expect(() => parseCsvImport('type,强制内容,奖励内容\nadmin_reward,a,b\n')).toThrow(/content is given twice/);
    const csv = [
      '行政相对人名称,统一社会信用代码,type,决定文书号,行政强制类别,强制依据,content,奖励名称,奖励级别,决定日期,数据来源单位',
      `某某公司,91350200776049653A,admin_enforcement,QZ-2,扣押财物,《行政强制法》第九条,扣押产品,,,2026/3/2,区市场监管局`,
      `某某公司,91350200776049653A,admin_reward,JL-2,,,通报表扬,守合同重信用企业,市级,2026年3月2日,区政府`,
      `某某公司,91350200776049653A,admin_reward,JL-3,,,通报表扬,守合同重信用企业,银河级,2026-03-02,区政府`,
    ].join('\n');
    const rows = parseCsvImport(csv).map((r) => r.data as Record<string, unknown>);
    expect(rows[0]).toMatchObject({
      enforcementMeasure: 'seizure',
      decisionNumber: 'QZ-2',
      decisionDate: '2026-03-02',
    });
    expect(rows[1]).toMatchObject({ awardLevel: 'municipal', awardName: '守合同重信用企业' });
    expect(refused(rows[0])).toEqual([]);
    expect(refused(rows[1])).toEqual([]);
    // An unknown name is kept as written and refused, naming the field.
    expect(rows[2].awardLevel).toBe('银河级');
    expect(refused(rows[2])).toEqual(['awardLevel']);
  });

  it('has an import template per kind that carries the fields it needs', () => {
    for (const t of ADMIN_INFO_TYPES)
      expect(templateHeader(t, 'zh')).toEqual(expect.arrayContaining(['type', 'content']));
    expect(templateHeader('admin_reward', 'en')).toEqual(expect.arrayContaining(['awardName', 'awardLevel']));
    expect(templateHeader('admin_enforcement', 'en')).toEqual(expect.arrayContaining(['enforcementMeasure']));
  });

  it('refuses an amount JavaScript writes in exponent form, naming the field (not a crash)', () => {
    const penalty = {
      ...common,
      type: 'penalty',
      decisionNumber: 'P-1',
      severity: 'general',
      penaltyTypes: ['fine'],
    };
    expect(refused({ ...penalty, fineAmount: 1e-7 })).toEqual(['fineAmount']);
    expect(refused({ ...penalty, fineAmount: 2.5, confiscationAmount: 6e-323 })).toEqual(['confiscationAmount']);
    expect(refused({ ...penalty, fineAmount: 2.12345 })).toEqual(['fineAmount']);
    expect(refused({ ...penalty, fineAmount: 2.1234 })).toEqual([]);
  });
});
