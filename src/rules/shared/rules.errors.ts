/**
 * Errors of the rules core, each with a stable `code` that the HTTP layer can map onto a problem type.
 */

export type RulesErrorCode =
  | 'RULES_PACK_INVALID'
  | 'RULES_CASES_INVALID'
  | 'RULES_FACT_MISSING'
  | 'RULES_DATE_INVALID'
  | 'RULES_CHECK_FACTS_INVALID';

export abstract class RulesError extends Error {
  abstract readonly code: RulesErrorCode;
}

/** One problem found in a pack or a golden-case file. */
export interface PackFinding {
  /** The file (or label) the pack was read from. */
  readonly file: string;
  /** Name of the rule the finding is about, when it is about one. */
  readonly rule?: string;
  /** Code of the measure (measures catalogue) the finding is about, when it is about one. */
  readonly measure?: string;
  /** JSON pointer (RFC 6901) into the file, e.g. `/rules/3/conditions/all/0/operator`. */
  readonly path: string;
  readonly message: string;
}

export function formatFinding(f: PackFinding): string {
  const rule = f.rule === undefined ? '' : ` rule "${f.rule}"`;
  const measure = f.measure === undefined ? '' : ` measure "${f.measure}"`;
  return `${f.file}${rule}${measure} at ${f.path || '/'}: ${f.message}`;
}

function summarise(what: string, findings: readonly PackFinding[]): string {
  const head = findings.slice(0, 10).map(formatFinding).join('\n  ');
  const more = findings.length > 10 ? `\n  … and ${findings.length - 10} more` : '';
  return `${what} (${findings.length} finding${findings.length === 1 ? '' : 's'}):\n  ${head}${more}`;
}

/** A pack that failed validation; nothing of it is loaded. */
export class PackValidationError extends RulesError {
  readonly code = 'RULES_PACK_INVALID' as const;
  constructor(readonly findings: readonly PackFinding[]) {
    super(summarise('Rule pack refused', findings));
    this.name = 'PackValidationError';
  }
}

/** A golden-case file that failed validation. */
export class CasesValidationError extends RulesError {
  readonly code = 'RULES_CASES_INVALID' as const;
  constructor(readonly findings: readonly PackFinding[]) {
    super(summarise('Golden cases refused', findings));
    this.name = 'CasesValidationError';
  }
}

/** An evaluation was given a fact set without a fact the pack reads. */
export class MissingFactError extends RulesError {
  readonly code = 'RULES_FACT_MISSING' as const;
  constructor(
    readonly packId: string,
    readonly fact: string,
  ) {
    super(`Pack "${packId}" reads fact "${fact}", which the fact set does not contain (use withDefaults)`);
    this.name = 'MissingFactError';
  }
}

/** A date argument that is not a real calendar date in `YYYY-MM-DD` form. */
export class InvalidDateError extends RulesError {
  readonly code = 'RULES_DATE_INVALID' as const;
  constructor(readonly value: string) {
    super(`Not a calendar date in YYYY-MM-DD form: "${value}"`);
    this.name = 'InvalidDateError';
  }
}

/** One problem of a check's fact set (unknown fact, wrong type, value outside the allowed ones, missing scenario). */
export interface CheckFactProblem {
  readonly fact: string;
  readonly message: string;
}

/** A check ("逢办必查") was given facts that do not fit the check-fact vocabulary (e.g. an unknown scenario). */
export class CheckFactsError extends RulesError {
  readonly code = 'RULES_CHECK_FACTS_INVALID' as const;
  constructor(readonly problems: readonly CheckFactProblem[]) {
    super(`Check facts refused: ${problems.map((p) => `${p.fact}: ${p.message}`).join('; ')}`);
    this.name = 'CheckFactsError';
  }
}
