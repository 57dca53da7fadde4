import 'reflect-metadata';
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { residentIdCheckChar } from '../../common/identifiers/resident-id';
import { RECORD_ROW_FIELDS, RecordRowDto, type RecordRowField } from './dto/record-row.dto';
import { plainRecordRow } from './row-fast';
import { RECORD_TYPES } from '../../rules/facts';

/**
 * The import's fast path against class-validator, which it stands in for: whatever row it takes, class-validator
 * (with the import's options) accepts, and makes the same row of — same own fields, same values. What it does not take
 * goes to class-validator, so those rows' answers are class-validator's.
 */
const viaClassValidator = (raw: object): { ok: boolean; row: RecordRowDto } => {
  const row = plainToInstance(RecordRowDto, raw);
  const errors = validateSync(row, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return { ok: errors.length === 0, row };
};
const copy = (o: object) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
const ownFields = (o: object) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));

const USCC = '91350200776049653A';
const idNumber = (body17: string) => body17 + residentIdCheckChar(body17);
const ID = idNumber('35020319800101123');
const ADMIN = {
  source: '綦江区市场监督管理局',
  subjectName: '某某公司',
  subjectCode: USCC,
  decisionDate: '2025-05-06',
};
const ADMIN_TEXT = {
  content: '扣押不合格产品120件',
  legalBasis: '《行政强制法》第九条',
  authority: '綦江区市场监督管理局',
};
const BASES: Record<string, Record<string, unknown>> = {
  // 行政管理信息 (admin-info.ts): the five kinds with the fields each needs.
  admin_enforcement: {
    ...ADMIN,
    ...ADMIN_TEXT,
    type: 'admin_enforcement',
    decisionNumber: 'QZ-1',
    enforcementMeasure: 'seizure',
  },
  admin_reward: {
    ...ADMIN,
    type: 'admin_reward',
    decisionNumber: 'JL-1',
    awardName: '守合同重信用企业',
    awardLevel: 'municipal',
    content: '通报表扬',
  },
  admin_confirmation: { ...ADMIN, ...ADMIN_TEXT, type: 'admin_confirmation', decisionNumber: 'QR-1' },
  admin_adjudication: { ...ADMIN, ...ADMIN_TEXT, type: 'admin_adjudication', decisionNumber: 'CJ-1' },
  admin_supervision: {
    ...ADMIN,
    type: 'admin_supervision',
    decisionNumber: 'JC-1',
    content: '检查未发现问题',
    industry: 'food_drug',
  },
  penalty: {
    type: 'penalty',
    source: '厦门市市场监督管理局',
    decisionNumber: '厦市监处罚〔2025〕123号',
    subjectName: '厦门市某某食品有限公司',
    subjectCode: USCC,
    severity: 'general',
    penaltyTypes: ['fine', 'confiscation'],
    fineAmount: 2.5,
    confiscationAmount: 0.1234,
    decisionDate: '2025-03-10',
    industry: 'food_drug',
    sector: 'food',
    violationType: '生产经营不符合食品安全标准的食品',
    legalBasis: '《食品安全法》第一百二十四条',
    authority: '厦门市市场监督管理局',
    authorityUscc: USCC,
  },
  licence: {
    type: 'licence',
    source: 'SAMR-XM',
    decisionNumber: 'JY-2024-1',
    subjectName: '某某餐馆',
    subjectIdNumber: ID,
    subjectKind: 'individual_business',
    decisionDate: '2024-01-01',
    validFrom: '2024-01-01',
    validUntil: '2029-12-31',
    licenceCode: 'JY13502030012345',
    subjectRegion: '350203',
    subjectIndustryCode: 'H6110',
  },
  list_entry: {
    type: 'list_entry',
    source: '厦门市中级人民法院',
    decisionNumber: '(2025)闽02执123号',
    subjectName: '某某建设有限公司',
    subjectCode: USCC,
    listType: 'court_defaulter',
    listGround: 2,
    severity: 'serious',
    decisionDate: '2025-05-01',
    listEndDate: '2027-05-01',
  },
  tax_credit: {
    type: 'tax_credit',
    source: '国家税务总局厦门市税务局',
    decisionNumber: 'TAX-2024-9',
    subjectName: '某某贸易有限公司',
    subjectCode: USCC,
    taxLevel: 'A',
    taxYear: 2024,
    decisionDate: '2025-04-01',
  },
  public_credit: {
    type: 'public_credit',
    source: '信用中国（重庆）',
    decisionNumber: 'GGXYPJ-2025-88',
    subjectName: '某某科技有限公司',
    subjectCode: USCC,
    publicCreditGrade: 'B',
    decisionDate: '2025-07-01',
    remarks: '公共信用综合评价结果',
  },
  commitment: {
    type: 'commitment',
    source: '行政审批局',
    decisionNumber: 'CN-1',
    subjectName: '某某公司',
    subjectCode: USCC,
    commitmentStatus: 'breached',
    commitmentStatusDate: '2025-06-01',
    decisionDate: '2025-01-01',
    remarks: '告知承诺制',
  },
  inspection: {
    type: 'inspection',
    source: '消防救援支队',
    decisionNumber: 'INS-7',
    subjectName: '某某酒店',
    subjectCode: USCC,
    inspectionResult: 'failed',
    decisionDate: '2025-02-02',
    revokedAt: '2025-03-03',
    revocationReason: '复核撤销',
  },
};

/** Values a careless or hostile row may carry, for any field. */
const ODD: unknown[] = [
  null,
  undefined,
  '',
  '   ',
  ' padded text ',
  'a\u0000b',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(200),
  'x'.repeat(201),
  '😀'.repeat(100),
  '😀'.repeat(101),
  ` ${USCC.toLowerCase()} `,
  '９１３５０２００７７６０４９６５３Ａ',
  USCC.slice(0, 17) + '0',
  ID.toLowerCase(),
  `文号${ID}`,
  ` ${ID} `,
  '2025-02-30',
  '2025-2-3',
  '2024-02-29',
  ' 2025-03-10',
  '350203',
  '35020',
  'H6110',
  'h6110',
  'Z999',
  0,
  -0,
  -1,
  1.5,
  0.12345,
  1e21,
  9_999_999_999,
  10_000_000_000,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1990,
  2101,
  6,
  7,
  '5',
  true,
  [],
  ['fine'],
  ['fine', 'fine'],
  ['fine', 'warning', 'bogus'],
  { nested: 1 },
  'penalty',
  'general',
  'food',
  'court_defaulter',
  'A',
  'M',
  'D',
  'E',
  'public_credit',
  'seizure',
  'county',
  'admin_reward',
  'breached',
  'passed',
  'legal_person',
];

const mutation = fc.record({
  base: fc.constantFrom(...Object.keys(BASES)),
  changes: fc.array(
    fc.tuple(
      fc.constantFrom<RecordRowField | 'unknownField' | '__proto__'>(...RECORD_ROW_FIELDS, 'unknownField', '__proto__'),
      fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 12 }), fc.double(), fc.integer()),
    ),
    { maxLength: 4 },
  ),
  drop: fc.option(fc.constantFrom(...RECORD_ROW_FIELDS), { nil: undefined }),
});

/** As a row arrives: JSON parsed (a "__proto__" key is an own key), or a CSV row's plain object. */
function rowOf(m: { base: string; changes: [string, unknown][]; drop?: string }): Record<string, unknown> {
  const row = copy(BASES[m.base]);
  for (const [k, v] of m.changes)
    Object.defineProperty(row, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (m.drop) delete row[m.drop];
  return row;
}

describe('records: a plainly valid row without class-validator (row-fast)', () => {
  it('takes every record type plainly written, as class-validator makes it', () => {
    // Every record type has a base row here (a new type is covered as soon as it is declared).
    expect(Object.keys(BASES).sort()).toEqual([...RECORD_TYPES].sort());
    for (const [type, raw] of Object.entries(BASES)) {
      const fast = plainRecordRow(copy(raw));
      expect({ type, taken: fast !== null }).toEqual({ type, taken: true });
      const slow = viaClassValidator(copy(raw));
      expect(slow.ok).toBe(true);
      expect(fast).toBeInstanceOf(RecordRowDto);
      expect(ownFields(fast!)).toEqual(ownFields(slow.row));
    }
  });

  it('applies the same transforms: texts trimmed, identifiers in normal form', () => {
    const raw = {
      ...BASES.penalty,
      subjectName: '  某某公司 ',
      subjectCode: ' ９１３５０２００７７６０４９６５３ａ ',
      source: ' SAMR ',
      penaltyTypes: ['fine'],
    };
    const fast = plainRecordRow(raw)!;
    expect(fast.subjectName).toBe('某某公司');
    expect(fast.subjectCode).toBe(USCC);
    expect(fast.source).toBe('SAMR');
    expect(ownFields(fast)).toEqual(ownFields(viaClassValidator(raw).row));
  });

  it('every field of every record type set to every odd value, one at a time: taken only as class-validator takes it', () => {
    const wrong: string[] = [];
    let taken = 0;
    for (const base of Object.keys(BASES))
      for (const field of [...RECORD_ROW_FIELDS, 'unknownField', '__proto__'])
        for (const value of ODD) {
          const m = { base, changes: [[field, value]] as [string, unknown][] };
          const fast = plainRecordRow(rowOf(m));
          if (fast === null) continue;
          taken++;
          const slow = viaClassValidator(rowOf(m));
          if (!slow.ok || JSON.stringify(ownFields(fast)) !== JSON.stringify(ownFields(slow.row)))
            wrong.push(`${base}.${field} = ${JSON.stringify(value)}`);
        }
    expect(wrong).toEqual([]);
    expect(taken).toBeGreaterThan(1000);
  });

  it('on random rows: whatever it takes, class-validator accepts and makes the same row of', () => {
    let taken = 0;
    let refusedByClassValidator = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const raw = rowOf(m);
        const fast = plainRecordRow(raw);
        const slow = viaClassValidator(rowOf(m));
        if (!slow.ok) refusedByClassValidator++;
        if (fast === null) return;
        taken++;
        expect(slow.ok).toBe(true);
        expect(ownFields(fast)).toEqual(ownFields(slow.row));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    // Both kinds of row were drawn: the property was not vacuous.
    expect(taken).toBeGreaterThan(300);
    expect(refusedByClassValidator).toBeGreaterThan(300);
  });
});
