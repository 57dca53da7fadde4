import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `cse_<prefix>_<secret>`: 8 hex characters of public prefix (the lookup handle, safe
 * to show in lists) and 32 random bytes of secret (base64url, 43 characters). Only the SHA-256 of the
 * whole key is stored: with 256 random bits a plain hash cannot be brute-forced, so no pepper is
 * needed (and the CLI needs no server secret to issue keys).
 */
const KEY = /^cse_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function issueKey(): IssuedKey {
  const prefix = randomBytes(4).toString('hex');
  const key = `cse_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashKey(key) };
}

/** The prefix of a well-formed key, or null. */
export function prefixOf(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

/** Constant-time comparison of a presented key with a stored hash. */
export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Presented =
  { readonly key: string } | { readonly missing: true } | { readonly bad: 'scheme' | 'conflicting' };

/**
 * The key a request presents: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. `bad` for another
 * Authorization scheme without an X-Api-Key, or for two headers carrying different keys.
 */
export function presentedKey(headers: Record<string, string | string[] | undefined>): Presented {
  const auth = single(headers.authorization)?.trim();
  const header = single(headers['x-api-key'])?.trim() || undefined;
  let bearer: string | undefined;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) return header ? { key: header } : { bad: 'scheme' };
    bearer = m[1];
  }
  if (bearer && header && bearer !== header) return { bad: 'conflicting' };
  const key = bearer ?? header;
  return key ? { key } : { missing: true };
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
