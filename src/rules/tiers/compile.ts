/**
 * Compiles a loaded pack once (shared/compile.ts: conditions into synchronous predicates over fact
 * slots, with json-rules-engine's operator and boolean semantics), each rule's fired-rule entry and the
 * inspection policies resolved ahead. The compiled pack is deep-frozen, so evaluations may run concurrently.
 */
import { compileRules, type FactSlots, type Predicate } from '../shared/compile';
import type { Facts } from '../shared/facts.catalogue';
import { resolveBasis, sourcesById } from '../shared/legal-basis';
import { deepFreeze } from '../shared/resolve';
import type { FiredRule, ResolvedInspectionPolicy } from './evaluation.types';
import { firedRule, type OutcomeModel } from './outcome';
import type { LegalSource, LoadedPack } from './pack.types';

export type { FactSlots, Predicate } from '../shared/compile';

export interface CompiledRule {
  readonly name: string;
  readonly priority: number;
  readonly test: Predicate;
  /** The fired-rule entry, built once and frozen. */
  readonly fired: FiredRule;
}

export interface CompiledPack extends OutcomeModel {
  /** Rules in evaluation order: priority high → low, then pack order. */
  readonly rules: readonly CompiledRule[];
  /** Every fact any condition reads (as the compared fact or as a `{fact}` value), in slot order. */
  readonly factsRead: readonly string[];
  /**
   * Reads the facts the pack needs into slots. Like json-rules-engine (allowUndefinedFacts: false), a
   * fact the pack reads must be present: facts come in complete (withDefaults), a missing one is a bug.
   */
  readonly readFacts: (facts: Facts) => FactSlots;
}

function policies(pack: LoadedPack, sources: ReadonlyMap<string, LegalSource>): Map<string, ResolvedInspectionPolicy> {
  const out = new Map<string, ResolvedInspectionPolicy>();
  for (const [tier, p] of Object.entries(pack.inspectionPolicy)) {
    out.set(tier, {
      tier,
      samplingRatio: p.samplingRatio,
      minInspectionsPerYear: p.minInspectionsPerYear,
      onSiteWithoutLead: p.onSiteWithoutLead,
      keyItemsFull: p.keyItemsFull ?? false,
      source: resolveBasis(sources, { source: p.source }),
      ...(p.note === undefined ? {} : { note: p.note }),
      ...(p.noteZh === undefined ? {} : { noteZh: p.noteZh }),
    });
  }
  return out;
}

export function compilePack(pack: LoadedPack): CompiledPack {
  const sources = sourcesById(pack.legalSources);
  const { rules, factsRead, readFacts } = compileRules(pack.id, pack.rules, (r, priority, test): CompiledRule => ({
    name: r.name,
    priority,
    test,
    fired: firedRule(sources, r.name, r.event),
  }));
  const bands = pack.tiers.filter((t) => !t.forcedOnly).map((t) => ({ tier: t.tier, minScore: t.minScore ?? null }));
  return deepFreeze({
    pack,
    sources,
    tierRank: new Map(pack.tiers.map((t, i) => [t.tier, i] as const)),
    bands,
    policies: policies(pack, sources),
    rules,
    factsRead,
    readFacts,
  });
}
