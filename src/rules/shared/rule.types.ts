/**
 * The parts of a rule file both pipelines (tier packs, measures) author the same way: legal sources and
 * bases, conditions (json-rules-engine's all/any/not with leaves over facts), parameters, coverage
 * thresholds. pack.schema.json defines them; measures.schema.json and measure-rules.schema.json `$ref` it.
 */
import type { OperatorName } from './operators';

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

/** A rule's legal basis with its source looked up (title, document number, verification status). */
export interface ResolvedLegalBasis {
  readonly source: string;
  readonly title: string;
  readonly titleZh?: string;
  readonly documentNumber?: string;
  readonly article?: string;
  readonly url?: string;
  readonly status: LegalSourceStatus;
  readonly note?: string;
}
