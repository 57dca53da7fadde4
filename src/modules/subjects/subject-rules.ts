/**
 * The rules a subject must satisfy, as plain functions: the DTO decorators and the service (for calls
 * from other modules, e.g. bulk imports) share them, so HTTP and in-process callers get the same answer.
 * No message ever repeats an ID number.
 */
import { residentIdProblem, residentIdReason } from '../../common/identifiers/resident-id';
import { usccProblem, usccReason } from '../../common/identifiers/uscc';
import { foldDigits } from '../../common/pii';
import { SUBJECT_KINDS, SubjectKind } from '../../rules/shared';

export const NAME_MAX = 200;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const REGION = /^\d{6}$/;
const CONTROL = /\p{Cc}/u;
/** 15 digits (first-generation ID) or 17 digits + check, in any digit form: refused in names so it never sits in a URL. */
const ID_LIKE = /\d{17}[\dXx]|\d{15}/;

export function isSubjectKind(v: unknown): v is SubjectKind {
  return typeof v === 'string' && (SUBJECT_KINDS as readonly string[]).includes(v);
}

export function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** Codes and ID numbers are compared NFKC (full width as ASCII), upper case, without surrounding blanks. */
export { normaliseIdentifier } from '../../common/identifiers/normalise';

export function trimmed<T>(v: T): T | string {
  return typeof v === 'string' ? v.trim() : v;
}

/** The kind-specific rule for `code` / `idNumber`, then its GB check; null when fine. */
export function identifierProblem(field: 'code' | 'idNumber', kind: unknown, value: unknown): string | null {
  const present = isPresent(value);
  if (isSubjectKind(kind)) {
    const wanted = field === 'code' ? kind !== 'natural_person' : kind === 'natural_person';
    if (wanted && !present) {
      return field === 'code'
        ? `is required for kind ${kind} (统一社会信用代码)`
        : 'is required for kind natural_person (公民身份号码)';
    }
    if (!wanted && present) {
      return field === 'code'
        ? 'must be absent for kind natural_person (自然人): give idNumber'
        : `must be absent for kind ${kind}: give code`;
    }
  }
  if (!present) return null;
  if (typeof value !== 'string') return 'must be a string';
  if (field === 'code') {
    const p = usccProblem(value);
    return p && usccReason(p);
  }
  const p = residentIdProblem(value);
  return p && residentIdReason(p);
}

export function nameProblem(v: unknown): string | null {
  if (typeof v !== 'string') return 'must be a string';
  if (v.length < 1 || v.length > NAME_MAX) return `must be 1 to ${NAME_MAX} characters after trimming`;
  if (CONTROL.test(v)) return 'must not contain control characters';
  if (looksLikeIdNumber(v)) return 'must not contain an ID number (身份证号)';
  return null;
}

export function looksLikeIdNumber(text: string): boolean {
  return ID_LIKE.test(foldDigits(text));
}

export function regionProblem(v: unknown): string | null {
  return typeof v === 'string' && REGION.test(v)
    ? null
    : 'must be a 6-digit administrative division code (行政区划代码)';
}

/**
 * A real calendar date written YYYY-MM-DD, from 1800-01-01, and (given `today`, the service clock's date in
 * China time) not after today. Request validation checks the form; the service checks the date against its
 * clock (a pinned clock in tests, the calendar in production).
 */
export function registeredOnProblem(v: unknown, today?: string): string | null {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) return 'must be a date written YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return 'is not a real calendar date';
  }
  if (y < 1800) return 'must not be before 1800-01-01';
  if (today !== undefined && (v as string) > today)
    return `must not be in the future (today is ${today}, China Standard Time)`;
  return null;
}
