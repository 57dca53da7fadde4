// The console's first-page budget (console conventions: ≤ 400 KB gzipped JavaScript): the scripts the
// built index.html loads (its module script and modulepreload links) and every chunk they import
// statically, gzipped (level 9) as a server or proxy would send them. Prints each and the total;
// exits 1 over budget. Run after `npm run build:console` (npm run console:budget).
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 400 * 1024;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'console');
if (!existsSync(join(root, 'index.html'))) {
  console.error('dist/console/index.html missing: run npm run build:console first');
  process.exit(2);
}
const html = readFileSync(join(root, 'index.html'), 'utf8');
const toFile = (url) => join(root, url.replace(/^\/console\//, ''));
const queue = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => toFile(m[1]));
const seen = new Set();
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only (`import{...}from"./x.js"`, `import"./x.js"`); import("./x.js") is a lazy chunk.
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g))
    queue.push(join(dirname(file), m[1]));
}
let total = 0;
const rows = [...seen].map((f) => {
  const raw = readFileSync(f);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  return { file: f.slice(root.length + 1), raw: raw.length, gz };
});
for (const r of rows.sort((a, b) => b.gz - a.gz))
  console.log(`${(r.gz / 1024).toFixed(1).padStart(8)} KB gz  ${(r.raw / 1024).toFixed(1).padStart(8)} KB  ${r.file}`);
console.log(
  `first page initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB) ${total <= BUDGET ? 'OK' : 'OVER BUDGET'}`,
);
process.exit(total <= BUDGET ? 0 : 1);
