/** The rule-pack linter: findings a schema cannot give (rules that can never fire, shadowed rules…). */
export {
  lintPack,
  lintMeasures,
  lintRulePacks,
  formatLintFinding,
  type LintFinding,
  type LintSeverity,
  type LintCode,
} from './lint';
export { blankLegalText, type BlankLegalText } from './legal-text';
export { membershipSummary, factsRead } from './lint.industry';
