import { createHash, getHashes } from 'node:crypto';
import { canonicalJson, JsonValue } from '../../common/canonical-json';

/**
 * The hash chain: hash = H(prev_hash ‖ canonical JSON of the entry's fields). H is SM3 (GB/T 32905)
 * where this Node build has it, else SHA-256; each entry records its own algorithm, so a chain written
 * on one build verifies on another.
 */
export type AuditAlgorithm = 'sm3' | 'sha256';
export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ALGORITHM: AuditAlgorithm = getHashes().includes('sm3') ? 'sm3' : 'sha256';

/** Everything an entry's hash covers, named as the columns. */
export interface ChainFields {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly caller: string | null;
  readonly operator: string | null;
  readonly scenario: string | null;
  readonly subject_ids: readonly string[];
  readonly idempotency_key: string | null;
  readonly request_hash: string | null;
  readonly request: JsonValue;
  readonly response: JsonValue;
  readonly pack_versions: JsonValue;
  /** ISO 8601, milliseconds, UTC (Date#toISOString). */
  readonly created_at: string;
  readonly algorithm: string;
}

export function isSupportedAlgorithm(a: string): a is AuditAlgorithm {
  return a === 'sm3' || a === 'sha256';
}

/** The canonical text an entry's hash is computed over (without the previous hash). */
export function chainText(f: ChainFields): string {
  const fields: { [k in keyof ChainFields]: JsonValue } = {
    seq: f.seq,
    id: f.id,
    kind: f.kind,
    caller: f.caller,
    operator: f.operator,
    scenario: f.scenario,
    subject_ids: [...f.subject_ids],
    idempotency_key: f.idempotency_key,
    request_hash: f.request_hash,
    request: f.request,
    response: f.response,
    pack_versions: f.pack_versions,
    created_at: f.created_at,
    algorithm: f.algorithm,
  };
  return canonicalJson(fields);
}

/** The canonical texts of an entry's request and response, written once when it is prepared (audit-entry.ts). */
export interface RenderedBodies {
  readonly request: string;
  readonly response: string;
}

/**
 * chainText with the request and response already canonical: the same text (the keys in their sorted order,
 * written out), without walking the two largest values again.
 */
export function renderedChainText(f: ChainFields, r: RenderedBodies): string {
  return renderedChainParts(f, r).join('');
}

/** renderedChainText in five pieces, the request and response as they are (hashed piece by piece, never joined). */
function renderedChainParts(f: ChainFields, r: RenderedBodies): string[] {
  const j = canonicalJson;
  return [
    `{"algorithm":${j(f.algorithm)},"caller":${j(f.caller)},"created_at":${j(f.created_at)},"id":${j(f.id)}` +
      `,"idempotency_key":${j(f.idempotency_key)},"kind":${j(f.kind)},"operator":${j(f.operator)}` +
      `,"pack_versions":${j(f.pack_versions)},"request":`,
    r.request,
    `,"request_hash":${j(f.request_hash)},"response":`,
    r.response,
    `,"scenario":${j(f.scenario)},"seq":${j(f.seq)},"subject_ids":${j([...f.subject_ids])}}`,
  ];
}

/** Lower-case hex hash of prev_hash ‖ canonical fields, with the entry's own algorithm. */
export function entryHash(prevHash: string, f: ChainFields, rendered?: RenderedBodies): string {
  if (!isSupportedAlgorithm(f.algorithm)) throw new Error(`unsupported audit hash algorithm "${f.algorithm}"`);
  const hash = createHash(f.algorithm).update(prevHash, 'utf8');
  if (!rendered) return hash.update(chainText(f), 'utf8').digest('hex');
  for (const part of renderedChainParts(f, rendered)) hash.update(part, 'utf8');
  return hash.digest('hex');
}
