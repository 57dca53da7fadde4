/**
 * A condition trace: every leaf condition of every rule with the fact's value, the operator, the
 * expected value (a `{fact}` reference resolved) and whether it passed. Leaves are all evaluated (no
 * short-circuit), so an officer sees every reason a rule did or did not fire.
 */
import type { Facts, FactValue } from '../shared/facts.catalogue';
import type { CompiledPack } from './compile';
import { evaluatePack } from './evaluate';
import type { Evaluation } from './evaluation.types';
import { OPERATORS, type OperatorName } from '../shared/operators';
import type { Condition, ConditionValue } from './pack.types';
import { isObjectRef } from '../shared/semantics.conditions';

export interface ConditionTrace {
  /** JSON pointer of the leaf inside the rule's `conditions`, e.g. `/all/1`. */
  readonly path: string;
  readonly fact: string;
  readonly factValue: FactValue;
  readonly operator: OperatorName;
  /** The literal value, or the referenced fact's value. */
  readonly expected: ConditionValue;
  /** Set when the value is another fact. */
  readonly expectedFact?: string;
  readonly passed: boolean;
}

export interface RuleTrace {
  readonly rule: string;
  readonly fired: boolean;
  readonly conditions: readonly ConditionTrace[];
}

export interface Explanation {
  readonly evaluation: Evaluation;
  readonly rules: readonly RuleTrace[];
}

function leaves(c: Condition, path: string, facts: Facts, out: ConditionTrace[]): void {
  if ('all' in c) return c.all.forEach((s, i) => leaves(s, `${path}/all/${i}`, facts, out));
  if ('any' in c) return c.any.forEach((s, i) => leaves(s, `${path}/any/${i}`, facts, out));
  if ('not' in c) return leaves(c.not, `${path}/not`, facts, out);
  const ref = isObjectRef(c.value) && 'fact' in c.value ? String(c.value.fact) : undefined;
  const expected = ref === undefined ? c.value : facts[ref];
  const factValue = facts[c.fact];
  out.push({
    path,
    fact: c.fact,
    factValue,
    operator: c.operator,
    expected,
    ...(ref === undefined ? {} : { expectedFact: ref }),
    passed: OPERATORS[c.operator].evaluate(factValue, expected),
  });
}

export function explainPack(compiled: CompiledPack, facts: Facts): Explanation {
  const evaluation = evaluatePack(compiled, facts);
  const firedNames = new Set(evaluation.fired.map((f) => f.rule));
  const rules = compiled.pack.rules.map((r) => {
    const conditions: ConditionTrace[] = [];
    leaves(r.conditions, '', facts, conditions);
    return { rule: r.name, fired: firedNames.has(r.name), conditions };
  });
  return { evaluation, rules };
}
