/**
 * Compiles a loaded pack once into synchronous predicates: closures over "fact slots" (each fact the
 * pack reads is looked up once per evaluation), with json-rules-engine's operator semantics
 * (operators.ts, compile.leaf.ts) and boolean semantics: `all` is every, `any` is some, `not` negates;
 * an empty `any` is true in json-rules-engine (the schema forbids empty lists anyway). Every leaf is
 * side-effect free, so short-circuiting cannot change a result. The compiled pack is deep-frozen, so
 * evaluations may run concurrently.
 */
import type { Facts, FactValue } from '../shared/facts.catalogue';
import type { FiredRule, ResolvedInspectionPolicy } from './evaluation.types';
import { factLeaf, literalLeaf, type FactSlots, type Predicate } from '../shared/compile.leaf';
import { firedRule, resolveBasis, type OutcomeModel } from './outcome';
import type { Condition, LeafCondition, LegalSource, LoadedPack } from './pack.types';
import { deepFreeze } from './pack.resolve';
import { MissingFactError } from '../shared/rules.errors';
import { isObjectRef } from '../shared/semantics.conditions';

export type { FactSlots, Predicate } from '../shared/compile.leaf';

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

/** Assigns each fact name a slot index, in first-use order. */
export type Slots = Map<string, number>;
const slotOf = (slots: Slots, fact: string): number => {
  let i = slots.get(fact);
  if (i === undefined) slots.set(fact, (i = slots.size));
  return i;
};

function compileLeaf(leaf: LeafCondition, slots: Slots): Predicate {
  const { value } = leaf;
  const a = slotOf(slots, leaf.fact);
  if (isObjectRef(value) && 'fact' in value) return factLeaf(leaf.operator, a, slotOf(slots, String(value.fact)));
  return literalLeaf(leaf.operator, a, value);
}

function compileList(conditions: readonly Condition[], slots: Slots, every: boolean): Predicate {
  const ps = conditions.map((c) => compileCondition(c, slots));
  if (ps.length === 1) return ps[0];
  if (ps.length === 2) {
    const [p, q] = ps;
    return every ? (v) => p(v) && q(v) : (v) => p(v) || q(v);
  }
  if (every) return (v) => ps.every((p) => p(v));
  return ps.length === 0 ? () => true : (v) => ps.some((p) => p(v));
}

export function compileCondition(c: Condition, slots: Slots): Predicate {
  if ('all' in c) return compileList(c.all, slots, true);
  if ('any' in c) return compileList(c.any, slots, false);
  if ('not' in c) {
    const p = compileCondition(c.not, slots);
    return (v) => !p(v);
  }
  return compileLeaf(c, slots);
}

/** Reads the named facts into slots; a missing one throws MissingFactError naming `packId`. */
export function factReader(packId: string, names: readonly string[]): (facts: Facts) => FactSlots {
  return (facts) => {
    const out = new Array<FactValue>(names.length);
    for (let i = 0; i < names.length; i++) {
      const x = facts[names[i]];
      if (x === undefined) throw new MissingFactError(packId, names[i]);
      out[i] = x;
    }
    return out;
  };
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
  const sources = new Map(pack.legalSources.map((s) => [s.id, s] as const));
  const slots: Slots = new Map();
  const rules = pack.rules
    .map((r, i) => ({ r, i, priority: r.priority ?? 1 }))
    .sort((a, b) => b.priority - a.priority || a.i - b.i)
    .map(({ r, priority }) => ({ name: r.name, priority, test: compileCondition(r.conditions, slots), fired: firedRule(sources, r.name, r.event) }));
  const bands = pack.tiers.filter((t) => !t.forcedOnly).map((t) => ({ tier: t.tier, minScore: t.minScore ?? null }));
  return deepFreeze({
    pack,
    sources,
    tierRank: new Map(pack.tiers.map((t, i) => [t.tier, i] as const)),
    bands,
    policies: policies(pack, sources),
    rules,
    factsRead: [...slots.keys()],
    readFacts: factReader(pack.id, [...slots.keys()]),
  });
}
