/** Findings of the pack linter (`npm run packs:validate`): loader refusals as errors, plus checks a schema cannot make. */
import type { PackFinding } from '../shared/rules.errors';

export type LintSeverity = 'error' | 'warning';

/** Stable codes of lint findings. */
export type LintCode =
  | 'schema' // the JSON Schema refuses the file
  | 'invalid' // a semantic check of the loader refuses it (unknown fact, operator/type, duplicate name, tier gap, legal basis…)
  | 'never-fires' // no fact set makes the rule's conditions true
  | 'constant-condition' // one condition is never true (or, under `not`, always true) although the rule can fire
  | 'shadowed' // same conditions and same event as a rule of higher (or equal, earlier) priority
  | 'scenario-uncovered' // a catalogue scenario no measure applies in
  | 'measure-unused' // a catalogue measure no rule applies
  | 'basis-undocumented' // a measure or tier rule without its row in docs/legal-basis.md
  | 'cross-industry-undeclared' // a tier rule reads a cross-industry fact its pack does not declare (分行业)
  | 'cross-industry-unused' // a declared cross-industry fact no rule reads
  | 'membership-undeclared'; // a tier pack that does not say which subjects its industry supervises

export interface LintFinding extends PackFinding {
  readonly severity: LintSeverity;
  readonly code: LintCode;
}

export function formatLintFinding(f: LintFinding): string {
  const about = [
    f.rule === undefined ? '' : ` rule "${f.rule}"`,
    f.measure === undefined ? '' : ` measure "${f.measure}"`,
  ].join('');
  return `${f.severity.padEnd(7)} ${f.file}${about} at ${f.path || '/'} [${f.code}]: ${f.message}`;
}

/** Loader findings as lint errors. */
export const asErrors = (findings: readonly PackFinding[], code: LintCode): LintFinding[] =>
  findings.map((f) => ({ ...f, severity: 'error', code }));
