/** Golden-case coverage of the rule packs (npm run packs:test): which rules, tiers, measures and verdicts the cases reach. */
export { packCoverage, measuresCoverage, coverageOf, DEFAULT_MIN_RULES, type Coverage, type CaseFailure, type OutcomeCoverage } from './coverage';
export { rulePacksCoverage } from './coverage.run';
export { formatCoverage } from './coverage.format';
