// `npm start` from a clone compiles first (TypeScript and the console: the dev dependencies are there);
// from a production install (`npm ci --omit=dev` beside a built dist/, as in the Dockerfile) it starts the
// compiled build as it is. Neither: say what to do instead of failing inside tsc.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let canBuild = true;
try {
  require.resolve('typescript');
} catch {
  canBuild = false;
}
if (canBuild) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
if (!existsSync('dist/src/main.js')) {
  console.error(
    'npm start: no dist/ build and no TypeScript to make one. Install everything (npm ci) to build from source, ' +
      'or copy a built dist/ beside a production install (npm ci --omit=dev): see docs/operations.md.',
  );
  process.exit(1);
}
