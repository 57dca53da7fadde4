// No import cycle in src/ (issue 12), run by `npm run lint`: neither between files (type-only imports and
// re-exports included, which ESLint's no-cycle rules skip) nor between folders (a feature module under
// src/modules/<name>, a rules-core folder under src/rules/<name>, or another top folder of src/). Prints each
// cycle; exits 1 when there is one.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** Every .ts file under a folder. */
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
/** The file a relative specifier names (`./x` → x.ts or x/index.ts), or null outside the TypeScript sources. */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}
/** The folder a file belongs to: src/modules/<name>, src/rules/<name> (src/rules for its own index), src/<top>. */
function folderOf(file) {
  const parts = relative(src, file).split('/');
  if ((parts[0] === 'modules' || parts[0] === 'rules') && parts.length > 2) return `src/${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? `src/${parts[0]}` : 'src';
}
/** Strongly connected components of more than one node, or with a self-edge (Tarjan). */
function cycles(graph) {
  let index = 0;
  const found = [];
  const stack = [];
  const state = new Map();
  const visit = (node) => {
    const s = { index, low: index, onStack: true };
    index++;
    state.set(node, s);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const t = state.get(next);
      if (!t) {
        visit(next);
        s.low = Math.min(s.low, state.get(next).low);
      } else if (t.onStack) s.low = Math.min(s.low, t.index);
    }
    if (s.low !== s.index) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const fileGraph = new Map();
const folderGraph = new Map();
// Specs consume the code they test and are imported by nothing: they take part in no cycle.
for (const file of files(src).filter((f) => !f.endsWith('.spec.ts'))) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
  const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f) => f !== null);
  fileGraph.set(file, new Set(targets));
  const from = folderOf(file);
  const edges = folderGraph.get(from) ?? new Set();
  for (const to of targets.map(folderOf)) if (to !== from) edges.add(to);
  folderGraph.set(from, edges);
}
const problems = [
  ...cycles(fileGraph).map((c) => `file cycle: ${c.map((f) => relative(root, f)).join(' ↔ ')}`),
  ...cycles(folderGraph).map((c) => `folder cycle: ${c.join(' ↔ ')}`),
];
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
