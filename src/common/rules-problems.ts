import type { FieldError } from './problem';
import {
  CasesValidationError,
  CheckFactsError,
  MissingFactError,
  PackValidationError,
  type RulesError,
  type RulesErrorCode,
} from '../rules/shared';

/**
 * The rules core's error codes (src/rules/rules.errors.ts) as the HTTP edge answers them. The features
 * catch the ones they expect and answer with their own codes (e.g. PACK_INVALID); one that escapes is
 * answered here with the core's code, never as a 500. Typed over every RulesErrorCode: a new code in the
 * core does not compile until it is given a status here.
 */
export const RULES_PROBLEMS: Record<RulesErrorCode, { readonly status: number; readonly title: string }> = {
  RULES_PACK_INVALID: { status: 422, title: 'Rule pack refused (规则包校验未通过)' },
  RULES_CASES_INVALID: { status: 422, title: 'Golden cases refused (测试用例校验未通过)' },
  RULES_FACT_MISSING: { status: 422, title: 'A fact the pack reads is missing (缺少规则所需事实)' },
  RULES_DATE_INVALID: { status: 400, title: 'Not a calendar date (日期无效)' },
  RULES_CHECK_FACTS_INVALID: { status: 422, title: 'Check facts refused (核查事实不符合词汇表)' },
};

/** The fields a rules error names: a pack's findings by JSON pointer, a check's facts by name. */
export function rulesErrorFields(err: RulesError): FieldError[] | undefined {
  if (err instanceof PackValidationError || err instanceof CasesValidationError)
    return err.findings.map((f) => ({ field: f.path || '/', reason: f.message }));
  if (err instanceof CheckFactsError) return err.problems.map((p) => ({ field: p.fact, reason: p.message }));
  if (err instanceof MissingFactError)
    return [{ field: err.fact, reason: 'is read by the pack and missing from the facts' }];
  return undefined;
}
