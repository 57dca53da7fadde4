import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApi } from '../../src/openapi';
import { startTestApp, type TestApp } from '../helpers/app';

/** Paths (JSON pointers) where two documents differ, the first few. */
function differences(a: unknown, b: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(at || '/');
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys)
    differences(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      out,
    );
  return out;
}

/**
 * The committed openapi.json is the contract integrators generate clients from (and the console's typed
 * client, console/src/api/schema.d.ts, is generated from it): it must be what the code serves. A route or
 * DTO changed without `npm run openapi` fails here, naming where the two differ.
 */
describe('openapi.json is the document the service serves (no drift)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('equals buildOpenApi() of the running application, and /docs-json serves the same', async () => {
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
    const built: unknown = JSON.parse(JSON.stringify(buildOpenApi(t.app)));
    const diff = differences(committed, built);
    if (diff.length)
      throw new Error(`openapi.json is out of date (run npm run openapi): differs at ${diff.join(', ')}`);
    const served: unknown = await (await fetch(`${t.url}/docs-json`)).json();
    expect(differences(committed, served)).toEqual([]);
  });

  it('every operation has a readable id and every error answer is problem details', () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: object }> }>>;
    };
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        expect({ method, path, operationId: op.operationId }).toEqual({
          method,
          path,
          operationId: expect.stringMatching(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/) as unknown,
        });
        if (path.startsWith('/health')) continue;
        for (const [status, r] of Object.entries(op.responses))
          if (Number(status) >= 400)
            expect({ method, path, status, types: Object.keys(r.content ?? {}) }).toEqual({
              method,
              path,
              status,
              types: ['application/problem+json'],
            });
      }
  });
});
