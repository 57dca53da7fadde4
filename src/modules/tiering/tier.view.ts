import type { ComputedTier } from './tier-computation';
import type { StoredTier } from './tier.store';

/** What a supervisor reads of one tier: the tier, why (fired rules with legal basis), what follows. */
export interface TierView {
  industry: string;
  tier: string;
  tierLabel?: string;
  tierLabelZh?: string;
  score: number;
  pack: { id: string; version: string; contentHash: string };
  fired: unknown[];
  inspectionPolicy: unknown;
  facts: Record<string, unknown>;
  /** Why the subject is in the industry (行业归属依据). */
  membership: unknown[];
  asOf: string;
  computedAt: string | null;
}

export function viewComputed(t: ComputedTier): TierView {
  const e = t.evaluation;
  return {
    industry: e.industry,
    tier: e.tier,
    tierLabel: e.tierLabel,
    tierLabelZh: e.tierLabelZh,
    score: e.score,
    pack: { id: e.packId, version: e.version, contentHash: t.packHash },
    fired: [...e.fired],
    inspectionPolicy: e.inspectionPolicy,
    facts: { ...t.facts },
    membership: [...t.membership],
    asOf: t.asOf,
    computedAt: null,
  };
}

export function viewStored(t: StoredTier, labels?: { label: string; labelZh: string }): TierView {
  return {
    industry: t.industry,
    tier: t.tier,
    tierLabel: labels?.label,
    tierLabelZh: labels?.labelZh,
    score: Number(t.score),
    pack: { id: t.packId, version: t.packVersion, contentHash: t.packHash },
    fired: t.fired,
    inspectionPolicy: t.inspectionPolicy,
    facts: t.facts,
    membership: t.membership,
    asOf: t.asOf,
    computedAt: new Date(t.computedAt).toISOString(),
  };
}
