import type { ArgumentsHost } from '@nestjs/common';
import {
  CasesValidationError,
  CheckFactsError,
  InvalidDateError,
  MissingFactError,
  PackValidationError,
  type RulesError,
  type RulesErrorCode,
} from '../rules/shared';
import { ProblemDetailsFilter, toProblem } from './problem.filter';
import { RULES_PROBLEMS } from './rules-problems';

/** One error of each code of the rules core, as the core throws them. */
const ERRORS: Record<RulesErrorCode, RulesError> = {
  RULES_PACK_INVALID: new PackValidationError([
    { file: 'pack.json', rule: 'r1', path: '/rules/0/conditions', message: 'must be an object' },
  ]),
  RULES_CASES_INVALID: new CasesValidationError([
    { file: 'cases.json', path: '/cases/2/expect', message: 'is required' },
  ]),
  RULES_FACT_MISSING: new MissingFactError('credit-tier', 'penaltyCount'),
  RULES_DATE_INVALID: new InvalidDateError('2025-02-30'),
  RULES_CHECK_FACTS_INVALID: new CheckFactsError([{ fact: 'scenario', message: 'is not a known scenario' }]),
};

describe('rules core errors at the HTTP edge (problem details, never a 500)', () => {
  it.each(Object.entries(ERRORS))('%s is answered with its own code and a 4xx status', (code, err) => {
    const p = toProblem(err, '/api/v1/x', 'req-1');
    expect(p).toMatchObject({
      code,
      status: RULES_PROBLEMS[code as RulesErrorCode].status,
      detail: err.message,
      instance: '/api/v1/x',
      requestId: 'req-1',
    });
    expect(p.status).toBeGreaterThanOrEqual(400);
    expect(p.status).toBeLessThan(500);
    expect(p.type).toBe(`https://credit-engine.local/problems/${code.toLowerCase().replace(/_/g, '-')}`);
  });

  it('names the fields: findings by JSON pointer, check facts and missing facts by name', () => {
    expect(toProblem(ERRORS.RULES_PACK_INVALID, undefined, undefined).errors).toEqual([
      { field: '/rules/0/conditions', reason: 'must be an object' },
    ]);
    expect(toProblem(ERRORS.RULES_CHECK_FACTS_INVALID, undefined, undefined).errors).toEqual([
      { field: 'scenario', reason: 'is not a known scenario' },
    ]);
    expect(toProblem(ERRORS.RULES_FACT_MISSING, undefined, undefined).errors).toEqual([
      { field: 'penaltyCount', reason: 'is read by the pack and missing from the facts' },
    ]);
    expect(toProblem(ERRORS.RULES_DATE_INVALID, undefined, undefined).errors).toBeUndefined();
  });

  it('a plain error is still the generic 500', () => {
    expect(toProblem(new Error('boom'), undefined, undefined)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('the global filter sends it as application/problem+json with that status', () => {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const reply = {
      status(s: number) {
        sent.status = s;
        return reply;
      },
      header(k: string, v: string) {
        sent.headers[k] = v;
        return reply;
      },
      send(b: unknown) {
        sent.body = b;
        return reply;
      },
    };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ url: '/api/v1/checks?x=1', id: 'req-2' }),
        getResponse: () => reply,
      }),
    } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(ERRORS.RULES_CHECK_FACTS_INVALID, host);
    expect(sent.status).toBe(422);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({
      code: 'RULES_CHECK_FACTS_INVALID',
      status: 422,
      instance: '/api/v1/checks',
      requestId: 'req-2',
    });
  });
});
