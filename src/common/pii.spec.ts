import fc from 'fast-check';
import { residentIdsIn } from '../../test/setup/log-scan';
import { isFirstGenerationId, residentIdCheckChar } from './identifiers/resident-id';
import { foldDigits, maskIdNumber, scrubAllIdNumbers, scrubDeep, scrubDeepAll, scrubIdNumbers } from './pii';

/** Zero of some decimal digit sets: ASCII, full-width, Arabic-Indic, Devanagari, mathematical bold (NFKC). */
const ZEROS = [0x30, 0xff10, 0x660, 0x966, 0x1d7ce];
const X_FORMS = ['X', 'x', 'Ｘ', 'ｘ'];

/**
 * An ID number with each character in a form picked by `forms` (indices into ZEROS, and X_FORMS for an X),
 * one in seven also spelled as URL %XX escapes.
 */
function render(id: string, forms: readonly number[]): string {
  return [...id]
    .map((ch, i) => {
      const c =
        ch === 'X'
          ? X_FORMS[forms[i] % X_FORMS.length]
          : String.fromCodePoint(ZEROS[forms[i] % ZEROS.length] + Number(ch));
      return forms[i] % 7 === 6
        ? encodeURIComponent(c).replace(/^[0-9A-Za-z]$/, (d) => `%${d.charCodeAt(0).toString(16).toUpperCase()}`)
        : c;
    })
    .join('');
}

const day = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const region = fc.integer({ min: 110000, max: 659999 }).map(String);
const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
/** Valid second-generation numbers (real birth date, matching check character), some ending in X. */
const id18 = fc
  .tuple(region, day('1900-01-01', '2024-12-31'), seq)
  .map(([r, d, s]) => `${r}${d}${s}${residentIdCheckChar(`${r}${d}${s}`)}`);
/** Valid first-generation numbers (15 digits, YYMMDD a real date in 19YY). */
const id15 = fc.tuple(region, day('1900-01-01', '1999-12-31'), seq).map(([r, d, s]) => `${r}${d.slice(2)}${s}`);
const forms = fc.array(fc.nat(), { minLength: 18, maxLength: 18 });
/** Text with no digit and no Latin letter in any form: what may stand next to a number. */
const filler = fc
  .array(fc.constantFrom(' ', '，', '：', '身', '份', '证', '号', '-', '_', '/', '（', '）', '"', '😀', '\n'), {
    maxLength: 6,
  })
  .map((a) => a.join(''));

describe('ID number masking: digit forms', () => {
  it('masks a full-width number, or one mixing half and full width, keeping region and last four in ASCII', () => {
    expect(scrubIdNumbers('１１０１０５１９４９１２３１００２Ｘ')).toBe('110105********002X');
    expect(scrubIdNumbers('身份证号：１１０１０５19491231００２ｘ。')).toBe('身份证号：110105********002x。');
    expect(scrubIdNumbers('𝟏𝟏𝟎𝟏𝟎𝟓𝟏𝟗𝟒𝟗𝟏𝟐𝟑𝟏𝟎𝟎𝟐X 😀 11010519491231002X')).toBe('110105********002X 😀 110105********002X');
    expect(maskIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('110105********002X');
  });

  it('masks one spelled as URL %XX escapes (a logged path or query), leaving other escapes as they are', () => {
    const encoded = encodeURIComponent('１１０１０５１９４９１２３１００２Ｘ');
    expect(scrubIdNumbers(`/api/v1/x/${encoded}?name=%E5%BC%A0%E4%B8%89`)).toBe(
      '/api/v1/x/110105********002X?name=%E5%BC%A0%E4%B8%89',
    );
    expect(scrubAllIdNumbers('q=%31%31%30%31%30%35%34%39%31%32%33%31%30%30%32&p=100%')).toBe(
      'q=110105******002&p=100%',
    );
    expect(scrubIdNumbers('%ZZ %E5 %C0%AF 11010519491231002X')).toBe('%ZZ %E5 %C0%AF 110105********002X');
  });

  it('leaves a full-width number inside a longer run of digits, like an ASCII one', () => {
    expect(scrubIdNumbers('９１１０１０５１９４９１２３１００２Ｘ')).toBe('９１１０１０５１９４９１２３１００２Ｘ');
  });

  it('folds every digit form to ASCII, one character per code point', () => {
    expect(foldDigits('０９٠٩०९𝟎𝟗ＸｘA中')).toBe('09090909XxA_');
  });
});

describe('ID number masking: first-generation 15-digit numbers', () => {
  it('recognises 15 digits with a region starting 1-9 and a real date 19YYMMDD', () => {
    expect(isFirstGenerationId('110105491231002')).toBe(true);
    expect(isFirstGenerationId('110105000229002')).toBe(false); // 1900 is not a leap year
    expect(isFirstGenerationId('110105960229002')).toBe(true);
    expect(isFirstGenerationId('010105491231002')).toBe(false); // region starts with 0
    expect(isFirstGenerationId('110105491331002')).toBe(false); // month 13
  });

  it('are masked by the wide scrub only (logs, problem details, audit entries), standing alone', () => {
    expect(scrubAllIdNumbers('姓名 张三 身份证 110105491231002。')).toBe('姓名 张三 身份证 110105******002。');
    expect(scrubAllIdNumbers('/api/v1/x/１１０１０５４９１２３１００２')).toBe('/api/v1/x/110105******002');
    expect(scrubIdNumbers('注册号 110105491231002')).toBe('注册号 110105491231002'); // stored data: left alone
    expect(scrubAllIdNumbers('1101054912310021')).toBe('1101054912310021'); // 16 digits
    expect(scrubAllIdNumbers('sha ab110105491231002cd')).toBe('sha ab110105491231002cd'); // glued to letters (hex)
    expect(scrubAllIdNumbers('110105491299002')).toBe('110105491299002'); // day 99: not a date
    expect(maskIdNumber('110105491231002')).toBe('110105******002');
  });

  it('scrubDeepAll masks every string of a value; scrubDeep leaves 15-digit numbers', () => {
    const value = { a: ['110105491231002', { b: '１１０１０５１９４９１２３１００２Ｘ' }], n: 1 };
    expect(scrubDeepAll(value)).toEqual({ a: ['110105******002', { b: '110105********002X' }], n: 1 });
    expect(scrubDeep(value)).toEqual({ a: ['110105491231002', { b: '110105********002X' }], n: 1 });
  });
});

describe('ID number masking: properties', () => {
  it('a second-generation number in any digit form, between any filler, is masked to its ASCII mask and nothing else changes', () => {
    fc.assert(
      fc.property(id18, forms, filler, filler, (id, f, before, after) => {
        const text = `${before}${render(id, f)}${after}`;
        // An X keeps its case (x, ｘ stay lower case), as in ASCII text.
        const check = id[17] === 'X' ? 'Xx'[(f[17] % X_FORMS.length) % 2] : id[17];
        const expected = `${before}${id.slice(0, 6)}********${id.slice(14, 17)}${check}${after}`;
        expect(scrubIdNumbers(text)).toBe(expected);
        expect(scrubAllIdNumbers(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a first-generation number in any digit form is masked by the wide scrub and kept by the narrow one', () => {
    fc.assert(
      fc.property(id15, forms, filler, filler, (id, f, before, after) => {
        const text = `${before}${render(id, f)}${after}`;
        expect(scrubAllIdNumbers(text)).toBe(`${before}${id.slice(0, 6)}******${id.slice(12)}${after}`);
        expect(scrubIdNumbers(text)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('a text of many numbers in any form never holds a valid one once scrubbed, and scrubbing again changes nothing', () => {
    const piece = fc.oneof(
      fc.tuple(id18, forms).map(([id, f]) => render(id, f)),
      fc.tuple(id15, forms).map(([id, f]) => render(id, f)),
      fc.string({ maxLength: 8 }).map((s) => s.replace(/[0-9A-Za-z]/g, '')),
      fc.constantFrom('abc', 'ID:', '91350200776049653A', '2026-11-29', '注册号'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            piece,
            filler.filter((s) => s.length > 0),
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const text = parts.map(([p, sep]) => p + sep).join('');
          const out = scrubAllIdNumbers(text);
          expect(residentIdsIn(out)).toEqual([]);
          expect(scrubAllIdNumbers(out)).toBe(out);
          expect(residentIdsIn(scrubIdNumbers(text)).filter((id) => id.length === 18)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves a text without digits as it is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\p{N}]/u.test(s.normalize('NFKC'))),
        (s) => {
          expect(scrubAllIdNumbers(s)).toBe(s);
        },
      ),
    );
  });

  it('every character that folds to an ID character, of all of Unicode, is masked in Chinese text (the unfolded fast path misses none)', () => {
    const base = '11010519491231002X';
    const missed: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const folded = foldDigits(ch);
      if (!/^[0-9Xx]$/.test(folded)) continue;
      const id = /\d/.test(folded) ? `${base.slice(0, 15)}${ch}${base.slice(16)}` : `${base.slice(0, 17)}${ch}`;
      if (scrubIdNumbers(`当事人身份证号${id}，罚款。`).includes(id)) missed.push(`U+${cp.toString(16)}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('ID number masking: the shortcut for texts that cannot hold one', () => {
  it('still masks a number that is the whole text (15 and 18 characters), plain or full-width', () => {
    expect(scrubAllIdNumbers('110105491231002')).toBe('110105******002');
    expect(scrubIdNumbers('11010519491231002X')).toBe('110105********002X');
    expect(scrubIdNumbers('１１０１０５１９４９１２３１００２Ｘ')).not.toContain('１９４９１２３１');
  });

  it('leaves texts under 15 characters and ASCII without a run of 15 digits as they are', () => {
    expect(scrubAllIdNumbers('11010549123100')).toBe('11010549123100');
    expect(scrubAllIdNumbers('ref 1101054912-31002X')).toBe('ref 1101054912-31002X');
  });
});
