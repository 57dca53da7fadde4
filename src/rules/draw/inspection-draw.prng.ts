import { createHash } from 'node:crypto';

/**
 * The random source of an inspection draw (双随机), written so that anyone can re-run it:
 * - seed32: the first 4 bytes of SHA-256(UTF-8 seed string), read as a big-endian unsigned 32-bit integer;
 * - mulberry32(seed32): each call adds 0x6D2B79F5 to the state and mixes it into a float in [0, 1).
 */
export function seed32(seed: string): number {
  return createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
}

/** mulberry32: small, fast, seedable; not cryptography. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from one call of `rnd`. */
export function below(rnd: () => number, n: number): number {
  return Math.floor(rnd() * n);
}

/**
 * Partial Fisher–Yates: moves k randomly chosen items to the front of `xs` (in place) and returns them.
 * Step i (0 ≤ i < k) swaps xs[i] with xs[i + below(rnd, n − i)].
 */
export function partialShuffle<T>(xs: T[], k: number, rnd: () => number): T[] {
  const n = xs.length;
  const m = Math.min(Math.max(k, 0), n);
  for (let i = 0; i < m; i++) {
    const j = i + below(rnd, n - i);
    const tmp = xs[i];
    xs[i] = xs[j];
    xs[j] = tmp;
  }
  return xs.slice(0, m);
}

/** Plain code-unit order (not locale order), so every machine sorts the same way. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
