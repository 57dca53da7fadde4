// Is the console's typed API client (console/src/api/schema.d.ts) generated from the openapi.json in the
// repository? Generates it again into a temporary file with the same openapi-typescript and compares.
// Exit 1 with the fix when it is stale (npm run console:api). Run by `npm run console:api:check` and by
// test/console/console-api.spec.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'console-api-'));
try {
  const out = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, join(root, 'openapi.json'), '-o', out], { stdio: 'pipe' });
  const fresh = readFileSync(out, 'utf8');
  const committed = readFileSync(join(root, 'console', 'src', 'api', 'schema.d.ts'), 'utf8');
  if (fresh !== committed) {
    console.error(
      'console/src/api/schema.d.ts is not generated from openapi.json: run npm run console:api and commit it',
    );
    process.exit(1);
  }
  console.log('console API client up to date with openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
