/**
 * Types of the joint reward and punishment measures (联合奖惩措施) as authored
 * (`rule-packs/measures/catalogue.json`, `rules.json`) and as evaluated by a check ("逢办必查").
 * The JSON Schemas `measures.schema.json` and `measure-rules.schema.json` are the authors' contract;
 * these types mirror them.
 */
import type {
  ConditionValue,
  CoverageThreshold,
  LegalBasis,
  LegalSource,
  PackParameter,
  ParamRef,
  ResolvedLegalBasis,
  TopLevelCondition,
} from '../shared/rule.types';
import type { MeasureEffect, MeasureKind } from './measure-kinds';
import type { Verdict } from './verdict';

/** A transaction scenario in which measures apply (招标投标, 政府采购, …). Data: the catalogue may add more. */
export interface Scenario {
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  /** An incentive programme the scenario belongs to: `xinyi_plus` = 信易+ (district plan task 17). */
  readonly programme?: 'xinyi_plus';
}

export interface MeasureDefinition {
  readonly code: string;
  readonly kind: MeasureKind;
  readonly name: string;
  readonly nameZh: string;
  /** Scenario codes the measure applies in. */
  readonly scenarios: readonly string[];
  readonly effect: MeasureEffect;
  readonly description: string;
  readonly descriptionZh: string;
  /** Required for every measure; a penalty's source must be verified or secondary (国办发〔2020〕49号). */
  readonly legalBasis: LegalBasis;
  /** Implementing departments (实施部门). */
  readonly departments: readonly string[];
}

/** catalogue.json as authored. */
export interface MeasureCatalogueFile {
  readonly $schema?: string;
  readonly description?: string;
  readonly scenarios: readonly Scenario[];
  readonly legalSources: readonly LegalSource[];
  readonly measures: readonly MeasureDefinition[];
}

/** The validated catalogue, deep-frozen. */
export interface MeasureCatalogue extends Omit<MeasureCatalogueFile, '$schema'> {
  readonly file: string;
}

export interface MeasureEvent {
  readonly type: 'measure';
  readonly params: { readonly measure: string; readonly reason: string; readonly reasonZh: string };
}

export interface MeasureRule<V = ConditionValue> {
  readonly name: string;
  readonly priority?: number;
  readonly description?: string;
  readonly conditions: TopLevelCondition<V>;
  readonly event: MeasureEvent;
}

/** rules.json as authored. */
export interface MeasureRulesFile {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly description?: string;
  readonly legalSources: readonly LegalSource[];
  readonly parameters?: Readonly<Record<string, PackParameter>>;
  readonly rules: readonly MeasureRule<ConditionValue | ParamRef>[];
  readonly coverage?: CoverageThreshold;
}

/** The validated rules with parameters resolved, deep-frozen. */
export interface LoadedMeasureRules extends Omit<MeasureRulesFile, '$schema' | 'rules'> {
  readonly file: string;
  readonly rules: readonly MeasureRule[];
}

/** A measure that applies to the checked party, with why (the rule) and on what basis. */
export interface AppliedMeasure {
  readonly code: string;
  readonly kind: MeasureKind;
  readonly effect: MeasureEffect;
  readonly name: string;
  readonly nameZh: string;
  readonly description: string;
  readonly descriptionZh: string;
  readonly legalBasis: ResolvedLegalBasis;
  readonly departments: readonly string[];
  /** The rule that triggered it. */
  readonly rule: string;
  readonly reason: string;
  readonly reasonZh: string;
  /** Facts the rule's conditions read (scenario, partyRole and amount left out): look up their records with recordsBehind. */
  readonly factsUsed: readonly string[];
}

export interface MeasureEvaluation {
  readonly scenario: string;
  readonly verdict: Verdict;
  /** One entry per triggered rule (a measure two rules trigger appears twice, with both reasons), by priority then file order. */
  readonly measures: readonly AppliedMeasure[];
  readonly rulesId: string;
  readonly rulesVersion: string;
}
