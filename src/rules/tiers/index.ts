/** Tier packs (信用分级): load, compile, evaluate, explain, the json-rules-engine reference, golden cases. */
export type * from './pack.types';
export type * from './evaluation.types';
export {
  loadPack,
  loadPacks,
  parsePack,
  packFindings,
  packIdOf,
  packDirs,
  industryFindings,
  PACK_FILE,
  CASES_FILE,
  MAX_STORED_SCORE,
  type PackIndustry,
} from './pack.loader';
export { compilePack, type CompiledPack, type CompiledRule } from './compile';
export { evaluatePack } from './evaluate';
export { evaluateWithEngine, engineRules } from './reference';
export { explainPack, type Explanation, type RuleTrace, type ConditionTrace } from './explain';
export {
  loadCases,
  parseCases,
  caseFacts,
  runCase,
  expectedOutcome,
  type GoldenCase,
  type GoldenCaseFile,
  type CaseOutcome,
} from './cases';
