/**
 * The same evaluation run through json-rules-engine itself, as the reference the compiled evaluator is
 * checked against (differential tests, benchmark). A FRESH Engine per evaluation: json-rules-engine 7.3
 * keeps run status on the Engine, so overlapping runs on a shared Engine silently skip rules.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledPack } from './compile';
import type { Evaluation } from './evaluation.types';
import { assembleEvaluation, firedRule } from './outcome';
import type { RuleEvent } from './pack.types';

/**
 * The pack's rules as json-rules-engine rule properties. They are the loaded pack's own deep-frozen
 * objects: the engine builds its Rule/Condition objects from them without writing to them (its strict-mode
 * code would throw on a frozen object if it tried).
 */
export function engineRules(compiled: CompiledPack): RuleProperties[] {
  return compiled.pack.rules as unknown as RuleProperties[];
}

export async function evaluateWithEngine(compiled: CompiledPack, facts: Facts, rules = engineRules(compiled)): Promise<Evaluation> {
  const engine = new Engine(rules, { allowUndefinedFacts: false });
  const { results } = await engine.run({ ...facts });
  const order = new Map(compiled.rules.map((r, i) => [r.name, i] as const));
  const fired = results
    .map((r) => ({ name: String(r.name), event: r.event as unknown as RuleEvent }))
    .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
    .map(({ name, event }) => firedRule(compiled.sources, name, event));
  return assembleEvaluation(compiled, fired);
}
