/** Public API of the rules core (plain TypeScript: no NestJS, no TypeORM, no I/O except the pack loader). */
export * from './facts.catalogue';
export * from './rules.errors';
export type * from './pack.types';
export type * from './evaluation.types';
export { OPERATORS, OPERATOR_NAMES, isNumeric, type OperatorName, type OperatorDefinition } from './operators';
export { loadPack, loadPacks, parsePack, packFindings, packIdOf, packDirs, PACK_FILE, CASES_FILE } from './pack.loader';
export { compilePack, type CompiledPack, type CompiledRule, type FactSlots, type Predicate } from './compile';
export { evaluatePack } from './evaluate';
export { evaluateWithEngine, engineRules } from './reference';
export { explainPack, type Explanation, type RuleTrace, type ConditionTrace } from './explain';
export { loadCases, parseCases, caseFacts, type GoldenCase, type GoldenCaseFile } from './cases';
export * from './publicity';
export { addMonths, parseDate, formatDate, compareDates } from './calendar';
// Joint reward and punishment measures (联合奖惩) for checks on every transaction (逢办必查).
export * from './check-facts';
export type * from './measures.types';
export { MEASURE_KINDS, MEASURE_EFFECTS, EFFECTS_OF_KIND, PENALTY_BASIS_STATUSES } from './measures.types';
export { VERDICTS, verdictOf, verdictRank, type Verdict } from './verdict';
export { recordsBehind, SOURCED_FACTS, MAJOR_VIOLATION_PENALTIES } from './fact-sources';
export { loadMeasures, parseMeasures, measureFindings, MEASURES_DIR, CATALOGUE_FILE, MEASURE_RULES_FILE, MEASURE_CASES_FILE, type LoadedMeasures, type MeasureLabels } from './measures.loader';
export { compileMeasures, type CompiledMeasures, type CompiledMeasureRule } from './measures.compile';
export { evaluateMeasures } from './measures.evaluate';
export { evaluateMeasuresWithEngine, measureEngineRules } from './measures.reference';
export { loadMeasureCases, parseMeasureCases, measureCaseFacts, type MeasureCase, type MeasureCaseFile } from './measures.cases';
