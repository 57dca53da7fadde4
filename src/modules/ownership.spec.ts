import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * The house rules of issue 12 (part 1), read from the source so they stay true:
 * - one owner per table: SQL runs only in a store (`*.store.ts`) or queries file (`*.queries.ts`) under
 *   src/modules and src/common — no `.query(` anywhere else (specs excepted);
 * - modules talk through services: no `forwardRef`, and no cycle between module folders (an import of
 *   `../<other>/…` from src/modules/<feature>/ is an edge; type-only imports count too).
 */
const ROOT = resolve(__dirname, '..', '..');
const SCANNED = ['src/modules', 'src/common'].map((d) => join(ROOT, d));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

const files = SCANNED.flatMap(tsFiles);
const rel = (p: string) => relative(ROOT, p).split(sep).join('/');
const isOwnerFile = (p: string) => /\.(store|queries)\.ts$/.test(p);

/** Lines of `file` where `pattern` matches, as `path:line: text`, ignoring // and * comment lines. */
function hits(file: string, pattern: RegExp): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [],
    );
}

/** The module folders each module folder imports from (`../<folder>/…`). */
function folderGraph(): Map<string, Set<string>> {
  const modules = join(ROOT, 'src/modules');
  const graph = new Map<string, Set<string>>();
  for (const file of tsFiles(modules)) {
    const [folder] = relative(modules, file).split(sep);
    if (!folder.endsWith('.ts')) {
      const edges = graph.get(folder) ?? new Set<string>();
      graph.set(folder, edges);
      for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        const target = resolve(join(file, '..'), m[1]);
        const r = relative(modules, target).split(sep);
        if (m[1].startsWith('.') && r.length > 1 && r[0] !== '..' && r[0] !== folder) edges.add(r[0]);
      }
    }
  }
  return graph;
}

/** Every cycle of the graph, as `a -> b -> a` (each reported once, from its smallest folder). */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) found.add([...path, start].join(' -> '));
      else if (next > start && !path.includes(next)) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...found];
}

describe('one owner per table, modules through services (issue 12)', () => {
  it('scans the files it should', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter(isOwnerFile).length).toBeGreaterThan(10);
  });

  it('runs SQL (.query() only in *.store.ts and *.queries.ts under src/modules and src/common', () => {
    expect(files.filter((f) => !isOwnerFile(f)).flatMap((f) => hits(f, /\.query\s*[(<]/))).toEqual([]);
  });

  it('has no forwardRef under src/modules and src/common', () => {
    expect(files.flatMap((f) => hits(f, /\bforwardRef\b/))).toEqual([]);
  });

  it('has no cycle between module folders', () => {
    const graph = folderGraph();
    expect(graph.get('audit')?.has('auth')).toBe(true); // the graph sees edges (audit's controller uses @RequireScopes)
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(g)).toEqual(['a -> b -> c -> a']);
  });
});
