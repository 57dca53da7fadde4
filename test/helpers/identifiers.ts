import { randomInt } from 'node:crypto';
import { residentIdCheckChar } from '../../src/common/identifiers/resident-id';
import { USCC_ALPHABET, usccCheckChar } from '../../src/common/identifiers/uscc';

/** A fresh, valid unified social credit code (GB 32100), by default of an enterprise in 綦江区 (500110). */
export function uscc(prefix = '91500110'): string {
  let body = prefix;
  while (body.length < 17) body += USCC_ALPHABET[randomInt(USCC_ALPHABET.length)];
  return body + usccCheckChar(body);
}

/** A fresh, valid 18-digit resident ID number (GB 11643), born 1950-1999, by default registered in 綦江 (500222). */
export function idNumber(region = '500222'): string {
  const body = `${region}19${randomInt(50, 99)}0${randomInt(1, 9)}${randomInt(10, 28)}${String(randomInt(1000)).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** The same code or ID number with its check character changed to another one of `alphabet`. */
export function wrongCheck(code: string, alphabet: string): string {
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]) + 1) % alphabet.length];
}
