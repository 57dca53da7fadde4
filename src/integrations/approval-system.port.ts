/**
 * An approval system's own payload, mapped onto a check (逢办必查). One port, one adapter per system,
 * a fake for tests. An adapter only reshapes: the check itself validates every field.
 */
export interface CheckRequestShape {
  scenario: string;
  transaction: { reference: string; kind?: string; amount?: number };
  parties: Array<{ code?: string; idNumber?: string; role: string; name?: string }>;
  operator?: string;
}

export class PayloadProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export abstract class ApprovalSystemAdapter {
  /** Path segment of the integration route, e.g. `tendering-platform`. */
  abstract readonly system: string;
  abstract readonly description: string;
  /** Map the system's payload, or throw PayloadProblem naming the field. */
  abstract toCheck(payload: unknown): CheckRequestShape;
}

/** Small readers that name the offending field of an untyped payload. */
export function obj(v: unknown, field: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new PayloadProblem(field, 'must be an object');
  return v as Record<string, unknown>;
}
export function str(v: unknown, field: string, optional = false): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (optional) return undefined;
    throw new PayloadProblem(field, 'is required');
  }
  if (typeof v !== 'string') throw new PayloadProblem(field, 'must be a string');
  return v;
}
export function num(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new PayloadProblem(field, 'must be a number');
  return n;
}
export function arr(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new PayloadProblem(field, 'must be an array');
  return v;
}

/** A party given as {name, uscc} or {name, idCard}: code or ID number, whichever is present. */
export function partyOf(p: unknown, field: string, role: string, codeKey: string, idKey: string): CheckRequestShape['parties'][number] {
  const o = obj(p, field);
  const code = str(o[codeKey], `${field}.${codeKey}`, true);
  const idNumber = str(o[idKey], `${field}.${idKey}`, true);
  if (!code && !idNumber) throw new PayloadProblem(`${field}.${codeKey}`, `is required (or ${idKey} for a natural person)`);
  return { ...(code ? { code } : {}), ...(idNumber ? { idNumber } : {}), role, name: str(o.name, `${field}.name`, true) };
}
