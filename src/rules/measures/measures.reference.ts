/**
 * The same check run through json-rules-engine itself, as the reference the compiled evaluator is held
 * to (differential and concurrency tests; shared/reference.ts: a fresh Engine per run). The scenario
 * filter is written here as a json-rules-engine condition (`scenario in <the measure's scenarios>`, AND
 * the rule's own conditions), independently of the compiled path's scenario index.
 */
import type { RuleProperties } from 'json-rules-engine';
import { asEngineRules, runEngine } from '../shared/reference';
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledMeasures } from './measures.compile';
import { measureEvaluation, scenarioOf } from './measures.evaluate';
import type { MeasureEvaluation } from './measures.types';
import { deepFreeze } from '../shared/resolve';

/** The measure rules as json-rules-engine rule properties, each guarded by its measure's scenarios. */
export function measureEngineRules(compiled: CompiledMeasures): RuleProperties[] {
  const measures = new Map(compiled.catalogue.measures.map((m) => [m.code, m] as const));
  const rules = compiled.rulesFile.rules.map((r) => ({
    name: r.name,
    priority: r.priority ?? 1,
    conditions: {
      all: [
        { fact: 'scenario', operator: 'in', value: [...(measures.get(r.event.params.measure)?.scenarios ?? [])] },
        r.conditions,
      ],
    },
    event: r.event,
  }));
  return asEngineRules(deepFreeze(rules));
}

export async function evaluateMeasuresWithEngine(
  compiled: CompiledMeasures,
  facts: Facts,
  rules = measureEngineRules(compiled),
): Promise<MeasureEvaluation> {
  const { scenario } = scenarioOf(compiled, facts);
  const results = await runEngine(rules, facts);
  const fired = new Set(results.map((r) => String(r.name)));
  const measures = compiled.rules.filter((r) => fired.has(r.name)).map((r) => r.applied);
  return measureEvaluation(compiled, scenario, measures);
}
