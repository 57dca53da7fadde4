/** The result of evaluating a pack for one fact set: it explains itself (fired rules with reasons and legal basis). */
import type { Industry } from '../shared/facts.catalogue';
import type { ResolvedLegalBasis } from '../shared/rule.types';
import type { EventType } from './pack.types';

export type { ResolvedLegalBasis } from '../shared/rule.types';

export interface FiredRule {
  readonly rule: string;
  readonly type: EventType;
  /** score events: points added (negative = deducted). */
  readonly points?: number;
  /** force-tier events: the best tier the subject may have; set-tier events: the tier set whatever the score. */
  readonly tier?: string;
  readonly reason: string;
  readonly reasonZh: string;
  readonly legalBasis: ResolvedLegalBasis;
}

export interface ResolvedInspectionPolicy {
  readonly tier: string;
  readonly samplingRatio: number;
  readonly minInspectionsPerYear: number;
  readonly onSiteWithoutLead: boolean;
  readonly keyItemsFull: boolean;
  readonly source: ResolvedLegalBasis;
  readonly note?: string;
  readonly noteZh?: string;
}

export interface Evaluation {
  readonly packId: string;
  readonly version: string;
  readonly industry: Industry;
  /** base + Σ points, clamped to the scoring range. */
  readonly score: number;
  /** The tier the score alone gives, before set-tier and force-tier events. */
  readonly scoreTier: string;
  /** worst(scoreTier, every forced tier). */
  readonly tier: string;
  readonly tierLabel: string;
  readonly tierLabelZh: string;
  /** Fired rules in evaluation order (priority high → low, then pack order). */
  readonly fired: readonly FiredRule[];
  readonly inspectionPolicy: ResolvedInspectionPolicy;
}
