import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Unit specs never read the calendar: a spec that calls `new Date()` or `Date.now()` passes today and fails
 * on another day. They pass dates in (the service's Clock, pinned, or a fixed instant). The database tests
 * (test/) are proven date-independent by CI's shifted-clock passes on the embedded database; the unit specs
 * run there at the real date only, so this scan keeps them honest.
 */
const SRC = resolve(__dirname, '..');
const CALENDAR = /\bnew Date\(\s*\)|\bDate\.now\(\s*\)/;

function specs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return specs(p);
    return e.isFile() && e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('unit specs do not read the calendar', () => {
  const files = specs(SRC).filter((f) => f !== __filename);

  it('scans the unit specs', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('no unit spec calls new Date() or Date.now()', () => {
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          CALENDAR.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });
});
