import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpAs, startTestApp, TestApp } from '../helpers/app';
import type { ProblemDetails } from '../../src/common/problem';

/**
 * The console's files at /console (src/console-static.ts): no API key needed for them, client routes
 * answered with index.html (never cached), hashed assets cached, a missing asset a 404, the API behind
 * them still keyed. A folder of stand-in files (CONSOLE_DIR) keeps this test independent of a Vite build.
 */
describe('console static files at /console', () => {
  let t: TestApp;
  let dir: string;
  const before = process.env.CONSOLE_DIR;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>信用监管工作台</title><script type="module" src="/console/assets/index-abc123.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("console")');
    process.env.CONSOLE_DIR = dir;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    if (before === undefined) delete process.env.CONSOLE_DIR;
    else process.env.CONSOLE_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/console', '/console/', '/console/check', '/console/subjects/7d0c3f9e-2b1a-4c5d-9e8f-0a1b2c3d4e5f/report'])(
    'GET %s answers index.html without a key',
    async (path) => {
      const res = await fetch(t.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('信用监管工作台');
    },
  );

  it('serves hashed assets with a long cache, and a missing one is a 404 (not the page)', async () => {
    const js = await fetch(`${t.url}/console/assets/index-abc123.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(await js.text()).toBe('console.log("console")');
    const missing = await fetch(`${t.url}/console/assets/nope-000.js`);
    expect(missing.status).toBe(404);
    const traversal = await fetch(`${t.url}/console/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('leaves the API keyed: the console page is open, its API calls are not', async () => {
    const res = await httpAs<ProblemDetails>(null, t.url, 'GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('says how to build the console when it is not built (503)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));
    process.env.CONSOLE_DIR = empty;
    const other = await startTestApp();
    try {
      const res = await fetch(`${other.url}/console/check`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await other.close();
      process.env.CONSOLE_DIR = dir;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
