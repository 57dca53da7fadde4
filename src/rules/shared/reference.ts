/**
 * json-rules-engine itself, the reference both compiled evaluators are held to (differential and
 * concurrency tests, golden cases, benchmark). A FRESH Engine per evaluation: json-rules-engine 7.3 keeps
 * run status on the Engine, so overlapping runs on a shared Engine silently skip rules.
 */
import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { Facts } from './facts.catalogue';

/**
 * Rules as json-rules-engine rule properties. They are deep-frozen objects: the engine builds its Rule
 * and Condition objects from them without writing to them (its strict-mode code would throw on a frozen
 * object if it tried).
 */
export function asEngineRules(rules: readonly object[]): RuleProperties[] {
  return rules as unknown as RuleProperties[];
}

/** The rules that fire for `facts` (every fact must be present, as in the compiled evaluators), engine order. */
export async function runEngine(rules: RuleProperties[], facts: Facts): Promise<RuleResult[]> {
  const engine = new Engine(rules, { allowUndefinedFacts: false });
  const { results } = await engine.run({ ...facts });
  return results;
}
