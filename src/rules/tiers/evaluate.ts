/**
 * Evaluates a compiled pack against one complete fact set. Pure and synchronous: it reads the facts and
 * the frozen compiled pack and allocates a fresh result, so concurrent calls cannot interfere.
 */
import type { Facts } from '../shared/facts.catalogue';
import type { CompiledPack } from './compile';
import type { Evaluation, FiredRule } from './evaluation.types';
import { assembleEvaluation } from './outcome';

/** Throws MissingFactError when a fact the pack reads is absent (json-rules-engine: "Undefined fact"). */
export function evaluatePack(compiled: CompiledPack, facts: Facts): Evaluation {
  const slots = compiled.readFacts(facts);
  const fired: FiredRule[] = [];
  const rules = compiled.rules;
  for (let i = 0; i < rules.length; i++) if (rules[i].test(slots)) fired.push(rules[i].fired);
  return assembleEvaluation(compiled, fired);
}
