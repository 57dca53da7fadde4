import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Configuration is read in one validated place (issue 12, part 4): outside src/config no source file
 * (specs excepted) reads process.env; every setting goes through loadConfig / loadQualityConfig.
 */
const SRC = resolve(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('settings are read in src/config only', () => {
  const files = tsFiles(SRC);

  it('scans the source tree', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('no file outside src/config reads process.env', () => {
    const outside = files.filter((f) => !relative(SRC, f).startsWith(`config${sep}`));
    const reads = outside.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bprocess\.env\b/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)
            ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(reads).toEqual([]);
  });
});
