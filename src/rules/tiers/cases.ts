/**
 * Golden cases (`rule-packs/<id>/cases.json`), of two kinds:
 *   - fact cases: partial fact sets, catalogue defaults filling the rest;
 *   - record cases: a subject, its records of any industry (and department assignments) as of a date —
 *     membership and facts are derived for the pack's industry as the tiering does, so a case can say
 *     "a fire penalty does not move the construction tier" or "a subject outside the industry has no tier"
 *     (`expect: { "noTier": true }`).
 * Each expects the score, tier and fired rules. Validated against cases.schema.json and the pack.
 */
import { join } from 'node:path';
import { factValueProblem, FACTS_BY_NAME, withDefaults, type Facts, type FactValue } from '../shared/facts.catalogue';
import { loadCaseFile, parseCaseFile, unknownNameFindings } from '../shared/cases';
import { CASES_FILE } from './pack.loader';
import type { LoadedPack } from './pack.types';
import type { PackFinding } from '../shared/rules.errors';
import { casesSchemaFindings } from '../shared/schema-validation';
import { deriveFacts } from '../facts/derive-facts';
import type { FactRecord } from '../facts/record.types';
import { membershipIn, type IndustryAssignment, type MembershipSubject } from '../membership/membership';
import type { CompiledPack } from './compile';
import { evaluatePack } from './evaluate';
import { parseDate } from '../shared/calendar';

export interface TierExpectation {
  readonly tier: string;
  readonly score: number;
  readonly fired: readonly string[];
}
/** The subject is outside the pack's industry: no tier. */
export interface NoTierExpectation {
  readonly noTier: true;
}

export interface GoldenCase {
  readonly name: string;
  readonly description?: string;
  /** A fact case: partial facts (defaults fill the rest). */
  readonly facts?: Readonly<Record<string, FactValue>>;
  /** A record case: the subject, its records and assignments as of `asOf`. */
  readonly subject?: MembershipSubject & { readonly registeredOn?: string | null };
  readonly asOf?: string;
  readonly records?: readonly FactRecord[];
  readonly assignments?: readonly IndustryAssignment[];
  readonly expect: TierExpectation | NoTierExpectation;
}

export interface GoldenCaseFile {
  readonly pack: string;
  readonly cases: readonly GoldenCase[];
}

/** What a case gives (or must give): a tier, score and fired rules (sorted), or null for "no tier". */
export type CaseOutcome = { readonly tier: string; readonly score: number; readonly fired: readonly string[] } | null;

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

export function expectedOutcome(c: GoldenCase): CaseOutcome {
  return 'noTier' in c.expect ? null : { tier: c.expect.tier, score: c.expect.score, fired: sorted(c.expect.fired) };
}

function factProblem(name: string, v: FactValue): string | undefined {
  const def = FACTS_BY_NAME.get(name);
  if (!def) return `unknown fact "${name}"`;
  const problem = factValueProblem(def, v);
  return problem && `fact "${name}" ${problem}`;
}

const dateProblem = (d: string): string | undefined => {
  try {
    parseDate(d);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
};

function semanticFindings(file: GoldenCaseFile, pack: LoadedPack, label: string): PackFinding[] {
  const out: PackFinding[] = [];
  const tiers = new Set(pack.tiers.map((t) => t.tier));
  const rules = new Set(pack.rules.map((r) => r.name));
  if (file.pack !== pack.id)
    out.push({ file: label, path: '/pack', message: `cases are for "${file.pack}", not "${pack.id}"` });
  file.cases.forEach((c, i) => {
    const p = `/cases/${i}`;
    for (const [name, v] of Object.entries(c.facts ?? {})) {
      const problem = factProblem(name, v);
      if (problem) out.push({ file: label, path: `${p}/facts/${name}`, message: problem });
    }
    const dates: Array<[string, string | null | undefined]> = [
      [`${p}/asOf`, c.asOf],
      ...(c.records ?? []).map((r, j): [string, string] => [`${p}/records/${j}/decisionDate`, r.decisionDate]),
    ];
    for (const [path, d] of dates) {
      const problem = d ? dateProblem(d) : undefined;
      if (problem) out.push({ file: label, path, message: problem });
    }
    if ('noTier' in c.expect) {
      if (!c.records) out.push({ file: label, path: `${p}/expect/noTier`, message: 'noTier needs a record case' });
      return;
    }
    if (!tiers.has(c.expect.tier))
      out.push({ file: label, path: `${p}/expect/tier`, message: `unknown tier "${c.expect.tier}"` });
    out.push(...unknownNameFindings(label, `${p}/expect/fired`, c.expect.fired, rules, 'rule'));
  });
  return out;
}

export function parseCases(json: unknown, pack: LoadedPack, label: string): GoldenCaseFile {
  return parseCaseFile<GoldenCaseFile>(json, label, casesSchemaFindings, (file) => semanticFindings(file, pack, label));
}

/** Load `<dir>/cases.json` for the pack. */
export function loadCases(dir: string, pack: LoadedPack): GoldenCaseFile {
  const label = join(dir, CASES_FILE);
  return loadCaseFile(label, (json) => parseCases(json, pack, label));
}

/**
 * The facts a case evaluates: a fact case's facts with defaults; a record case's facts derived for the pack's
 * industry, or null when its subject is outside the industry (no tier).
 */
export function caseFacts(c: GoldenCase, pack: LoadedPack): Facts | null {
  if (!c.records || !c.subject || !c.asOf) return withDefaults(c.facts ?? {});
  const subject = { kind: c.subject.kind, registeredOn: c.subject.registeredOn ?? null };
  const member = membershipIn(pack, { ...c.subject, ...subject }, c.records, c.assignments ?? [], c.asOf);
  return member.member ? deriveFacts(subject, c.records, c.asOf, pack.industry) : null;
}

/** Run one case: its outcome (null: no tier) and the rules that fired, in firing order. */
export function runCase(compiled: CompiledPack, c: GoldenCase): { outcome: CaseOutcome; fired: string[] } {
  const facts = caseFacts(c, compiled.pack);
  if (facts === null) return { outcome: null, fired: [] };
  const r = evaluatePack(compiled, facts);
  const fired = r.fired.map((f) => f.rule);
  return { outcome: { tier: r.tier, score: r.score, fired: sorted(fired) }, fired };
}
