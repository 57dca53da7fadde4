import { spawnSync } from 'node:child_process';
import { expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintRulePacks } from '../../src/rules/lint';
import { http, startTestApp, TestApp } from '../helpers/app';
import { answerProblems } from '../helpers/leak-checks';
import type { ProblemDetails } from '../../src/common/problem';

/**
 * Hostile rule packs: deep nesting, huge numbers, `__proto__` / `constructor` keys, unknown operators,
 * text that is not JSON. Through `POST /api/v1/packs/validate` (200 with findings, or a 400 problem)
 * and through the `packs:validate` CLI on a folder of them (findings, exit code 1, no crash, nothing
 * polluted).
 */
const ROOT = resolve(__dirname, '../..');
const TAX = readFileSync(join(ROOT, 'rule-packs/tax/pack.json'), 'utf8');

/** What the edits below reach into of the tax pack (the rest is carried along untouched). */
interface PackJson {
  id: string;
  version: string;
  scoring: Record<string, unknown>;
  rules: { priority?: unknown; conditions: { all: unknown[] } }[];
}
/** The first condition of the first rule, to break. */
const firstCondition = (p: PackJson) => p.rules[0].conditions.all[0] as Record<string, unknown>;

function variant(id: string, edit: (p: PackJson) => void): string {
  const p = JSON.parse(TAX) as PackJson;
  p.id = id;
  edit(p);
  return JSON.stringify(p, null, 2);
}

/** Pack files by directory name; each must give at least one error finding. */
const HOSTILE: Record<string, string> = {
  'null-literal': 'null',
  'long-version': variant('long-version', (p) => (p.version = `1.0.0-${'x'.repeat(80)}`)),
  'unknown-operator': variant('unknown-operator', (p) => (firstCondition(p).operator = 'greaterThen')),
  'huge-numbers': variant('huge-numbers', (p) => {
    p.scoring.base = 1e308;
    p.scoring.max = 'HUGE_EXP';
    p.rules[0].priority = 'HUGE_INT';
    firstCondition(p).value = -1e308;
  })
    .replace('"HUGE_INT"', '123456789012345678901234567890')
    .replace('"HUGE_EXP"', '1e999'),
  'proto-key': variant('proto-key', () => undefined).replace(
    '{',
    '{\n  "__proto__": { "polluted": true, "isAdmin": true },',
  ),
  'constructor-key': variant(
    'constructor-key',
    (p) => ((firstCondition(p) as { constructor: unknown }).constructor = { prototype: { polluted: true } }),
  ),
  'deep-nesting': variant('deep-nesting', (p) => (p.rules[0].conditions = { all: ['DEEP'] })).replace(
    '"DEEP"',
    '{"all":['.repeat(20_000) + ']}'.repeat(20_000),
  ),
  'moderately-deep': variant('moderately-deep', (p) => {
    let c: unknown = { fact: 'penaltiesLast12Months', operator: 'unknownOp', value: 1 };
    for (let i = 0; i < 40; i++) c = { any: [c] };
    p.rules[0].conditions = { all: [c] };
  }),
  'not-json': '{"id": "not-json", "rules": [',
  'bom-and-nul': '\uFEFF{"id": "bom-and-nul\u0000"}',
  'wrong-types': JSON.stringify({
    id: 'wrong-types',
    industry: 7,
    rules: 'all of them',
    tiers: { A: 1 },
    scoring: [],
    version: {},
  }),
  'empty-file': '',
};

describe('hostile rule packs', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'hostile-packs-'));
    for (const [name, text] of Object.entries(HOSTILE)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'pack.json'), text);
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('POST /api/v1/packs/validate: findings (valid false) or a 400 problem for each, never a 5xx, nothing polluted', async () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const res = await fetch(`${t.url}/api/v1/packs/validate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
        body: text || 'null',
      });
      const body = await res.text();
      expect({
        name,
        problems: answerProblems({
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          text: body,
        }),
      }).toEqual({ name, problems: [] });
      if (res.status === 200)
        expect({ name, valid: (JSON.parse(body) as { valid: unknown }).valid }).toEqual({ name, valid: false });
      else expect({ name, status: res.status }).toEqual({ name, status: 400 });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The bundled pack itself still validates: the route is not refusing everything.
    expect((await http<{ valid: boolean }>(t.url, 'POST', '/api/v1/packs/validate', JSON.parse(TAX))).body.valid).toBe(
      true,
    );
  });

  it('a draft holding NUL or an unpaired surrogate is a 400 naming content, and nothing is saved', async () => {
    const before = await http<{ revision: number }>(t.url, 'GET', '/api/v1/packs/tax/draft');
    for (const bad of ['a\u0000b', '\ud800x']) {
      const content = JSON.parse(TAX) as { nameZh: string };
      content.nameZh = bad;
      const res = await http<ProblemDetails>(t.url, 'PUT', '/api/v1/packs/tax/draft', {
        content,
        revision: before.body.revision,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'content' })]);
    }
    const reason = await http(t.url, 'POST', '/api/v1/packs/tax/publish', { reason: 'x\u0000y' });
    expect(reason.status).toBe(400);
    expect((await http<{ revision: number }>(t.url, 'GET', '/api/v1/packs/tax/draft')).body.revision).toBe(
      before.body.revision,
    );
  });

  it('the pack linter on a folder of them: an error finding naming each file, no exception, nothing polluted', () => {
    const findings = lintRulePacks(dir);
    for (const name of Object.keys(HOSTILE)) {
      expect({
        name,
        errors: findings.some((f) => f.severity === 'error' && f.file.includes(`${name}/pack.json`)),
      }).toEqual({ name, errors: true });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('`packs:validate` (the npm script, compiled as `npm run build` does) exits 1 with the findings, no crash', () => {
    // Compiled into a private folder inside the project (the script finds rule-packs/ above itself),
    // so that the shared dist/ other work may be running from is not rewritten under it.
    const out = join(ROOT, 'node_modules', '.cache', `packs-cli-${process.pid}`);
    try {
      const tsc = spawnSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out, '--noCheck'],
        { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      expect(tsc.status).toBe(0);
      const cli = spawnSync(process.execPath, [join(out, 'scripts', 'packs-validate.js'), dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(cli.stderr).not.toMatch(/RangeError|TypeError|call stack|at .*\.js:\d+/);
      expect({ status: cli.status, signal: cli.signal }).toEqual({ status: 1, signal: null });
      for (const name of Object.keys(HOSTILE)) expect(cli.stdout).toContain(`${name}/pack.json`);
      expect(cli.stdout).toMatch(/\d+ error\(s\)/);
      // packs:test on the same folder: the files do not load (exit 1, the findings), and a missing folder is exit 2.
      const tests = spawnSync(process.execPath, [join(out, 'scripts', 'packs-test.js'), dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(tests.stderr).not.toMatch(/RangeError|TypeError|call stack|at .*\.js:\d+/);
      expect({ status: tests.status, signal: tests.signal }).toEqual({ status: 1, signal: null });
      const missing = spawnSync(
        process.execPath,
        [join(out, 'scripts', 'packs-test.js'), join(dir, 'no-such-folder')],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('no-such-folder');
      expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
