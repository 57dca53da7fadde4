/**
 * Types of a rule pack as authored (`rule-packs/<id>/pack.json`) and as loaded (references resolved,
 * deep-frozen). The JSON Schema `pack.schema.json` is the authoritative contract for authors; these types
 * mirror it.
 */
import type { Industry, SubjectKind } from '../shared/facts.catalogue';
import type { OperatorName } from '../shared/operators';

export type LegalSourceStatus = 'verified' | 'secondary' | 'local-parameter';

export interface LegalSource {
  readonly id: string;
  readonly title: string;
  readonly titleZh?: string;
  readonly documentNumber?: string;
  readonly article?: string;
  readonly url?: string;
  /** verified: the text was read; secondary: a summary or a local implementation; local-parameter: set by the deploying office. */
  readonly status: LegalSourceStatus;
  readonly note?: string;
}

export interface LegalBasis {
  readonly source: string;
  readonly article?: string;
  readonly note?: string;
}

export interface FactRef {
  readonly fact: string;
}
export interface ParamRef {
  readonly param: string;
}
export type Scalar = number | boolean | string | null;
/** A condition value after parameters are resolved: a literal, a list of literals, or another fact. */
export type ConditionValue = Scalar | readonly Scalar[] | FactRef;

export interface LeafCondition<V = ConditionValue> {
  readonly fact: string;
  readonly operator: OperatorName;
  readonly value: V;
}
export interface AllCondition<V = ConditionValue> {
  readonly all: readonly Condition<V>[];
}
export interface AnyCondition<V = ConditionValue> {
  readonly any: readonly Condition<V>[];
}
export interface NotCondition<V = ConditionValue> {
  readonly not: Condition<V>;
}
export type TopLevelCondition<V = ConditionValue> = AllCondition<V> | AnyCondition<V> | NotCondition<V>;
export type Condition<V = ConditionValue> = TopLevelCondition<V> | LeafCondition<V>;

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
export type RuleEvent = ScoreEvent | ForceTierEvent;
export type EventType = RuleEvent['type'];

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
  /** A tier no score reaches: only a force-tier event puts a subject in it (e.g. tax level M). */
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

export interface PackParameter {
  readonly value: number;
  readonly unit?: string;
  readonly source: string;
  readonly note?: string;
  readonly noteZh?: string;
}

/** Coverage thresholds of `npm run packs:test` (default minRules 1). */
export interface CoverageThreshold {
  /** Least share (0..1) of the rules the golden cases must fire. */
  readonly minRules?: number;
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
