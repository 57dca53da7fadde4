/**
 * Can a condition be true? The condition is put in disjunctive normal form over signed leaves (a leaf
 * under an odd number of `not`s is negated as a whole, so json-rules-engine's null and NaN semantics are
 * kept exactly), and a conjunction is satisfiable when every fact it reads has one candidate value that
 * makes all of that fact's literal leaves hold. Candidates cover each fact's whole domain up to
 * equivalence: the allowed strings, booleans, null when nullable, and for numbers 0, every threshold
 * compared with, the midpoints between them and one above the largest. Every number fact of both
 * vocabularies is a count, a number of years or an amount, never negative. Leaves comparing two facts are
 * treated as satisfiable (the analysis never reports a rule that could fire).
 */
import type { FactDefinition, FactValue } from '../shared/facts.catalogue';
import { OPERATORS } from '../shared/operators';
import type { Condition, LeafCondition } from '../tiers/pack.types';
import { isObjectRef } from '../shared/semantics.conditions';

export interface Literal {
  readonly leaf: LeafCondition;
  readonly negated: boolean;
  /** JSON pointer of the leaf inside the rule's conditions. */
  readonly path: string;
}
type Conjunction = readonly Literal[];

/** Conjunctions beyond this many are not analysed (the answer is "satisfiable"). */
export const MAX_CONJUNCTIONS = 4096;

function product(a: readonly Conjunction[], b: readonly Conjunction[]): Conjunction[] | undefined {
  if (a.length * b.length > MAX_CONJUNCTIONS) return undefined;
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

/** DNF of `c` (negated when `neg`), or undefined when it grows too large. */
export function dnf(c: Condition, path = '', neg = false): Conjunction[] | undefined {
  if ('not' in c) return dnf(c.not, `${path}/not`, !neg);
  if (!('all' in c) && !('any' in c)) return [[{ leaf: c, negated: neg, path }]];
  const [key, items] = 'all' in c ? (['all', c.all] as const) : (['any', c.any] as const);
  const parts = items.map((s, i) => dnf(s, `${path}/${key}/${i}`, neg));
  if (parts.some((p) => p === undefined)) return undefined;
  const conjunctive = (key === 'all') !== neg;
  if (!conjunctive) {
    const out = (parts as Conjunction[][]).flat();
    return out.length > MAX_CONJUNCTIONS ? undefined : out;
  }
  let acc: Conjunction[] | undefined = [[]];
  for (const p of parts as Conjunction[][]) if (acc) acc = product(acc, p);
  return acc;
}

const isFactRef = (l: Literal): boolean => isObjectRef(l.leaf.value) && 'fact' in l.leaf.value;

/** Candidate values of a fact: one representative of every region its thresholds cut its domain into. */
export function candidates(def: FactDefinition, literals: readonly Literal[]): FactValue[] {
  const extra: FactValue[] = def.nullable ? [null] : [];
  if (def.type === 'boolean') return [true, false, ...extra];
  if (def.type === 'string')
    return [
      ...(def.values ??
        literals
          .flatMap((l): unknown[] => (Array.isArray(l.leaf.value) ? l.leaf.value : [l.leaf.value]))
          .filter((v) => typeof v === 'string')),
      '\u0000other',
      ...extra,
    ];
  const ts = [
    ...new Set([
      0,
      ...literals
        .flatMap((l): unknown[] => (Array.isArray(l.leaf.value) ? l.leaf.value : [l.leaf.value]))
        .filter((v): v is number => typeof v === 'number' && v >= 0),
    ]),
  ].sort((a, b) => a - b);
  const mids = ts.slice(1).map((t, i) => (ts[i] + t) / 2);
  return [...ts, ...mids, ts[ts.length - 1] + 1, ...extra];
}

export const literalHolds = (l: Literal, v: FactValue): boolean =>
  OPERATORS[l.leaf.operator].evaluate(v, l.leaf.value) !== l.negated;

/** Whether some value of the fact makes every literal hold. */
export function factSatisfiable(def: FactDefinition, literals: readonly Literal[]): boolean {
  const own = literals.filter((l) => !isFactRef(l));
  return candidates(def, own).some((v) => own.every((l) => literalHolds(l, v)));
}

/** The facts of a conjunction whose literals cannot all hold (empty: the conjunction is satisfiable). */
export function conflicts(
  conj: Conjunction,
  facts: ReadonlyMap<string, FactDefinition>,
): { fact: string; literals: Literal[] }[] {
  const byFact = new Map<string, Literal[]>();
  for (const l of conj) byFact.set(l.leaf.fact, [...(byFact.get(l.leaf.fact) ?? []), l]);
  const out: { fact: string; literals: Literal[] }[] = [];
  for (const [fact, literals] of byFact) {
    const def = facts.get(fact);
    if (def && !factSatisfiable(def, literals)) out.push({ fact, literals });
  }
  return out;
}

export function describeLiteral(l: Literal): string {
  const s = `${l.leaf.fact} ${l.leaf.operator} ${JSON.stringify(l.leaf.value)}`;
  return l.negated ? `not (${s})` : s;
}
