import { FieldError, ValidationFailed } from '../../common/problem';
import { maskIdNumber } from '../../common/pii';
import { usccRegion, usccSubjectKind } from '../../common/identifiers/uscc';
import type { SubjectKind } from '../../rules/shared';
import { industryCodeProblem } from '../../rules/membership';
import {
  identifierProblem,
  isPresent,
  isSubjectKind,
  nameProblem,
  normaliseIdentifier,
  regionProblem,
  registeredOnProblem,
  trimmed,
} from './subject-rules';

/** A validated row to insert: the ID number is already reduced to its keyed hash and masked form. */
export interface SubjectDraft {
  readonly kind: SubjectKind;
  readonly code: string | null;
  readonly idHash: string | null;
  readonly idMasked: string | null;
  readonly name: string;
  readonly region: string | null;
  readonly registeredOn: string | null;
  readonly industryCode: string | null;
}

export interface DraftInput {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly idNumber?: unknown;
  readonly name?: unknown;
  readonly region?: unknown;
  readonly registeredOn?: unknown;
  readonly industryCode?: unknown;
}

/**
 * Validate and normalise one subject; throws ValidationFailed naming every bad field. When `kind` is
 * absent it is inferred: natural_person for an ID number, otherwise from the USCC category code.
 * `today` (the service clock's date, China time) bounds the registration date.
 */
export function draftSubject(input: DraftInput, hash: (idNumber: string) => string, today: string): SubjectDraft {
  const code = normaliseIdentifier(input.code);
  const idNumber = normaliseIdentifier(input.idNumber);
  const name = trimmed(input.name);
  const errors: FieldError[] = [];
  const fail = (field: string, reason: string | null) => reason && errors.push({ field, reason });

  if (isPresent(input.kind) && !isSubjectKind(input.kind)) fail('kind', 'is not a known subject kind');
  if (isPresent(code) && isPresent(idNumber)) fail('idNumber', 'give either code or idNumber, not both');
  if (!isPresent(code) && !isPresent(idNumber))
    fail('code', 'code (统一社会信用代码) or idNumber (公民身份号码) is required');
  fail('code', identifierProblem('code', input.kind, code));
  fail('idNumber', identifierProblem('idNumber', input.kind, idNumber));
  fail('name', nameProblem(name));
  if (isPresent(input.region)) fail('region', regionProblem(input.region));
  if (isPresent(input.registeredOn)) fail('registeredOn', registeredOnProblem(input.registeredOn, today));
  if (isPresent(input.industryCode)) fail('industryCode', industryCodeProblem(input.industryCode) ?? null);
  if (errors.length) throw new ValidationFailed(dedupe(errors));

  const c = isPresent(code) ? (code as string) : null;
  const id = isPresent(idNumber) ? (idNumber as string) : null;
  const kind: SubjectKind = isSubjectKind(input.kind)
    ? input.kind
    : id
      ? 'natural_person'
      : usccSubjectKind(c as string);
  return {
    kind,
    code: c,
    idHash: id ? hash(id) : null,
    idMasked: id ? maskIdNumber(id) : null,
    name: name as string,
    region: isPresent(input.region) ? (input.region as string) : c ? usccRegion(c) : null,
    registeredOn: isPresent(input.registeredOn) ? (input.registeredOn as string) : null,
    industryCode: isPresent(input.industryCode) ? (input.industryCode as string) : null,
  };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}
