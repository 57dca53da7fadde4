/**
 * Compiles rule conditions (a tier pack's, the measure rules') once into synchronous predicates: closures over "fact slots" (each fact the
 * pack reads is looked up once per evaluation), with json-rules-engine's operator semantics
 * (operators.ts, compile.leaf.ts) and boolean semantics: `all` is every, `any` is some, `not` negates;
 * an empty `any` is true in json-rules-engine (the schema forbids empty lists anyway). Every leaf is
 * side-effect free, so short-circuiting cannot change a result. The compiled pack is deep-frozen, so
 * evaluations may run concurrently.
 */
import type { Facts, FactValue } from './facts.catalogue';
import { factLeaf, literalLeaf, type FactSlots, type Predicate } from './compile.leaf';
import { MissingFactError } from './rules.errors';
import type { Condition, LeafCondition } from './rule.types';
import { isObjectRef } from './semantics.conditions';

export type { FactSlots, Predicate } from './compile.leaf';

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

/** A rule as both pipelines author it: a name, an optional priority (default 1), its conditions. */
export interface RuleToCompile {
  readonly name: string;
  readonly priority?: number;
  readonly conditions: Condition;
}

/** Compiled rules in evaluation order, the facts they read (slot order) and the reader of those facts. */
export interface CompiledRules<C> {
  readonly rules: C[];
  readonly factsRead: string[];
  readonly readFacts: (facts: Facts) => FactSlots;
}

/**
 * Compiles `rules` into one slot space, in evaluation order (priority high → low, then file order: the
 * order json-rules-engine runs them in), `build` making each compiled entry from the rule, its priority
 * and its predicate. `id` names the file in MissingFactError.
 */
export function compileRules<R extends RuleToCompile, C>(
  id: string,
  rules: readonly R[],
  build: (r: R, priority: number, test: Predicate) => C,
): CompiledRules<C> {
  const slots: Slots = new Map();
  const compiled = rules
    .map((r, i) => ({ r, i, priority: r.priority ?? 1 }))
    .sort((a, b) => b.priority - a.priority || a.i - b.i)
    .map(({ r, priority }) => build(r, priority, compileCondition(r.conditions, slots)));
  return { rules: compiled, factsRead: [...slots.keys()], readFacts: factReader(id, [...slots.keys()]) };
}
