/** Public API of the rules core (plain TypeScript: no NestJS, no TypeORM, no I/O except the pack loader). */
export * from './facts.catalogue';
export * from './rules.errors';
export type * from './pack.types';
export type * from './evaluation.types';
export { OPERATORS, OPERATOR_NAMES, isNumeric, type OperatorName, type OperatorDefinition } from './operators';
export { loadPack, loadPacks, parsePack, packFindings, PACK_FILE, CASES_FILE } from './pack.loader';
export { compilePack, type CompiledPack, type CompiledRule, type FactSlots, type Predicate } from './compile';
export { evaluatePack } from './evaluate';
export { evaluateWithEngine, engineRules } from './reference';
export { explainPack, type Explanation, type RuleTrace, type ConditionTrace } from './explain';
export { loadCases, parseCases, caseFacts, type GoldenCase, type GoldenCaseFile } from './cases';
export * from './publicity';
export { addMonths, parseDate, formatDate, compareDates } from './calendar';
