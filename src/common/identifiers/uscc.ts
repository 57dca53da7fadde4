/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, check character last.
 * See ../shared/domain.md §1 for the alphabet, the weights and the worked examples.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Registration authority (登记管理部门) → allowed category codes (机构类别). */
const CATEGORIES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export type UsccProblem = 'shape' | 'authority' | 'check';

/** The check character the first 17 characters call for. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** null when valid; otherwise what is wrong. Lower case is not accepted (codes are printed upper case). */
export function usccProblem(code: string): UsccProblem | null {
  if (typeof code !== 'string' || !SHAPE.test(code)) return 'shape';
  if (!(CATEGORIES[code[0]] ?? '').includes(code[1])) return 'authority';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

export function usccReason(problem: UsccProblem): string {
  switch (problem) {
    case 'shape':
      return 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z (GB 32100)';
    case 'authority':
      return 'registration authority and category code (positions 1-2) are not a valid pair (GB 32100)';
    case 'check':
      return 'check character (position 18) does not match (GB 32100)';
  }
}

/** The registration authority + category pair as a subject kind hint. */
export function usccSubjectKind(
  code: string,
): 'legal_person' | 'individual_business' | 'public_body' | 'unincorporated_org' {
  if (code[0] === '9' && code[1] === '2') return 'individual_business';
  if (code[0] === '1' && (code[1] === '1' || code[1] === '2')) return 'public_body';
  if (code[0] === '9' && code[1] === '1') return 'legal_person';
  return 'unincorporated_org';
}

/** Administrative division (行政区划, GB/T 2260) of the registering authority: positions 3-8. */
export function usccRegion(code: string): string {
  return code.slice(2, 8);
}
