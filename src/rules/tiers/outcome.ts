/**
 * From fired events to an Evaluation: shared by the compiled evaluator and the json-rules-engine
 * reference, so both produce the same shape. Score = clamp(base + Σ points); the base tier is the worst
 * set-tier target when any set-tier event fired (直接判级, whatever the score), else the score's tier; the tier is
 * the worst of the base tier and every force-tier cap.
 */
import { resolveBasis } from '../shared/legal-basis';
import type { Evaluation, FiredRule, ResolvedInspectionPolicy } from './evaluation.types';
import type { LegalSource, LoadedPack, RuleEvent } from './pack.types';

/** What the outcome needs of a compiled pack (see compile.ts). */
export interface OutcomeModel {
  readonly pack: LoadedPack;
  readonly sources: ReadonlyMap<string, LegalSource>;
  /** Tier id → rank (0 = best), over every tier including forced-only ones. */
  readonly tierRank: ReadonlyMap<string, number>;
  /** Banded tiers best → worst with their lower bound (null = open below). */
  readonly bands: readonly { readonly tier: string; readonly minScore: number | null }[];
  readonly policies: ReadonlyMap<string, ResolvedInspectionPolicy>;
}

export function firedRule(sources: ReadonlyMap<string, LegalSource>, rule: string, event: RuleEvent): FiredRule {
  const p = event.params;
  const head = { rule, type: event.type };
  const body = { reason: p.reason, reasonZh: p.reasonZh, legalBasis: resolveBasis(sources, p.legalBasis) };
  return event.type === 'score'
    ? { ...head, points: event.params.points, ...body }
    : { ...head, tier: event.params.tier, ...body };
}

export function scoreTierOf(model: OutcomeModel, score: number): string {
  for (const b of model.bands) if (b.minScore === null || score >= b.minScore) return b.tier;
  return model.bands[model.bands.length - 1].tier; // unreachable for a loaded pack: the worst band covers the range
}

export function assembleEvaluation(model: OutcomeModel, fired: readonly FiredRule[]): Evaluation {
  const { pack } = model;
  let score = pack.scoring.base;
  for (const f of fired) if (f.points !== undefined) score += f.points;
  if (pack.scoring.max !== undefined && score > pack.scoring.max) score = pack.scoring.max;
  if (pack.scoring.min !== undefined && score < pack.scoring.min) score = pack.scoring.min;
  const scoreTier = scoreTierOf(model, score);
  let rank = model.tierRank.get(scoreTier) ?? 0;
  const set = fired.filter((f) => f.type === 'set-tier' && f.tier !== undefined);
  if (set.length > 0) rank = Math.max(...set.map((f) => model.tierRank.get(f.tier as string) ?? rank));
  for (const f of fired) {
    if (f.type === 'force-tier' && f.tier !== undefined) rank = Math.max(rank, model.tierRank.get(f.tier) ?? rank);
  }
  const t = pack.tiers[rank];
  const policy = model.policies.get(t.tier);
  if (!policy) throw new Error(`no inspection policy for tier "${t.tier}" (the loader should have refused the pack)`);
  return {
    packId: pack.id,
    version: pack.version,
    industry: pack.industry,
    score,
    scoreTier,
    tier: t.tier,
    tierLabel: t.label,
    tierLabelZh: t.labelZh,
    fired,
    inspectionPolicy: policy,
  };
}
