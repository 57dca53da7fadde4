import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The documentation stays true: every relative link in README.md, SECURITY.md and docs/*.md leads to a file
 * (or folder) of the repository, and every `#anchor` to a heading of its target; every environment variable
 * the code reads is named in docs/configuration.md. No database, no network.
 */
const ROOT = resolve(__dirname, '..');
const DOCS = join(ROOT, 'docs');
const PAGES = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

/** The text outside fenced code blocks (a link inside a shell example is not a link). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  readonly page: string;
  readonly target: string;
}

function linksOf(page: string): Link[] {
  const text = prose(readFileSync(join(ROOT, page), 'utf8')).replace(/`[^`\n]*`/g, (code) =>
    code.includes('](') ? '' : code,
  );
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ page, target: m[1] }));
}

function problemOf({ page, target }: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // http:, https:, mailto:
  const [path, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), decodeURI(path));
  if (!file.startsWith(ROOT)) return `${page}: ${target} leaves the repository`;
  if (!existsSync(file)) return `${page}: ${target} → ${relative(ROOT, file)} does not exist`;
  if (
    anchor !== undefined &&
    statSync(file).isFile() &&
    file.endsWith('.md') &&
    !anchorsOf(file).has(decodeURIComponent(anchor))
  ) {
    return `${page}: ${target} → no heading #${anchor} in ${relative(ROOT, file)}`;
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Variables the service reads: `process.env.X`, `env.X`, `env[...]` through `int(env, 'X', …)`. */
function variablesReadBy(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) out.add(m[1]);
    for (const m of code.matchAll(/\bint\(env, '([A-Z][A-Z0-9_]+)'/g)) out.add(m[1]);
  }
  return out;
}

describe('documentation links', () => {
  it('finds the pages and their links', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', join('docs', 'configuration.md')]));
    expect(PAGES.flatMap(linksOf).length).toBeGreaterThan(50);
  });

  it.each(PAGES)('every relative link of %s resolves', (page) => {
    expect(
      linksOf(page)
        .map(problemOf)
        .filter((p) => p !== undefined),
    ).toEqual([]);
  });

  it('every page under docs/ is reachable from the README', () => {
    const reached = new Set<string>();
    const queue = ['README.md'];
    while (queue.length > 0) {
      const page = queue.shift()!;
      if (reached.has(page)) continue;
      reached.add(page);
      for (const { target } of linksOf(page)) {
        const path = target.split('#')[0];
        if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || !path.endsWith('.md')) continue;
        const next = relative(ROOT, resolve(dirname(join(ROOT, page)), decodeURI(path)));
        if (existsSync(join(ROOT, next))) queue.push(next);
      }
    }
    expect(PAGES.filter((p) => !reached.has(p))).toEqual([]);
  });

  it('a broken link, a missing anchor and a link out of the repository are each reported', () => {
    expect(problemOf({ page: 'README.md', target: 'docs/no-such-page.md' })).toMatch(/does not exist/);
    expect(problemOf({ page: join('docs', 'api.md'), target: 'openapi.json' })).toMatch(/does not exist/);
    expect(problemOf({ page: join('docs', 'api.md'), target: '../openapi.json' })).toBeUndefined();
    expect(problemOf({ page: 'README.md', target: 'docs/configuration.md#no-such-heading' })).toMatch(/no heading/);
    expect(problemOf({ page: 'README.md', target: '../outside.md' })).toMatch(/leaves the repository/);
    expect(slug('Data quality of "双公示" (双公示数据质量)')).toBe('data-quality-of-双公示-双公示数据质量');
    expect(slug('Inspection draw (`npm run bench:plan`)')).toBe('inspection-draw-npm-run-benchplan');
  });
});

describe('docs/configuration.md', () => {
  const page = readFileSync(join(DOCS, 'configuration.md'), 'utf8');
  const read = variablesReadBy(sourceFiles(join(ROOT, 'src')));

  it('names every environment variable the service reads', () => {
    expect([...read]).toEqual(
      expect.arrayContaining(['PORT', 'DB_STATEMENT_TIMEOUT_MS', 'QUALITY_HOLIDAYS', 'PACKS_POLL_MS']),
    );
    expect([...read].filter((v) => !page.includes(`\`${v}\``))).toEqual([]);
  });
});
