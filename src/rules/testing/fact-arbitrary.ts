/**
 * fast-check arbitraries of complete fact sets for one pack, biased around the pack's thresholds
 * (t-1, t, t+1 and fractions for every number compared with a fact) so that rules fire and fail in
 * roughly equal measure. With `hostile`, a few values have the wrong type (null, strings, booleans, NaN)
 * to pin down json-rules-engine's coercion semantics as well. Used by tests and the benchmark.
 */
import fc from 'fast-check';
import { FACT_CATALOGUE, type FactDefinition, type Facts, type FactValue } from '../shared/facts.catalogue';
import type { Condition, LoadedPack } from '../tiers/pack.types';

/** Every number a condition compares each fact with. */
export function numericThresholds(pack: LoadedPack): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (fact: string, n: number): void => void out.set(fact, [...(out.get(fact) ?? []), n]);
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      const values = Array.isArray(c.value) ? (c.value as unknown[]) : [c.value];
      for (const v of values) if (typeof v === 'number') add(c.fact, v);
    }
  };
  pack.rules.forEach((r) => walk(r.conditions));
  return out;
}

const HOSTILE: readonly FactValue[] = [null, Number.NaN, '', '3', 'abc', true, false, -1, Number.POSITIVE_INFINITY];

function typedArbitrary(def: FactDefinition, thresholds: readonly number[]): fc.Arbitrary<FactValue> {
  const nullable: fc.Arbitrary<FactValue>[] = def.nullable ? [fc.constant(null)] : [];
  if (def.type === 'boolean') return fc.oneof(fc.boolean(), ...nullable);
  if (def.type === 'string') return fc.oneof(fc.constantFrom<FactValue>(...(def.values ?? ['x'])), ...nullable);
  const near = thresholds.flatMap((t) => [t - 1, t - 0.01, t, t + 0.01, t + 1]).filter((n) => n >= 0);
  const arbs: fc.Arbitrary<FactValue>[] = [fc.integer({ min: 0, max: 6 }), ...nullable];
  if (near.length > 0) arbs.unshift(fc.constantFrom(...near), fc.constantFrom(...near));
  return fc.oneof(...arbs);
}

export interface FactsArbitraryOptions {
  /** Mix in wrong-typed values (about 1 in 12). */
  readonly hostile?: boolean;
}

export function factsArbitrary(pack: LoadedPack, options: FactsArbitraryOptions = {}): fc.Arbitrary<Facts> {
  const thresholds = numericThresholds(pack);
  const model: Record<string, fc.Arbitrary<FactValue>> = {};
  for (const def of FACT_CATALOGUE) {
    const typed = typedArbitrary(def, thresholds.get(def.name) ?? []);
    model[def.name] = options.hostile
      ? fc.oneof({ arbitrary: typed, weight: 11 }, { arbitrary: fc.constantFrom(...HOSTILE), weight: 1 })
      : typed;
  }
  return fc.record(model);
}

/** A reproducible sample of n fact sets (benchmark input). */
export function sampleFacts(pack: LoadedPack, n: number, seed: number, options: FactsArbitraryOptions = {}): Facts[] {
  return fc.sample(factsArbitrary(pack, options), { numRuns: n, seed });
}
