import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { normaliseIdentifier } from '../../common/identifiers/normalise';
import { residentIdProblem } from '../../common/identifiers/resident-id';
import { usccProblem } from '../../common/identifiers/uscc';
import { createValidationPipe } from '../../common/validation';
import { CheckRequestDto, PARTY_ROLES } from './dto/check-request.dto';

/**
 * The body of `POST /api/v1/checks`, the hot route: a body that is plainly valid is taken as it is — the fields the
 * DTO's transforms would change (identifiers normalised, texts trimmed) changed the same way — without
 * class-transformer and class-validator (≈ 6.5 % of a check's CPU, profiled). Anything else, however slightly
 * unusual (a null where a field may be absent, an amount with decimals, a text longer in UTF-16 units than the
 * limit's characters), goes through the global pipe exactly as before, which accepts it or answers its errors.
 * The fast path only ever accepts what the pipe accepts, and gives the same request (check-body.pipe.spec.ts).
 */
@Injectable()
export class CheckBodyPipe implements PipeTransform {
  private readonly pipe = createValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return plainCheckRequest(value) ?? this.pipe.transform(value, { ...metadata, metatype: CheckRequestDto });
  }
}

/**
 * The check request as the handler takes it: the DTO's fields, but not its class, so that the global pipe (which
 * validates parameters typed with a class) leaves the body to CheckBodyPipe.
 */
export type CheckRequest = Pick<CheckRequestDto, keyof CheckRequestDto>;

const TOP = new Set(['scenario', 'transaction', 'parties', 'operator']);
const TRANSACTION = new Set(['reference', 'kind', 'amount']);
const PARTY = new Set(['code', 'idNumber', 'role', 'name']);
const ROLES: ReadonlySet<string> = new Set(PARTY_ROLES);
const SCENARIO = /^[a-z][a-z0-9_]{1,63}$/;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
const onlyKeys = (o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean => {
  for (const k in o) if (!allowed.has(k) || o[k] === undefined) return false;
  return true;
};
/** A trimmed text of at most `max` UTF-16 units (at most `max` characters: stricter than MaxLength), or undefined. */
const text = (v: unknown, max: number, nonEmpty = false): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length <= max && (!nonEmpty || t.length > 0) ? t : undefined;
};

/** The request the pipe would make of a plainly valid body; null when the body is not plainly valid. */
export function plainCheckRequest(body: unknown): CheckRequestDto | null {
  if (!isPlain(body) || !onlyKeys(body, TOP)) return null;
  const { scenario, transaction: tx, parties, operator } = body;
  if (typeof scenario !== 'string' || !SCENARIO.test(scenario)) return null;
  if (!isPlain(tx) || !onlyKeys(tx, TRANSACTION)) return null;
  const reference = text(tx.reference, 128, true);
  if (reference === undefined) return null;
  const kind = 'kind' in tx ? text(tx.kind, 100) : undefined;
  if ('kind' in tx && kind === undefined) return null;
  // Whole amounts only here (no decimal places to count); any other amount goes to the pipe.
  if ('amount' in tx && !(Number.isSafeInteger(tx.amount) && (tx.amount as number) >= 0)) return null;
  const op = 'operator' in body ? text(operator, 100) : undefined;
  if ('operator' in body && op === undefined) return null;
  if (!Array.isArray(parties) || parties.length < 1 || parties.length > 200) return null;
  const out: CheckRequestDto['parties'] = [];
  for (const p of parties as unknown[]) {
    if (!isPlain(p) || !onlyKeys(p, PARTY)) return null;
    if (typeof p.role !== 'string' || !ROLES.has(p.role)) return null;
    const party: CheckRequestDto['parties'][number] = { role: p.role };
    if ('code' in p) {
      const code = normaliseIdentifier(p.code);
      if (typeof code !== 'string' || usccProblem(code) !== null) return null;
      party.code = code;
    }
    if ('idNumber' in p) {
      const id = normaliseIdentifier(p.idNumber);
      if (typeof id !== 'string' || residentIdProblem(id) !== null) return null;
      party.idNumber = id;
    }
    if ('name' in p) {
      const name = text(p.name, 200);
      if (name === undefined) return null;
      party.name = name;
    }
    out.push(party);
  }
  const transaction: CheckRequestDto['transaction'] = { reference };
  if (kind !== undefined) transaction.kind = kind;
  if ('amount' in tx) transaction.amount = tx.amount as number;
  const request: CheckRequestDto = { scenario, transaction, parties: out };
  if (op !== undefined) request.operator = op;
  return request;
}
