/**
 * Resident ID number (公民身份号码), GB 11643: 6-digit address, 8-digit birth date, 3-digit sequence,
 * check character. Personal information: never logged, never returned in full (see ../pii.ts).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^[1-9]\d{16}[0-9X]$/;

export type ResidentIdProblem = 'shape' | 'birth-date' | 'check';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function residentIdProblem(id: string): ResidentIdProblem | null {
  if (typeof id !== 'string' || !SHAPE.test(id)) return 'shape';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1850 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birth-date';
  }
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? null : 'check';
}

export function isValidResidentId(id: string): boolean {
  return residentIdProblem(id) === null;
}

/**
 * A first-generation resident ID number (GB 11643-1989, 15 digits: region starting 1-9, birth date YYMMDD
 * with the century left out, always 19, then a 3-digit sequence; no check character). No longer accepted
 * as an identifier; recognised only so that it is masked and found where it should not be.
 */
export function isFirstGenerationId(s: string): boolean {
  if (!/^[1-9]\d{14}$/.test(s)) return false;
  const [y, m, d] = [1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function residentIdReason(problem: ResidentIdProblem): string {
  switch (problem) {
    case 'shape':
      return 'must be 17 digits followed by a digit or X (GB 11643)';
    case 'birth-date':
      return 'birth date (positions 7-14) is not a real date (GB 11643)';
    case 'check':
      return 'check character (position 18) does not match (GB 11643)';
  }
}
