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

/**
 * A check request mapped from a system's payload, with where each of its fields came from, so that a field
 * the check refuses is named as the approval system wrote it (`bidders[1].unifiedCode`, not `parties[2].code`).
 */
export interface MappedCheck {
  readonly request: CheckRequestShape;
  /** Check field path → payload field path; a path under a key maps with it (`parties[2]` covers `parties[2].code`). */
  readonly origins: Readonly<Record<string, string>>;
}

export abstract class ApprovalSystemAdapter {
  /** Path segment of the integration route, e.g. `tendering-platform`. */
  abstract readonly system: string;
  abstract readonly description: string;
  /** A payload as the system sends it (documentation and tests). */
  abstract readonly example: unknown;
  /** Map the system's payload, or throw PayloadProblem naming the field. */
  abstract toCheck(payload: unknown): MappedCheck;
}

/** The payload's name for a field of the mapped check request (the field itself when it has no origin). */
export function originOf(field: string, origins: Readonly<Record<string, string>>): string {
  let best: string | undefined;
  for (const k of Object.keys(origins)) {
    const under = field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`);
    if (under && (best === undefined || k.length > best.length)) best = k;
  }
  return best === undefined ? field : origins[best] + field.slice(best.length);
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

/** A party as mapped, with the payload paths it came from. */
export interface SourcedParty {
  readonly party: CheckRequestShape['parties'][number];
  readonly from: string;
  readonly keys: { readonly code: string; readonly idNumber: string; readonly name: string };
}

/** A party given as {name, uscc} or {name, idCard}: code or ID number, whichever is present. */
export function partyOf(
  p: unknown,
  field: string,
  role: string,
  codeKey: string,
  idKey: string,
  nameKey = 'name',
): SourcedParty {
  const o = obj(p, field);
  const code = str(o[codeKey], `${field}.${codeKey}`, true);
  const idNumber = str(o[idKey], `${field}.${idKey}`, true);
  if (!code && !idNumber)
    throw new PayloadProblem(`${field}.${codeKey}`, `is required (or ${idKey} for a natural person)`);
  return {
    party: {
      ...(code ? { code } : {}),
      ...(idNumber ? { idNumber } : {}),
      role,
      name: str(o[nameKey], `${field}.${nameKey}`, true),
    },
    from: field,
    keys: { code: codeKey, idNumber: idKey, name: nameKey },
  };
}

/**
 * The mapped check from its scalar fields and its parties in order. `origins` names the payload fields of the
 * scalars (`transaction.reference`, `operator`, …) and `parties`, the array as a whole (its length limits).
 */
export function mappedCheck(
  request: Omit<CheckRequestShape, 'parties'>,
  parties: readonly SourcedParty[],
  origins: Record<string, string>,
): MappedCheck {
  const all: Record<string, string> = { ...origins };
  parties.forEach((s, i) => {
    all[`parties[${i}]`] = s.from;
    all[`parties[${i}].code`] = `${s.from}.${s.keys.code}`;
    all[`parties[${i}].idNumber`] = `${s.from}.${s.keys.idNumber}`;
    all[`parties[${i}].name`] = `${s.from}.${s.keys.name}`;
  });
  return { request: { ...request, parties: parties.map((s) => s.party) }, origins: all };
}
