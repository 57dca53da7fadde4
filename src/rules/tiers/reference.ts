/**
 * The same evaluation run through json-rules-engine itself (shared/reference.ts: a fresh Engine per
 * run), as the reference the compiled evaluator is checked against (differential tests, benchmark).
 */
import type { RuleProperties } from 'json-rules-engine';
import { asEngineRules, runEngine } from '../shared/reference';
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledPack } from './compile';
import type { Evaluation } from './evaluation.types';
import { assembleEvaluation, firedRule } from './outcome';
import type { RuleEvent } from './pack.types';

/** The pack's rules as json-rules-engine rule properties: the loaded pack's own deep-frozen objects. */
export function engineRules(compiled: CompiledPack): RuleProperties[] {
  return asEngineRules(compiled.pack.rules);
}

export async function evaluateWithEngine(
  compiled: CompiledPack,
  facts: Facts,
  rules = engineRules(compiled),
): Promise<Evaluation> {
  const results = await runEngine(rules, facts);
  const order = new Map(compiled.rules.map((r, i) => [r.name, i] as const));
  const fired = results
    .map((r) => ({ name: String(r.name), event: r.event as unknown as RuleEvent }))
    .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
    .map(({ name, event }) => firedRule(compiled.sources, name, event));
  return assembleEvaluation(compiled, fired);
}
