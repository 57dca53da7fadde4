/**
 * Turns a validated pack file into a LoadedPack: parameter references in conditions and inspection
 * policies are replaced by their numbers (shared/resolve.ts), and the whole pack is deep-frozen.
 */
import { deepFreeze, paramValue, resolveCondition } from '../shared/resolve';
import type { InspectionPolicy, LoadedPack, PackRule, ParamRef, RulePackFile } from './pack.types';

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
  return {
    ...structuredClone(p),
    samplingRatio: num(p.samplingRatio),
    minInspectionsPerYear: num(p.minInspectionsPerYear),
  };
}

export function resolvePack(pack: RulePackFile, file: string): LoadedPack {
  const { $schema: _schema, rules, inspectionPolicy, ...rest } = structuredClone(pack);
  const policies: Record<string, InspectionPolicy<number>> = {};
  for (const [tier, p] of Object.entries(inspectionPolicy)) policies[tier] = resolvePolicy(pack, p);
  return deepFreeze({ ...rest, file, rules: rules.map((r) => resolveRule(pack, r)), inspectionPolicy: policies });
}
