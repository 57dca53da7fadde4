import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, httpAs, startTestApp, TestApp } from '../helpers/app';
import type { MutablePack } from '../../src/rules/testing';

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
    const res = await httpAs(packsKey, t.url, 'POST', '/api/v1/packs/tax/evaluate', {
      facts: { industryPenaltiesLast12Months: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ packId: 'tax', tier: 'A', score: 95 });
    expect(res.body.evaluation.fired.map((f: { rule: string }) => f.rule)).toEqual(['tax-penalty']);
    const penalty = res.body.rules.find((r: { rule: string }) => r.rule === 'tax-penalty');
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
    const repeated = res.body.rules.find((r: { rule: string }) => r.rule === 'tax-penalties-repeated');
    expect(repeated).toMatchObject({ fired: false, conditions: [{ factValue: 1, expected: 3, passed: false }] });
    expect(res.body.rules).toHaveLength(13);
  });

  it('refuses facts outside the catalogue with problem details naming the fact', async () => {
    const res = await http(t.url, 'POST', '/api/v1/packs/tax/evaluate', {
      facts: { penaltiesLast12Months: 'two', noSuchFact: 1, taxCreditLevel: 'Z' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'facts.noSuchFact',
      'facts.penaltiesLast12Months',
      'facts.taxCreditLevel',
    ]);
  });

  it('refuses a body without facts, an unknown pack, and a key without the packs scope', async () => {
    expect((await http(t.url, 'POST', '/api/v1/packs/tax/evaluate', {})).status).toBe(400);
    expect((await http(t.url, 'POST', '/api/v1/packs/nope/evaluate', { facts: {} })).body.code).toBe('PACK_NOT_FOUND');
    const checksKey = await t.createKey({ scopes: ['checks'] });
    expect((await httpAs(checksKey, t.url, 'POST', '/api/v1/packs/tax/evaluate', { facts: {} })).status).toBe(403);
  });

  it('validates a pack: 200 with valid and the findings', async () => {
    const pack = JSON.parse(readFileSync(join(__dirname, '../../rule-packs/tax/pack.json'), 'utf8')) as MutablePack;
    const ok = await httpAs(packsKey, t.url, 'POST', '/api/v1/packs/validate', pack);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true, findings: [] });
    const penalty = pack.rules.findIndex((r: { name: string }) => r.name === 'tax-penalty');
    pack.rules[penalty].conditions.all.push({ fact: 'industryPenaltiesLast12Months', operator: 'lessThan', value: 0 });
    const bad = await httpAs(packsKey, t.url, 'POST', '/api/v1/packs/validate', pack);
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
