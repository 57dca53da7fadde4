/**
 * What both loaders do to a validated rule file: parameter references in conditions replaced by their
 * numbers (so the compiled evaluator and json-rules-engine see the same literal rules), and the result
 * deep-frozen so that evaluations can share it safely.
 */
import type { Condition, ConditionValue, ParamRef, PackParameter } from './rule.types';
import { isObjectRef } from './semantics.conditions';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What parameter resolution needs of a file: its parameters (packs and measure rules alike). */
type ParamSource = { readonly parameters?: Readonly<Record<string, PackParameter>> };

export function paramValue(pack: ParamSource, ref: ParamRef): number {
  const p = pack.parameters?.[ref.param];
  if (!p) throw new Error(`unresolved parameter "${ref.param}" (the loader should have refused the pack)`);
  return p.value;
}

function resolveValue(pack: ParamSource, v: ConditionValue | ParamRef): ConditionValue {
  if (isObjectRef(v) && 'param' in v) return paramValue(pack, v as ParamRef);
  if (Array.isArray(v)) return [...(v as readonly ConditionValue[])] as ConditionValue;
  if (isObjectRef(v)) return { fact: String(v.fact) };
  return v as ConditionValue;
}

export function resolveCondition(pack: ParamSource, c: Condition<ConditionValue | ParamRef>): Condition {
  if ('all' in c) return { all: c.all.map((s) => resolveCondition(pack, s)) };
  if ('any' in c) return { any: c.any.map((s) => resolveCondition(pack, s)) };
  if ('not' in c) return { not: resolveCondition(pack, c.not) };
  return { fact: c.fact, operator: c.operator, value: resolveValue(pack, c.value) };
}
