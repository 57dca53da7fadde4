/**
 * Types of a rule pack as authored (`rule-packs/<id>/pack.json`) and as loaded (references resolved,
 * deep-frozen). The JSON Schema `pack.schema.json` is the authoritative contract for authors; these types
 * mirror it.
 */
import type { Industry, SubjectKind } from '../shared/facts.catalogue';
import type { PackMembership } from '../membership/membership';
import type {
  ConditionValue,
  CoverageThreshold,
  LegalSource,
  LegalBasis,
  PackParameter,
  ParamRef,
  TopLevelCondition,
} from '../shared/rule.types';

// The shared part (legal sources, conditions, parameters) is re-exported: these were always the pack's types.
export type * from '../shared/rule.types';

export interface EventReason {
  readonly reason: string;
  readonly reasonZh: string;
  readonly legalBasis: LegalBasis;
}
export interface ScoreEvent {
  readonly type: 'score';
  /** points: integer, negative = deduction. */
  readonly params: EventReason & { readonly points: number };
}
export interface ForceTierEvent {
  readonly type: 'force-tier';
  /** The tier becomes at most this good: worst(computed, forced). */
  readonly params: EventReason & { readonly tier: string };
}
export interface SetTierEvent {
  readonly type: 'set-tier';
  /**
   * The tier is set to this one whatever the score (直接判级, e.g. tax level M for a new business): it replaces
   * the score's tier, better or worse; force-tier caps still apply on top. Several set-tier events: the worst.
   */
  readonly params: EventReason & { readonly tier: string };
}
export type RuleEvent = ScoreEvent | ForceTierEvent | SetTierEvent;
export type EventType = RuleEvent['type'];

/** Why a tier pack reads a fact of every industry (a list, the tax level, all penalties): its own industry's records are the default. */
export interface CrossIndustryUse {
  readonly reason: string;
  readonly reasonZh: string;
}

export interface PackRule<V = ConditionValue> {
  readonly name: string;
  readonly priority?: number;
  readonly description?: string;
  readonly conditions: TopLevelCondition<V>;
  readonly event: RuleEvent;
}

export interface Scoring {
  readonly base: number;
  readonly min?: number;
  readonly max?: number;
}

export interface TierDefinition {
  readonly tier: string;
  readonly label: string;
  readonly labelZh: string;
  /** Inclusive; null = unbounded below (worst banded tier only). Absent on forced-only tiers. */
  readonly minScore?: number | null;
  /** Exclusive; null = unbounded above (best tier only). Absent on forced-only tiers. */
  readonly maxScore?: number | null;
  /** A tier no score reaches: only a force-tier or set-tier event puts a subject in it (e.g. tax level M). */
  readonly forcedOnly?: boolean;
}

export interface InspectionPolicy<N = number | ParamRef> {
  readonly samplingRatio: N;
  readonly minInspectionsPerYear: N;
  readonly onSiteWithoutLead: boolean;
  readonly keyItemsFull?: boolean;
  readonly source: string;
  readonly note?: string;
  readonly noteZh?: string;
}

/** A pack exactly as authored in pack.json (after schema validation). */
export interface RulePackFile {
  readonly $schema?: string;
  readonly id: string;
  readonly industry: Industry;
  readonly name: string;
  readonly nameZh: string;
  readonly description?: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly appliesTo: readonly SubjectKind[];
  /** Which subjects of those kinds the industry supervises (分行业); absent: every one (packs before it). */
  readonly membership?: PackMembership;
  /** The cross-industry facts the rules read on purpose (fact → why), e.g. a joint-punishment list. */
  readonly crossIndustryFacts?: Readonly<Record<string, CrossIndustryUse>>;
  readonly legalSources: readonly LegalSource[];
  readonly parameters?: Readonly<Record<string, PackParameter>>;
  readonly scoring: Scoring;
  readonly tiers: readonly TierDefinition[];
  readonly rules: readonly PackRule<ConditionValue | ParamRef>[];
  readonly inspectionPolicy: Readonly<Record<string, InspectionPolicy>>;
  /** Reserved for issue #3 (scenario → joint measures); must be empty or absent for now. */
  readonly measures?: readonly unknown[];
  readonly coverage?: CoverageThreshold;
}

/** A validated pack with parameters resolved into rules and policies; deep-frozen. */
export interface LoadedPack extends Omit<RulePackFile, 'rules' | 'inspectionPolicy' | '$schema'> {
  /** Where the pack was read from (for messages). */
  readonly file: string;
  readonly rules: readonly PackRule[];
  readonly inspectionPolicy: Readonly<Record<string, InspectionPolicy<number>>>;
}
