/**
 * Golden-case coverage (`npm run packs:test`): runs a pack's (or the measure rules') golden cases and
 * reports cases passed and failed, rule coverage (rules fired by at least one case / all rules), the
 * outcomes reached (tiers; measures and verdicts) and what no case reaches. Coverage counts what the
 * evaluator actually fired, not what the cases expect. A run is ok when every case passes and rule
 * coverage is at least the file's `coverage.minRules` (default 1).
 */
import { expectedOutcome, runCase, type GoldenCaseFile } from '../tiers/cases';
import type { CompiledPack } from '../tiers/compile';
import type { CompiledMeasures } from '../measures/measures.compile';
import { measureCaseFacts, type MeasureCaseFile } from '../measures/measures.cases';
import { evaluateMeasures } from '../measures/measures.evaluate';
import { VERDICTS } from '../measures/verdict';

export const DEFAULT_MIN_RULES = 1;

export interface CaseFailure {
  readonly name: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface OutcomeCoverage {
  /** tiers, measures or verdicts. */
  readonly kind: string;
  readonly reached: readonly string[];
  readonly unreached: readonly string[];
}

export interface Coverage {
  /** Pack id, or the measure rules' id. */
  readonly id: string;
  readonly passed: number;
  readonly failed: readonly CaseFailure[];
  readonly rules: { readonly fired: number; readonly total: number; readonly ratio: number; readonly unreached: readonly string[] };
  readonly outcomes: readonly OutcomeCoverage[];
  readonly minRules: number;
  readonly ok: boolean;
}

interface Run {
  readonly expected: unknown;
  readonly actual: unknown;
  readonly fired: readonly string[];
  readonly outcomes: Readonly<Record<string, readonly string[]>>;
}

const sorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

function outcome(kind: string, all: readonly string[], runs: readonly Run[]): OutcomeCoverage {
  const reached = new Set(runs.flatMap((r) => r.outcomes[kind] ?? []));
  return { kind, reached: all.filter((x) => reached.has(x)), unreached: all.filter((x) => !reached.has(x)) };
}

/** Coverage of named cases' runs over `rules`; exported for tests of the arithmetic. */
export function coverageOf(id: string, rules: readonly string[], outcomes: Readonly<Record<string, readonly string[]>>, runs: readonly (Run & { name: string })[], minRules: number): Coverage {
  const failed = runs.filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.actual)).map(({ name, expected, actual }) => ({ name, expected, actual }));
  const fired = new Set(runs.flatMap((r) => r.fired));
  const unreached = rules.filter((r) => !fired.has(r));
  const total = rules.length;
  const ratio = total === 0 ? 1 : (total - unreached.length) / total;
  return {
    id,
    passed: runs.length - failed.length,
    failed,
    rules: { fired: total - unreached.length, total, ratio, unreached },
    outcomes: Object.entries(outcomes).map(([kind, all]) => outcome(kind, all, runs)),
    minRules,
    ok: failed.length === 0 && ratio >= minRules,
  };
}

export function packCoverage(compiled: CompiledPack, file: GoldenCaseFile, minRules = compiled.pack.coverage?.minRules ?? DEFAULT_MIN_RULES): Coverage {
  const runs = file.cases.map((c) => {
    const { outcome, fired } = runCase(compiled, c);
    return {
      name: c.name,
      expected: expectedOutcome(c),
      actual: outcome,
      fired,
      outcomes: { tiers: outcome ? [outcome.tier] : [] },
    };
  });
  const { pack } = compiled;
  return coverageOf(pack.id, pack.rules.map((r) => r.name), { tiers: pack.tiers.map((t) => t.tier) }, runs, minRules);
}

export function measuresCoverage(compiled: CompiledMeasures, file: MeasureCaseFile, minRules = compiled.rulesFile.coverage?.minRules ?? DEFAULT_MIN_RULES): Coverage {
  const runs = file.cases.map((c) => {
    const r = evaluateMeasures(compiled, measureCaseFacts(c, compiled));
    const fired = r.measures.map((m) => m.rule);
    const measures = r.measures.map((m) => m.code);
    return {
      name: c.name,
      expected: { verdict: c.expect.verdict, measures: sorted(c.expect.measures), rules: sorted(c.expect.rules) },
      actual: { verdict: r.verdict, measures: sorted(measures), rules: sorted(fired) },
      fired,
      outcomes: { measures, verdicts: [r.verdict] },
    };
  });
  const rules = compiled.rulesFile.rules.map((r) => r.name);
  return coverageOf(compiled.id, rules, { measures: compiled.catalogue.measures.map((m) => m.code), verdicts: VERDICTS }, runs, minRules);
}
