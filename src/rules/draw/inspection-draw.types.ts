/** Inputs and outputs of the inspection draw (双随机、一公开). Plain data: the published form of a plan. */

export type DrawReason = 'lead' | 'due' | 'ratio';

export interface DrawSubject {
  readonly id: string;
  readonly tier: string;
  /** Due by the tier's inspection frequency (检查频次): always drawn. */
  readonly due: boolean;
  /** An open complaint or lead (投诉举报线索): always drawn, on site whatever the tier. */
  readonly openLead: boolean;
  /** Inspectors who may not inspect this subject (回避), besides the inspectors' own conflicts. */
  readonly excludedInspectors?: readonly string[];
}

export interface DrawPolicy {
  /** Share of the tier drawn at random, 0..1. */
  readonly samplingRatio: number;
  /** false: no on-site visit without a lead (无事不扰, tier A). Default true. */
  readonly onSiteWithoutLead?: boolean;
  /** Key items checked 100% (tier D). Default false. */
  readonly keyItemsFull?: boolean;
}

export interface DrawInspector {
  readonly id: string;
  readonly department: string;
  /** Subject ids this inspector must not inspect. */
  readonly conflicts: readonly string[];
}

export interface DrawInput {
  readonly subjects: readonly DrawSubject[];
  readonly policies: Readonly<Record<string, DrawPolicy>>;
  readonly inspectors: readonly DrawInspector[];
  readonly seed: string;
}

export interface DrawItem {
  readonly subjectId: string;
  readonly tier: string;
  readonly reason: DrawReason;
  /** Two inspector ids, the less loaded first. */
  readonly inspectors: readonly [string, string];
  readonly onSite: boolean;
  readonly keyItemsFull: boolean;
}

export interface DrawTierSummary {
  readonly tier: string;
  readonly population: number;
  readonly samplingRatio: number;
  /** round(samplingRatio × population). */
  readonly target: number;
  readonly lead: number;
  readonly due: number;
  readonly ratio: number;
  readonly drawn: number;
}

export interface DrawPlan {
  readonly algorithm: typeof DRAW_ALGORITHM;
  readonly seed: string;
  readonly seed32: number;
  readonly tiers: readonly DrawTierSummary[];
  /** Ordered by subject id. */
  readonly items: readonly DrawItem[];
  /** Items per inspector id, every inspector listed. */
  readonly load: Readonly<Record<string, number>>;
}

export const DRAW_ALGORITHM = 'sha256-mulberry32-fisher-yates-v1';
