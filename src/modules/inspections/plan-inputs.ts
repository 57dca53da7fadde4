import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../common/canonical-json';
import { normaliseIdentifier } from '../../common/identifiers/normalise';
import { addMonths } from '../../rules/shared';
import type { DrawInput, DrawPolicy, DrawSubject } from '../../rules/draw';
import type { CreatePlanDto } from './dto/plan-request.dto';

/** One tiered subject of the industry, as read for a draw. */
export interface Candidate {
  readonly id: string;
  readonly code: string | null;
  readonly tier: string;
  readonly policy: {
    samplingRatio?: number;
    minInspectionsPerYear?: number;
    onSiteWithoutLead?: boolean;
    keyItemsFull?: boolean;
  };
  readonly packId: string;
  readonly packVersion: string;
  readonly packHash: string;
  /** Inspections of the plan's industry in the 12 months up to the draw (InspectionsStore.candidates). */
  readonly inspections12: number;
  /** The latest inspection of the plan's industry up to the draw, 'YYYY-MM-DD'; null when none is known. */
  readonly lastInspected: string | null;
  /** The subject's registration date (成立日期), 'YYYY-MM-DD'; null when unknown. */
  readonly registeredOn: string | null;
}

/**
 * Due by frequency (检查频次) on `today`: a tier that asks for n ≥ 1 inspections a year and had fewer
 * than ⌊n⌋ in the last 12 months; a tier that asks for f < 1 a year (A: once in two years, the floor of
 * 令第49号 Art. 22 for every food business) and had none in the last round(12 / f) months (counted from
 * registration when it was never inspected).
 */
export function isDue(c: Candidate, today: string): boolean {
  const perYear = Number(c.policy.minInspectionsPerYear ?? 0);
  if (!(perYear > 0)) return false;
  if (perYear >= 1) return c.inspections12 < Math.floor(perYear);
  // Counted from the last inspection, or from registration for a subject never inspected: a business
  // registered last month is not yet two years without an inspection. Neither known: due.
  const since = c.lastInspected ?? c.registeredOn;
  return since === null || since <= addMonths(today, -Math.round(12 / perYear));
}

/**
 * The published inputs of a draw: candidates in id order, the policy of each tier (from the first
 * candidate of that tier, in id order), conflicts and leads given by id or code resolved to subject ids.
 */
export function buildDrawInput(
  dto: CreatePlanDto,
  candidates: readonly Candidate[],
  seed: string,
  today: string,
): DrawInput {
  const idOf = new Map<string, string>();
  for (const c of candidates) {
    idOf.set(c.id, c.id);
    if (c.code) idOf.set(c.code, c.id);
  }
  // A code as typed (full width, lower case, blanks around) is the code (normaliseIdentifier); ids are lower-case UUIDs.
  const lookup = (r: string) => {
    const n = String(normaliseIdentifier(r));
    return idOf.get(n) ?? idOf.get(n.toLowerCase());
  };
  const resolve = (refs: readonly string[] | undefined) =>
    [...new Set((refs ?? []).map(lookup).filter((x): x is string => !!x))].sort();
  const leads = new Set(resolve(dto.leads));
  const policies: Record<string, DrawPolicy> = {};
  const subjects: DrawSubject[] = [];
  for (const c of [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    policies[c.tier] ??= {
      samplingRatio: Number(c.policy.samplingRatio ?? 0),
      onSiteWithoutLead: c.policy.onSiteWithoutLead !== false,
      keyItemsFull: c.policy.keyItemsFull === true,
    };
    subjects.push({ id: c.id, tier: c.tier, due: isDue(c, today), openLead: leads.has(c.id) });
  }
  const inspectors = [...dto.inspectors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => ({ id: i.id, department: i.department, conflicts: resolve(i.conflicts) }));
  return { subjects, policies, inspectors, seed };
}

/** SHA-256 of the inputs in canonical JSON (keys sorted, no whitespace): what the published hash covers. */
export function inputsHash(input: DrawInput): string {
  return createHash('sha256')
    .update(canonicalJson(input as unknown as JsonValue))
    .digest('hex');
}

/** The pack versions behind the candidates' tiers, e.g. {"food_drug": "1.0.0 (sha256 …)"}. */
export function packVersionsOf(candidates: readonly Candidate[]): Record<string, string> {
  const out: Record<string, Set<string>> = {};
  for (const c of candidates) (out[c.packId] ??= new Set()).add(c.packVersion);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort().join(',')]));
}
