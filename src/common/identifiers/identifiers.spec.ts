import fc from 'fast-check';
import { isValidResidentId, residentIdCheckChar, residentIdProblem } from './resident-id';
import { isValidUscc, USCC_ALPHABET, usccCheckChar, usccProblem } from './uscc';
import { maskIdNumber, scrubIdNumbers } from '../pii';

describe('unified social credit code (GB 32100)', () => {
  it.each([
    '91350200776049653A',
    '91440101MA5CJQ4N59',
    '913502000728319549',
    '91350213678251743X',
    '914403001922038216',
    '9144030071526726XG',
    '91330100799655058B',
    '123502001549897397',
    '91350100M000100Y43',
  ])('accepts the worked example %s', (code) => expect(usccProblem(code)).toBeNull());

  it('refuses a wrong check character, a bad shape and a bad authority pair', () => {
    expect(usccProblem('91350100M000100Y4A')).toBe('check');
    expect(usccProblem('91350100M000100Y4')).toBe('shape');
    expect(usccProblem('9135010OM000100Y43')).toBe('shape'); // O is not in the alphabet
    expect(usccProblem('97350100M000100Y43')).toBe('authority');
  });

  it('handles a weighted sum that is a multiple of 31 (check character 0)', () => {
    // The naive alphabet[31 - mod] reads past the alphabet when mod is 0: find such a body and check it.
    let body = '';
    for (let i = 0; i < 1000 && !body; i++) {
      const candidate = `91350100${String(i).padStart(9, '0')}`;
      if (usccCheckChar(candidate) === '0') body = candidate;
    }
    expect(body).not.toBe('');
    expect(isValidUscc(`${body}0`)).toBe(true);
    expect(isValidUscc(`${body}1`)).toBe(false);
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{9}$/),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (tail, pos, shift) => {
          const body = `91350100${tail}`;
          const code = body + usccCheckChar(body);
          const chars = code.split('');
          const alphabet = pos >= 2 && pos < 8 ? '0123456789' : USCC_ALPHABET;
          const idx = alphabet.indexOf(chars[pos]);
          chars[pos] = alphabet[(idx + shift) % alphabet.length];
          if (chars[pos] === code[pos]) return;
          expect(isValidUscc(chars.join(''))).toBe(false);
        },
      ),
    );
  });
});

describe('resident ID number (GB 11643)', () => {
  it('accepts the worked examples', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('440524188001010014')).toBeNull();
  });

  it('refuses wrong check characters, impossible birth dates and bad shapes', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check');
    expect(residentIdProblem('110105194902300026')).toBe('birth-date');
    expect(residentIdProblem('11010519491231002x')).toBe('shape');
    expect(residentIdProblem('11010519491231')).toBe('shape');
  });

  it('a generated number with its computed check always validates; any other check fails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (area, birth, seq) => {
          const body = `${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
          const check = residentIdCheckChar(body);
          expect(isValidResidentId(body + check)).toBe(true);
          for (const other of '0123456789X') if (other !== check) expect(isValidResidentId(body + other)).toBe(false);
        },
      ),
    );
  });
});

describe('ID number masking', () => {
  it('keeps the region and the last four characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('scrubs ID numbers out of free text', () => {
    const text = 'subject 11010519491231002X failed; code 91350200776049653A kept';
    const out = scrubIdNumbers(text);
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('91350200776049653A');
  });
  it('scrubs one glued to letters (身份证号ID11010519491231002Xabc), not a longer digit run', () => {
    expect(scrubIdNumbers('ID11010519491231002Xabc')).toBe('ID110105********002Xabc');
    expect(scrubIdNumbers('身份证11010519491231002X号')).toBe('身份证110105********002X号');
    expect(scrubIdNumbers('911010519491231002X')).toBe('911010519491231002X');
  });
});
