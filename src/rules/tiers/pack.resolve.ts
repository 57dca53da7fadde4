/**
 * Turns a validated pack file into a LoadedPack: parameter references in conditions and inspection
 * policies are replaced by their numbers (so the compiled evaluator and json-rules-engine see the same
 * literal rules), and the whole pack is deep-frozen so that evaluations can share it safely.
 */
import type {
  Condition,
  ConditionValue,
  InspectionPolicy,
  LoadedPack,
  PackRule,
  ParamRef,
  RulePackFile,
} from './pack.types';
import { isObjectRef } from '../shared/semantics.conditions';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** What parameter resolution needs of a file: its parameters (packs and measure rules alike). */
type ParamSource = Pick<RulePackFile, 'parameters'>;

function paramValue(pack: ParamSource, ref: ParamRef): number {
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

function resolveRule(pack: RulePackFile, r: RulePackFile['rules'][number]): PackRule {
  const conditions = resolveCondition(pack, r.conditions) as PackRule['conditions'];
  return {
    name: r.name,
    ...(r.priority === undefined ? {} : { priority: r.priority }),
    ...(r.description === undefined ? {} : { description: r.description }),
    conditions,
    event: structuredClone(r.event),
  };
}

function resolvePolicy(pack: RulePackFile, p: InspectionPolicy): InspectionPolicy<number> {
  const num = (v: number | ParamRef): number => (typeof v === 'number' ? v : paramValue(pack, v));
  return { ...structuredClone(p), samplingRatio: num(p.samplingRatio), minInspectionsPerYear: num(p.minInspectionsPerYear) };
}

export function resolvePack(pack: RulePackFile, file: string): LoadedPack {
  const { $schema: _schema, rules, inspectionPolicy, ...rest } = structuredClone(pack);
  const policies: Record<string, InspectionPolicy<number>> = {};
  for (const [tier, p] of Object.entries(inspectionPolicy)) policies[tier] = resolvePolicy(pack, p);
  return deepFreeze({ ...rest, file, rules: rules.map((r) => resolveRule(pack, r)), inspectionPolicy: policies });
}
