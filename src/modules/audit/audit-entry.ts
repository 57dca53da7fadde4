import { randomUUID } from 'node:crypto';
import { auditIdentifier, auditString, canonicalJson, JsonValue, toAuditJson } from '../../common/canonical-json';
import { AUDIT_ALGORITHM, ChainFields, type RenderedBodies } from './audit-chain';
import { AuditEntryInvalid } from './audit.exception';
import type { AuditAppendInput, AuditEntryView } from './audit.types';
import { isUuid } from '../../common/uuid';

/**
 * An entry ready to chain: validated, scrubbed, reduced to plain JSON, its request and response also written
 * as canonical text once (hashed and stored from it); seq and hashes come in the batch.
 */
export type PreparedEntry = Omit<ChainFields, 'seq'> & { readonly rendered?: RenderedBodies };

const KIND = /^[a-z][a-z0-9_.:-]{0,31}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const ID_NUMBER_SHAPE =
  /(?<![0-9A-Za-z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/;

/** `verbatim`: a value the trail is searched by (caller, scenario, idempotency key; see auditIdentifier). */
function text(field: string, v: string | null | undefined, max: number, verbatim = false): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new AuditEntryInvalid(field, 'must be a string');
  const s = verbatim ? auditIdentifier(v) : auditString(v);
  // varchar(n) counts characters; a UTF-16 length within n is always within n characters.
  if (s.length > max) throw new AuditEntryInvalid(field, `must be at most ${max} characters`);
  return s;
}

function uuid(field: string, v: string): string {
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  if (!isUuid(s)) throw new AuditEntryInvalid(field, 'must be a UUID');
  return s;
}

/**
 * Validate and normalise one append before it joins a batch: a malformed entry is refused here, alone,
 * instead of failing the INSERT of everyone it was batched with.
 */
export function prepareEntry(input: AuditAppendInput, createdAt: Date): PreparedEntry {
  if (typeof input.kind !== 'string' || !KIND.test(input.kind)) {
    throw new AuditEntryInvalid(
      'kind',
      'must be 1-32 characters: lower-case letters, digits, "._:-", starting with a letter',
    );
  }
  const key = input.idempotencyKey ?? null;
  if (key !== null && ID_NUMBER_SHAPE.test(String(key))) {
    throw new AuditEntryInvalid('idempotencyKey', 'must not contain a personal ID number');
  }
  const requestHash = input.requestHash ? input.requestHash.toLowerCase() : null;
  if (requestHash !== null && !HEX64.test(requestHash))
    throw new AuditEntryInvalid('requestHash', 'must be 64 hexadecimal characters');
  const subjectIds = (input.subjectIds ?? []).map((s, i) => uuid(`subjectIds[${i}]`, s));
  const packVersions = toAuditJson(input.packVersions ?? {});
  if (packVersions === null || typeof packVersions !== 'object' || Array.isArray(packVersions)) {
    throw new AuditEntryInvalid('packVersions', 'must be an object');
  }
  const request = toAuditJson(input.request);
  const response = toAuditJson(input.response);
  return {
    id: input.id === undefined ? randomUUID() : uuid('id', input.id),
    kind: input.kind,
    caller: text('caller', input.caller, 100, true),
    operator: text('operator', input.operator, 100),
    scenario: text('scenario', input.scenario, 64, true),
    subject_ids: [...new Set(subjectIds)],
    idempotency_key: text('idempotencyKey', key, 200, true),
    request_hash: requestHash,
    request,
    response,
    pack_versions: packVersions,
    created_at: createdAt.toISOString(),
    algorithm: AUDIT_ALGORITHM,
    rendered: { request: canonicalJson(request), response: canonicalJson(response) },
  };
}

/** A row of audit_log as the `pg` driver returns it. */
export interface AuditRow {
  seq: string | number;
  id: string;
  kind: string;
  caller: string | null;
  operator: string | null;
  scenario: string | null;
  subject_ids: string[];
  idempotency_key: string | null;
  request_hash: string | null;
  request: JsonValue;
  response: JsonValue;
  pack_versions: JsonValue;
  created_at: Date | string;
  algorithm: string;
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = `seq, id, kind, caller, operator, scenario, subject_ids, idempotency_key, request_hash, request,
  response, pack_versions, created_at, algorithm, prev_hash, hash`;

/** The hashed fields of a stored row, read back exactly as they were written. */
export function chainFieldsOf(r: AuditRow): ChainFields {
  return {
    seq: Number(r.seq),
    id: r.id,
    kind: r.kind,
    caller: r.caller,
    operator: r.operator,
    scenario: r.scenario,
    subject_ids: r.subject_ids ?? [],
    idempotency_key: r.idempotency_key,
    request_hash: r.request_hash,
    request: r.request,
    response: r.response,
    pack_versions: r.pack_versions,
    created_at: new Date(r.created_at).toISOString(),
    algorithm: r.algorithm,
  };
}

export function viewOf(f: ChainFields, prevHash: string, hash: string): AuditEntryView {
  return {
    seq: f.seq,
    id: f.id,
    kind: f.kind,
    caller: f.caller,
    operator: f.operator,
    scenario: f.scenario,
    subjectIds: [...f.subject_ids],
    idempotencyKey: f.idempotency_key,
    requestHash: f.request_hash,
    request: f.request,
    response: f.response,
    packVersions: f.pack_versions,
    createdAt: f.created_at,
    algorithm: f.algorithm,
    prevHash,
    hash,
  };
}

export function viewOfRow(r: AuditRow): AuditEntryView {
  return viewOf(chainFieldsOf(r), r.prev_hash, r.hash);
}
