/**
 * fast-check arbitraries of complete check fact sets for compiled measure rules, biased around every
 * number the rules compare with (t-1, t, t+1 and fractions) so that rules fire and fail in roughly equal
 * measure; booleans are false three times in four. `scenario` is always a catalogue scenario; with `hostile`, other facts sometimes get a
 * wrong-typed value (null, strings, booleans, NaN) to pin down json-rules-engine's coercions as well.
 */
import fc from 'fast-check';
import type { CheckFactDefinition } from '../facts/check-facts';
import type { Facts, FactValue } from '../shared/facts.catalogue';
import type { CompiledMeasures } from '../measures/measures.compile';
import type { Condition } from '../tiers/pack.types';

function thresholds(compiled: CompiledMeasures): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else
      for (const v of Array.isArray(c.value) ? (c.value as unknown[]) : [c.value])
        if (typeof v === 'number') out.set(c.fact, [...(out.get(c.fact) ?? []), v]);
  };
  compiled.rulesFile.rules.forEach((r) => walk(r.conditions));
  return out;
}

const HOSTILE: readonly FactValue[] = [null, Number.NaN, '', '3', 'abc', true, false, -1, Number.POSITIVE_INFINITY];

function typed(def: CheckFactDefinition, near: readonly number[]): fc.Arbitrary<FactValue> {
  const nullable: fc.Arbitrary<FactValue>[] = def.nullable ? [fc.constant(null)] : [];
  // Mostly false: a party is usually on no list, so the reward rules' exclusions (five lists, 信易+) pass often enough.
  if (def.type === 'boolean')
    return fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.boolean(), weight: 2 }, ...nullable);
  if (def.type === 'string') return fc.oneof(fc.constantFrom<FactValue>(...(def.values ?? ['x'])), ...nullable);
  const around = near.flatMap((t) => [t - 1, t - 0.01, t, t + 0.01, t + 1]).filter((n) => n >= 0);
  const arbs: fc.Arbitrary<FactValue>[] = [fc.integer({ min: 0, max: 4 }), ...nullable];
  if (around.length > 0) arbs.unshift(fc.constantFrom(...around));
  return fc.oneof(...arbs);
}

export function checkFactsArbitrary(
  compiled: CompiledMeasures,
  options: { hostile?: boolean } = {},
): fc.Arbitrary<Facts> {
  const near = thresholds(compiled);
  const model: Record<string, fc.Arbitrary<FactValue>> = {};
  for (const def of compiled.vocabulary.values()) {
    const arb = typed(def, near.get(def.name) ?? []);
    model[def.name] =
      options.hostile && def.name !== 'scenario'
        ? fc.oneof({ arbitrary: arb, weight: 11 }, { arbitrary: fc.constantFrom(...HOSTILE), weight: 1 })
        : arb;
  }
  return fc.record(model);
}

export function sampleCheckFacts(compiled: CompiledMeasures, n: number, seed: number): Facts[] {
  return fc.sample(checkFactsArbitrary(compiled), { numRuns: n, seed });
}
