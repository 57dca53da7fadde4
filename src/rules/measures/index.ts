/** Joint reward and punishment measures (联合奖惩) for checks on every transaction (逢办必查), and the verdict. */
export type * from './measures.types';
export {
  MEASURE_KINDS,
  MEASURE_EFFECTS,
  EFFECTS_OF_KIND,
  PENALTY_BASIS_STATUSES,
  type MeasureKind,
  type MeasureEffect,
} from './measure-kinds';
export { VERDICTS, verdictOf, verdictRank, type Verdict } from './verdict';
export {
  loadMeasures,
  parseMeasures,
  measureFindings,
  MEASURES_DIR,
  CATALOGUE_FILE,
  MEASURE_RULES_FILE,
  MEASURE_CASES_FILE,
  type LoadedMeasures,
  type MeasureLabels,
} from './measures.loader';
export { compileMeasures, type CompiledMeasures, type CompiledMeasureRule } from './measures.compile';
export { evaluateMeasures } from './measures.evaluate';
export { evaluateMeasuresWithEngine, measureEngineRules } from './measures.reference';
export {
  loadMeasureCases,
  parseMeasureCases,
  measureCaseFacts,
  type MeasureCase,
  type MeasureCaseFile,
} from './measures.cases';
