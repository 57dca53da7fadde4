import { isCalendarDate } from '../../common/calendar-date';
import { normaliseIdentifier } from '../../common/identifiers/normalise';
import { residentIdProblem } from '../../common/identifiers/resident-id';
import { usccProblem } from '../../common/identifiers/uscc';
import { scrubIdNumbers } from '../../common/pii';
import { PUBLIC_CREDIT_GRADES, TAX_CREDIT_LEVELS, SUBJECT_KINDS } from '../../rules/shared';
import {
  AWARD_LEVELS,
  COMMITMENT_STATUSES,
  ENFORCEMENT_MEASURES,
  COMMITMENT_TYPES,
  INSPECTION_RESULTS,
  LIST_TYPES,
  PENALTY_TYPES,
  RECORD_INDUSTRIES,
  RECORD_SEVERITIES,
  RECORD_TYPES,
} from '../../rules/facts';
import { industryCodeProblem } from '../../rules/membership';
import { PUBLICITY_SECTORS, RecordRowDto, type RecordRowField } from './dto/record-row.dto';

/**
 * A record row that is plainly valid, taken without class-transformer and class-validator: an import validates
 * every row, and those two were ≈ 24 % of an import's CPU (profile of bench:import, issue 16). Each field is read by
 * the rule its decorators state (record-row.dto.ts and the field classes it extends), applying the same transforms
 * (texts trimmed, identifiers in their normal form). Anything unusual — a null, a text longer in UTF-16 units than
 * its limit in characters, a NUL, a number with more than four decimals, an unknown field — answers null and the row
 * goes through class-validator exactly as before, which accepts it or names its errors. So this only ever accepts
 * what class-validator accepts, and makes the same row of it (row-fast.spec.ts compares the two on random rows).
 */
type FieldRule = (v: unknown) => unknown; // the value the row takes, or SKIP

const SKIP = Symbol('not plainly valid');
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern looks for
const NUL = /\u0000/;

const text =
  (max: number, verbatim = false): FieldRule =>
  (v) => {
    if (typeof v !== 'string') return SKIP;
    const t = v.trim();
    if (t.length === 0 || t.length > max || NUL.test(t)) return SKIP;
    // Kept verbatim (source, decision number): one holding a resident ID number is refused, by class-validator.
    if (verbatim && scrubIdNumbers(t) !== t) return SKIP;
    return t;
  };
const oneOf = (values: readonly string[]): FieldRule => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v) => (set.has(v) ? v : SKIP);
};
const date: FieldRule = (v) => (isCalendarDate(v) ? v : SKIP);
const integer =
  (min: number, max: number): FieldRule =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? v : SKIP;
const DECIMAL4 = /^\d+(\.\d{1,4})?$/;
const amount: FieldRule = (v) =>
  typeof v === 'number' && v >= 0 && v <= 9_999_999_999 && DECIMAL4.test(String(v)) ? v : SKIP;
const identifier =
  (problem: (s: string) => unknown): FieldRule =>
  (v) => {
    const n = normaliseIdentifier(v);
    return typeof n === 'string' && problem(n) === null ? n : SKIP;
  };
const REGION = /^\d{6}$/;
const PENALTY_TYPE_SET: ReadonlySet<unknown> = new Set(PENALTY_TYPES);
const penaltyTypes: FieldRule = (v) => {
  if (!Array.isArray(v) || v.length > PENALTY_TYPES.length) return SKIP;
  const seen = new Set<unknown>();
  for (const t of v as unknown[]) {
    if (!PENALTY_TYPE_SET.has(t) || seen.has(t)) return SKIP;
    seen.add(t);
  }
  return [...(v as unknown[])];
};

const RULES: Readonly<Record<RecordRowField, FieldRule>> = {
  // RecordSubjectFields
  subjectName: text(200),
  subjectCode: identifier(usccProblem),
  subjectIdNumber: identifier(residentIdProblem),
  subjectKind: oneOf(SUBJECT_KINDS),
  subjectRegisteredOn: date,
  subjectRegion: (v) => (typeof v === 'string' && REGION.test(v) ? v : SKIP),
  subjectIndustryCode: identifier((s) => industryCodeProblem(s) ?? null),
  legalRepresentative: text(100),
  // RecordDetailFields
  violationType: text(200),
  violationFacts: text(4000),
  legalBasis: text(2000),
  content: text(4000),
  authority: text(200),
  authorityUscc: identifier(usccProblem),
  sourceUscc: identifier(usccProblem),
  confiscationAmount: amount,
  penaltyEndDate: date,
  project: text(200),
  licenceCode: text(128),
  approvalCategory: text(64),
  validFrom: date,
  enforcementMeasure: oneOf(ENFORCEMENT_MEASURES),
  awardName: text(200),
  awardLevel: oneOf(AWARD_LEVELS),
  remarks: text(1000),
  // RecordRowDto
  type: oneOf(RECORD_TYPES),
  source: text(200, true),
  decisionNumber: text(128, true),
  industry: oneOf(RECORD_INDUSTRIES),
  sector: oneOf(PUBLICITY_SECTORS),
  severity: oneOf(RECORD_SEVERITIES),
  listType: oneOf(LIST_TYPES),
  taxLevel: oneOf(TAX_CREDIT_LEVELS),
  taxYear: integer(1990, 2100),
  publicCreditGrade: oneOf(PUBLIC_CREDIT_GRADES),
  decisionDate: date,
  listEndDate: date,
  listGround: integer(1, 6),
  validUntil: date,
  penaltyTypes,
  fineAmount: amount,
  commitmentStatus: oneOf(COMMITMENT_STATUSES),
  commitmentStatusDate: date,
  commitmentType: oneOf(COMMITMENT_TYPES),
  inspectionResult: oneOf(INSPECTION_RESULTS),
  revokedAt: date,
  revocationReason: text(500),
  repairedAt: date,
  endedAt: date,
};
const REQUIRED: readonly RecordRowField[] = ['subjectName', 'type', 'source', 'decisionNumber', 'decisionDate'];

/** The row class-validator would make of a plainly valid record; null when the row is not plainly valid. */
export function plainRecordRow(raw: unknown): RecordRowDto | null {
  if (raw === null || typeof raw !== 'object' || Object.getPrototypeOf(raw) !== Object.prototype) return null;
  const fields = raw as Record<string, unknown>;
  for (const f of REQUIRED) if (!(f in fields)) return null;
  const row = new RecordRowDto() as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(RULES, key)) return null;
    const value = RULES[key as RecordRowField](fields[key]);
    if (value === SKIP) return null;
    row[key] = value;
  }
  return row as unknown as RecordRowDto;
}
