/**
 * The verdict of a check (逢办必查): the strongest effect among the measures that apply.
 * block > restrict > scrutinise (penalties) > reward (any facilitating reward) > pass (nothing applies).
 * A penalty outweighs any reward: a party both blocked and red-listed is blocked.
 */
import type { MeasureEffect } from './measure-kinds';

export const VERDICTS = ['block', 'restrict', 'scrutinise', 'reward', 'pass'] as const;
export type Verdict = (typeof VERDICTS)[number];

const VERDICT_OF_EFFECT: Readonly<Record<MeasureEffect, Verdict>> = {
  block: 'block',
  restrict: 'restrict',
  scrutinise: 'scrutinise',
  facilitate: 'reward',
};

/** Rank of a verdict: 0 = strongest (block). */
export const verdictRank = (v: Verdict): number => VERDICTS.indexOf(v);

/** The verdict for the effects of the measures that apply (in any order). */
export function verdictOf(measures: readonly { readonly effect: MeasureEffect }[]): Verdict {
  let best: Verdict = 'pass';
  for (const m of measures) {
    const v = VERDICT_OF_EFFECT[m.effect];
    if (verdictRank(v) < verdictRank(best)) best = v;
  }
  return best;
}
