import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { ProblemDetails } from '../../src/common/problem';
import type { Dto } from '../helpers/api-types';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';

describe('explain and validate rule packs over HTTP', () => {
  let t: TestApp;
  let packsKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    packsKey = await t.createKey({ scopes: ['packs'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the full condition trace of every rule', async () => {
    const res = await httpAs<Dto<'PackExplanationDto'>>(packsKey, t.url, 'POST', '/api/v1/packs/tax/evaluate', {
      facts: { industryPenaltiesLast12Months: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ packId: 'tax', tier: 'A', score: 95 });
    expect(res.body.evaluation.fired.map((f) => f.rule)).toEqual(['tax-penalty']);
    const penalty = res.body.rules.find((r) => r.rule === 'tax-penalty');
    expect(penalty).toEqual({
      rule: 'tax-penalty',
      fired: true,
      conditions: [
        {
          path: '/all/0',
          fact: 'industryPenaltiesLast12Months',
          factValue: 1,
          operator: 'greaterThanInclusive',
          expected: 1,
          passed: true,
        },
      ],
    });
    const repeated = res.body.rules.find((r) => r.rule === 'tax-penalties-repeated');
    expect(repeated).toMatchObject({ fired: false, conditions: [{ factValue: 1, expected: 3, passed: false }] });
    expect(res.body.rules).toHaveLength(13);
  });

  it('refuses facts outside the catalogue with problem details naming the fact', async () => {
    const res = await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/tax/evaluate', {
      facts: { penaltiesLast12Months: 'two', noSuchFact: 1, taxCreditLevel: 'Z' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors?.map((e) => e.field).sort()).toEqual([
      'facts.noSuchFact',
      'facts.penaltiesLast12Months',
      'facts.taxCreditLevel',
    ]);
  });

  it('refuses a body without facts, an unknown pack, and a key without the packs scope', async () => {
    expect((await http(t.url, 'POST', '/api/v1/packs/tax/evaluate', {})).status).toBe(400);
    expect((await http<ProblemDetails>(t.url, 'POST', '/api/v1/packs/nope/evaluate', { facts: {} })).body.code).toBe(
      'PACK_NOT_FOUND',
    );
    const checksKey = await t.createKey({ scopes: ['checks'] });
    expect((await httpAs(checksKey, t.url, 'POST', '/api/v1/packs/tax/evaluate', { facts: {} })).status).toBe(403);
  });

  it('validates a pack: 200 with valid and the findings', async () => {
    const pack = JSON.parse(readFileSync(join(__dirname, '../../rule-packs/tax/pack.json'), 'utf8')) as {
      rules: { name: string; conditions: { all: unknown[] } }[];
    };
    const ok = await httpAs<Dto<'LintReportDto'>>(packsKey, t.url, 'POST', '/api/v1/packs/validate', pack);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true, findings: [] });
    const penalty = pack.rules.findIndex((r) => r.name === 'tax-penalty');
    pack.rules[penalty].conditions.all.push({ fact: 'industryPenaltiesLast12Months', operator: 'lessThan', value: 0 });
    const bad = await httpAs<Dto<'LintReportDto'>>(packsKey, t.url, 'POST', '/api/v1/packs/validate', pack);
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'pack.json',
        rule: 'tax-penalty',
        path: `/rules/${penalty}/conditions/all/1`,
        code: 'never-fires',
      }),
    ]);
  });
});
