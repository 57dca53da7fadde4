import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeysIn, residentIdsIn, scanLogDir, SPEC_MARKER } from './log-scan';

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

  it('does not take a run of digits inside a hex digest for a number (an audit hash), but still a number glued to a short hex word', () => {
    const number = '110105194912310038'; // valid, with a digit for its check character
    const digest = `a${number}${'0f'.repeat(22)}1`; // 64 hex characters whose digits read as a valid number
    expect(residentIdsIn(number)).toEqual([number]);
    expect(residentIdsIn(`{"hash":"${digest}"}`)).toEqual([]);
    expect(residentIdsIn(`{"hash":"${digest.toUpperCase()}"}`)).toEqual([]);
    expect(residentIdsIn(`{"id":"cafe${number}"}`)).toEqual([number]); // 22 characters: not a digest
    expect(residentIdsIn(`{"n":"${number}${'1'.repeat(20)}"}`)).toEqual([number]); // digits only: no digest
  });

  it('finds full-width and other digit forms, also spelled as JSON \\u or URL %XX escapes', () => {
    expect(residentIdsIn('{"msg":"１１０１０５１９４９１２３１００２Ｘ"}')).toEqual([VALID]);
    expect(residentIdsIn('id １１０１０５19491231００２ｘ')).toEqual([VALID]);
    expect(residentIdsIn('١١٠١٠٥١٩٤٩١٢٣١٠٠٢X')).toEqual([VALID]); // Arabic-Indic digits
    expect(
      residentIdsIn(
        `{"msg":"${[...'１１０１０５１９４９１２３１００２Ｘ'].map((c) => `\\u${c.charCodeAt(0).toString(16)}`).join('')}"}`,
      ),
    ).toEqual([VALID]);
    expect(residentIdsIn(`{"url":"/x/${encodeURIComponent('１１０１０５１９４９１２３１００２Ｘ')}"}`)).toEqual([
      VALID,
    ]); // URL escapes
    expect(residentIdsIn('{"url":"/x?q=%31%31%30%31%30%35%34%39%31%32%33%31%30%30%32"}')).toEqual(['110105491231002']);
    expect(residentIdsIn('１１０１０５１９４９１２３１００２１')).toEqual([]); // check character wrong
  });

  it('finds first-generation 15-digit numbers standing alone, in any digit form; not next to a letter (hex hashes)', () => {
    expect(residentIdsIn('{"url":"/x/110105491231002"}')).toEqual(['110105491231002']);
    expect(residentIdsIn('身份证１１０１０５４９１２３１００２号')).toEqual(['110105491231002']);
    expect(residentIdsIn('hash 9f110105491231002ab')).toEqual([]);
    expect(residentIdsIn('1101054912310021 110105491331002 010105491231002 1795913727991')).toEqual([]); // 16 digits, month 13, region 0…
  });

  it('names file, line and spec, the number masked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-scan-'));
    try {
      writeFileSync(
        join(dir, 'worker-1.log'),
        [
          `{"${SPEC_MARKER}":"test/e2e/x.e2e.spec.ts"}`,
          '{"level":30,"msg":"ok"}',
          `{"level":30,"req":{"id":"${VALID}"}}`,
          '',
        ].join('\n'),
      );
      writeFileSync(join(dir, 'ignored.txt'), VALID);
      const { files, lines, leaks } = scanLogDir(dir);
      expect({ files, lines }).toEqual({ files: 1, lines: 2 });
      expect(leaks).toEqual([
        { file: join(dir, 'worker-1.log'), line: 3, spec: 'test/e2e/x.e2e.spec.ts', masked: '110105********002X' },
      ]);
      expect(JSON.stringify(leaks)).not.toContain(VALID);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a full-width or first-generation number masked in ASCII', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-scan-'));
    try {
      writeFileSync(
        join(dir, 'worker-1.log'),
        ['{"msg":"１１０１０５１９４９１２３１００２Ｘ"}', '{"msg":"110105491231002"}', ''].join('\n'),
      );
      expect(scanLogDir(dir).leaks.map((l) => [l.line, l.masked])).toEqual([
        [1, '110105********002X'],
        [2, '110105******002'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds API keys in full, reported by prefix only; not a prefix alone or a truncated key', () => {
    const key = `cse_1a2b3c4d_${'Ab9_-'.repeat(8)}xyz`;
    expect(apiKeysIn(`{"msg":"Bearer ${key}"}`)).toEqual(['cse_1a2b3c4d_…']);
    expect(apiKeysIn('{"prefix":"1a2b3c4d","name":"cse_1a2b3c4d"}')).toEqual([]);
    expect(apiKeysIn(`{"k":"${key.slice(0, -4)}"}`)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'log-scan-keys-'));
    try {
      writeFileSync(
        join(dir, 'worker-1.log'),
        `${JSON.stringify({ [SPEC_MARKER]: 'test/e2e/x.e2e.spec.ts' })}\n{"level":30,"msg":"${key}"}\n`,
      );
      const r = scanLogDir(dir);
      expect(r.keyLeaks).toEqual([
        { file: join(dir, 'worker-1.log'), line: 2, spec: 'test/e2e/x.e2e.spec.ts', masked: 'cse_1a2b3c4d_…' },
      ]);
      expect(JSON.stringify(r)).not.toContain(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
