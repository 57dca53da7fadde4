import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { ValidationFailed } from '../../common/problem';
import { RECORD_ROW_FIELDS, RecordRowDto } from './dto/record-row.dto';
import { parseCsvImport, parseJsonImport } from './import-parse';
import { normaliseRecord } from './record-normalise';
import { checkRow } from './row-check';

const TODAY = '2026-11-28';
const base = {
  type: 'penalty',
  source: 'SAMR-XM',
  decisionNumber: 'X-1',
  subjectName: '公司',
  subjectCode: '91350200776049653A',
  severity: 'general',
  penaltyTypes: ['fine'],
  fineAmount: 2,
  decisionDate: '2025-03-10',
};
const fields = (raw: unknown) => {
  const c = checkRow(raw, TODAY);
  return c.ok ? [] : c.errors.map((e) => e.field);
};
const dto = (raw: Record<string, unknown>) => {
  const c = checkRow(raw, TODAY);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.row;
};

describe('records: row rules', () => {
  it('the CSV vocabulary is exactly the DTO fields', () => {
    const props = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(RecordRowDto, '', true, false)
        .map((m) => m.propertyName),
    );
    expect([...props].sort()).toEqual([...RECORD_ROW_FIELDS].sort());
  });

  it('accepts a good row and refuses each broken field by name', () => {
    expect(fields(base)).toEqual([]);
    expect(fields({ ...base, subjectCode: '91350100M000100Y4A' })).toEqual(['subjectCode']);
    expect(fields({ ...base, subjectCode: undefined })).toEqual(['subjectCode']);
    expect(fields({ ...base, subjectIdNumber: '11010519491231002X' })).toEqual(['subjectIdNumber']);
    expect(fields({ ...base, decisionDate: '2025-02-29' })).toEqual(['decisionDate']);
    expect(fields({ ...base, decisionDate: '2026-11-29' })).toEqual(['decisionDate']);
    expect(fields({ ...base, penaltyTypes: ['fine', 'flogging'] })).toEqual(['penaltyTypes']);
    expect(fields({ ...base, fineAmount: 1.23456 })).toEqual(['fineAmount']);
    expect(fields({ ...base, fineAmount: undefined })).toEqual(['fineAmount']);
    expect(fields({ ...base, taxYear: 2024 })).toEqual(['taxYear']);
    expect(fields({ ...base, industry: 'food_drug', sector: 'fire' })).toEqual(['sector']);
    expect(fields({ ...base, repairedAt: '2025-01-01' })).toEqual(['repairedAt']);
    expect(fields({ ...base, legalRepresentative: '11010519491231002X' })).toEqual(['legalRepresentative']);
    expect(
      fields({
        ...base,
        type: 'tax_credit',
        severity: undefined,
        penaltyTypes: undefined,
        fineAmount: undefined,
        taxLevel: 'B',
        taxYear: 2026,
      }),
    ).toEqual(['taxYear']);
    expect(fields('a string')).toEqual(['row']);
  });

  it('normalises deterministically: same content, same hash; ID numbers scrubbed from free text', () => {
    const a = normaliseRecord(
      dto({ ...base, penaltyTypes: ['fine', 'warning'], violationFacts: '当事人身份证号11010519491231002X' }),
      'S1',
    );
    const b = normaliseRecord(
      dto({ ...base, penaltyTypes: ['warning', 'fine'], violationFacts: '当事人身份证号11010519491231002X' }),
      'S1',
    );
    expect(a.content_hash).toBe(b.content_hash);
    expect(a.penalty_types).toEqual(['warning', 'fine']);
    expect(a.details.violationFacts).toBe('当事人身份证号110105********002X');
    expect(normaliseRecord(dto({ ...base, fineAmount: 2.5 }), 'S1').content_hash).not.toBe(a.content_hash);
    expect(normaliseRecord(dto(base), 'S2').content_hash).not.toBe(normaliseRecord(dto(base), 'S1').content_hash);
    // The hash stored with every record recognises a re-import as unchanged: its text may not drift between versions
    // (this digest was written by the release before issue 16's import work, and must still be).
    expect(normaliseRecord(dto({ ...base, violationFacts: '事实', remarks: '备注' }), 'S1').content_hash).toBe(
      '57019c98961e154b9ef340a63f95356f8572593de6e0c8ab2bd08121593fb230',
    );
    expect(normaliseRecord(dto({ ...base, revokedAt: '2025-05-01' }), 'S1')).toMatchObject({
      status: 'revoked',
      revoked_at: '2025-05-01',
    });
  });
});

describe('records: import bodies', () => {
  const refusal = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      if (e instanceof ValidationFailed) return (e.errors ?? []).map((x) => x.field);
      throw e;
    }
    throw new Error('not refused');
  };

  it('reads CSV cells into typed fields and numbers rows by their first line', () => {
    const rows = parseCsvImport(
      '\ufefftype,penaltyTypes,fineAmount,violationFacts\r\npenalty,fine; confiscation,1.5,"a\nb"\n\npenalty,,x,c\n',
    );
    expect(rows).toEqual([
      {
        row: 1,
        line: 2,
        data: { type: 'penalty', penaltyTypes: ['fine', 'confiscation'], fineAmount: 1.5, violationFacts: 'a\nb' },
      },
      { row: 2, line: 5, data: { type: 'penalty', fineAmount: 'x', violationFacts: 'c' } },
    ]);
  });

  it('refuses unreadable bodies naming the line, column or field', () => {
    expect(refusal(() => parseCsvImport('type,colour\npenalty,red\n'))).toEqual(['colour']);
    expect(refusal(() => parseCsvImport('type,type\npenalty,penalty\n'))).toEqual(['type']);
    expect(refusal(() => parseCsvImport('type,source\npenalty\n'))).toEqual(['line 2']);
    expect(refusal(() => parseCsvImport('type\n'))).toEqual(['records']);
    expect(refusal(() => parseJsonImport([]))).toEqual(['body']);
    expect(refusal(() => parseJsonImport({ records: {} }))).toEqual(['records']);
    expect(refusal(() => parseJsonImport({ records: [{}], extra: 1 }))).toEqual(['extra']);
  });
});
