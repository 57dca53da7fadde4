/**
 * What an import leaves for the data-quality statistics of "双公示" (src/modules/quality): every refused row
 * (department, decision number, errors, time; a natural person only masked) and, for every accepted row,
 * when the record was first received and the subject name and code it was reported with.
 */
import { normaliseIdentifier } from '../../common/identifiers/normalise';
import { usccProblem } from '../../common/identifiers/uscc';
import { maskIdNumber, scrubDeep, scrubIdNumbers } from '../../common/pii';
import type { FieldError } from '../../common/problem';
import { RECORD_TYPES } from '../../rules/facts';
import { isCalendarDate } from '../../common/calendar-date';

const ID_SHAPE = /^\d{17}[\dX]$/;

export interface RejectionRow {
  source: string | null;
  decision_number: string | null;
  record_type: string | null;
  decision_date: string | null;
  subject_code: string | null;
  subject_masked: string | null;
  code_check_failed: boolean;
  row_number: number;
  line: number | null;
  errors: readonly FieldError[];
}

/** What PostgreSQL text and jsonb cannot hold (NUL, lone surrogates) is replaced: a hostile row is still kept. */
const storable = (s: string): string =>
  s
    .replaceAll(String.fromCharCode(0), '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const text = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.trim() ? storable(scrubIdNumbers(v.trim()).slice(0, max)) : null;

/** A refused row as kept: only what locates it and why it was refused; never a full ID number. */
export function rejectionOf(
  row: number,
  line: number | undefined,
  data: unknown,
  errors: readonly FieldError[],
): RejectionRow {
  const o = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const idNumber = typeof o.subjectIdNumber === 'string' ? normaliseIdentifier(o.subjectIdNumber) : '';
  const code = idNumber
    ? null
    : text(typeof o.subjectCode === 'string' ? normaliseIdentifier(o.subjectCode) : undefined, 32);
  return {
    source: text(o.source, 200),
    decision_number: text(o.decisionNumber, 128),
    record_type: typeof o.type === 'string' && (RECORD_TYPES as readonly string[]).includes(o.type) ? o.type : null,
    decision_date: isCalendarDate(o.decisionDate) ? o.decisionDate : null,
    subject_code: code,
    subject_masked: ID_SHAPE.test(idNumber) ? maskIdNumber(idNumber) : null,
    code_check_failed: code !== null && usccProblem(code) === 'check',
    row_number: row,
    line: line ?? null,
    errors: scrubDeep(
      errors.map((e) => ({
        field: storable(String(e.field).slice(0, 200)),
        reason: storable(String(e.reason).slice(0, 500)),
      })),
    ),
  };
}

export interface Receipt {
  readonly record_id: string;
  /** An organisation's code and the name it was reported with; null for a natural person. */
  readonly subject_code: string | null;
  readonly reported_name: string | null;
}
