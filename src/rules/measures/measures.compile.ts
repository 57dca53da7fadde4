/**
 * Compiles the measure rules once into synchronous predicates with the compiler both pipelines share
 * (shared/compile.ts: the same operator and boolean semantics as json-rules-engine), indexed
 * by scenario: a rule is tried only in its measure's scenarios. Each rule's AppliedMeasure entry (measure,
 * resolved legal basis, reason, facts used) is built once; the whole is deep-frozen so that evaluations
 * may run concurrently.
 */
import { TRANSACTION_FACTS, checkFactVocabulary, type CheckFactDefinition } from '../facts/check-facts';
import { compileRules, type FactSlots, type Predicate } from '../shared/compile';
import type { Facts } from '../shared/facts.catalogue';
import type {
  AppliedMeasure,
  LoadedMeasureRules,
  MeasureCatalogue,
  MeasureDefinition,
  MeasureRule,
} from './measures.types';
import { resolveBasis, sourcesById } from '../shared/legal-basis';
import type { Condition } from '../shared/rule.types';
import { deepFreeze } from '../shared/resolve';
import { isObjectRef } from '../shared/semantics.conditions';

export interface CompiledMeasureRule {
  readonly name: string;
  readonly priority: number;
  readonly measure: MeasureDefinition;
  readonly test: Predicate;
  /** The entry of the evaluation when the rule triggers, built once and frozen. */
  readonly applied: AppliedMeasure;
}

export interface CompiledMeasures {
  readonly catalogue: MeasureCatalogue;
  readonly rulesFile: LoadedMeasureRules;
  readonly id: string;
  readonly version: string;
  /** The check facts, `scenario` limited to the catalogue's scenario codes. */
  readonly vocabulary: ReadonlyMap<string, CheckFactDefinition>;
  /** Rules in evaluation order: priority high → low, then file order. */
  readonly rules: readonly CompiledMeasureRule[];
  /** Scenario code → its rules (evaluation order); every catalogue scenario has an entry. */
  readonly byScenario: ReadonlyMap<string, readonly CompiledMeasureRule[]>;
  /** Every fact any condition reads, in slot order. */
  readonly factsRead: readonly string[];
  readonly readFacts: (facts: Facts) => FactSlots;
}

const TRANSACTION: ReadonlySet<string> = new Set(TRANSACTION_FACTS);

/** The facts a condition reads (compared facts and `{fact}` values), first use first, transaction facts left out. */
function factsUsedBy(c: Condition, out: string[] = []): string[] {
  const add = (f: string): void => {
    if (!TRANSACTION.has(f) && !out.includes(f)) out.push(f);
  };
  if ('all' in c) c.all.forEach((s) => factsUsedBy(s, out));
  else if ('any' in c) c.any.forEach((s) => factsUsedBy(s, out));
  else if ('not' in c) factsUsedBy(c.not, out);
  else {
    add(c.fact);
    if (isObjectRef(c.value) && 'fact' in c.value) add(String(c.value.fact));
  }
  return out;
}

function applied(catalogue: MeasureCatalogue, m: MeasureDefinition, r: MeasureRule): AppliedMeasure {
  const sources = sourcesById(catalogue.legalSources);
  return {
    code: m.code,
    kind: m.kind,
    effect: m.effect,
    name: m.name,
    nameZh: m.nameZh,
    description: m.description,
    descriptionZh: m.descriptionZh,
    legalBasis: resolveBasis(sources, m.legalBasis),
    departments: m.departments,
    rule: r.name,
    reason: r.event.params.reason,
    reasonZh: r.event.params.reasonZh,
    factsUsed: factsUsedBy(r.conditions),
  };
}

export function compileMeasures(catalogue: MeasureCatalogue, rulesFile: LoadedMeasureRules): CompiledMeasures {
  const measures = new Map(catalogue.measures.map((m) => [m.code, m] as const));
  const { rules, factsRead, readFacts } = compileRules(
    rulesFile.id,
    rulesFile.rules,
    (r, priority, test): CompiledMeasureRule => {
      const measure = measures.get(r.event.params.measure);
      if (!measure)
        throw new Error(`unknown measure "${r.event.params.measure}" (the loader should have refused the rules)`);
      return { name: r.name, priority, measure, test, applied: applied(catalogue, measure, r) };
    },
  );
  const byScenario = new Map(
    catalogue.scenarios.map((s) => [s.code, rules.filter((r) => r.measure.scenarios.includes(s.code))] as const),
  );
  const vocabulary = checkFactVocabulary(catalogue.scenarios.map((s) => s.code));
  return deepFreeze({
    catalogue,
    rulesFile,
    id: rulesFile.id,
    version: rulesFile.version,
    vocabulary,
    rules,
    byScenario,
    factsRead,
    readFacts,
  });
}
