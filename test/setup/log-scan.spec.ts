import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentIdsIn, scanLogDir, SPEC_MARKER } from './log-scan';

/** The end-of-suite log check finds valid resident ID numbers wherever they stand, and reports them masked. */
describe('log scan for resident ID numbers', () => {
  const VALID = '11010519491231002X';

  it('finds valid numbers alone, in URLs, glued to letters or inside longer digit runs; not invalid ones', () => {
    expect(residentIdsIn(`{"url":"/api/v1/subjects?code=${VALID}"}`)).toEqual([VALID]);
    expect(residentIdsIn(`abc${VALID}def`)).toEqual([VALID]);
    expect(residentIdsIn(`9${VALID.toLowerCase()}`)).toEqual([VALID]);
    expect(residentIdsIn('110105194912310021')).toEqual([]); // check character wrong
    expect(residentIdsIn('110105194913310028')).toEqual([]); // month 13
    expect(residentIdsIn('110105********002X 1795913727991 6f1c2a9e-8d6b-4c55')).toEqual([]);
  });

  it('names file, line and spec, the number masked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-scan-'));
    try {
      writeFileSync(join(dir, 'worker-1.log'), [`{"${SPEC_MARKER}":"test/e2e/x.e2e.spec.ts"}`, '{"level":30,"msg":"ok"}', `{"level":30,"req":{"id":"${VALID}"}}`, ''].join('\n'));
      writeFileSync(join(dir, 'ignored.txt'), VALID);
      const { files, lines, leaks } = scanLogDir(dir);
      expect({ files, lines }).toEqual({ files: 1, lines: 2 });
      expect(leaks).toEqual([{ file: join(dir, 'worker-1.log'), line: 3, spec: 'test/e2e/x.e2e.spec.ts', masked: '110105********002X' }]);
      expect(JSON.stringify(leaks)).not.toContain(VALID);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
