/**
 * The credit state of the subjects checks have asked about, held per instance so that a check needs no
 * database read in the common case. Plain data structure (no I/O): the service loads, this keeps.
 *
 * Freshness rules (each one is what keeps a cached answer equal to a database answer):
 * - Everything is kept for one day (`asOf`): a record's window depends on the day, so a new day starts empty.
 * - A change to a subject's records, industries or registration drops its entry (`invalidate`), and every
 *   "unknown identifier" entry (a new subject may carry it). A change of unknown extent drops everything.
 * - A load that began before a change must not store what it read: each load carries the epoch it began in,
 *   and `store` refuses it when any change was seen since.
 * - Entries older than `maxAgeMs` are not served (a bound on staleness should a notification ever be lost).
 * - At most `capacity` subjects are held (least recently used leave first).
 */
export interface CachedEntry<S> {
  readonly subjectId: string;
  readonly state: S;
  readonly at: number;
}

export type Lookup<S> = { readonly kind: 'subject'; readonly state: S } | { readonly kind: 'unknown' } | undefined;

export interface CacheStats {
  readonly subjects: number;
  readonly unknown: number;
  readonly hits: number;
  readonly misses: number;
  readonly invalidations: number;
  readonly refusedStores: number;
  readonly day: string | null;
}

export class CreditStateCache<S> {
  private entries = new Map<string, CachedEntry<S>>();
  private keysOf = new Map<string, Set<string>>();
  private unknown = new Map<string, number>();
  private epoch = 0;
  private day: string | null = null;
  private counters = { hits: 0, misses: 0, invalidations: 0, refusedStores: 0 };

  constructor(
    private readonly capacity: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Start a check (or a load) as of a day: the epoch to hand back to `store`. A new day empties the cache. */
  begin(asOf: string): number {
    if (asOf !== this.day) {
      if (this.day !== null) this.clear();
      this.day = asOf;
    }
    return this.epoch;
  }

  /** What is known of an identity key (`c:<code>` or `i:<id hash>`) today, if fresh. */
  lookup(key: string): Lookup<S> {
    const t = this.now();
    const e = this.entries.get(key);
    if (e && t - e.at <= this.maxAgeMs) {
      // Least recently used leave first: a hit moves the entry to the end.
      this.entries.delete(key);
      this.entries.set(key, e);
      this.counters.hits += 1;
      return { kind: 'subject', state: e.state };
    }
    const u = this.unknown.get(key);
    if (u !== undefined && t - u <= this.maxAgeMs) {
      this.counters.hits += 1;
      return { kind: 'unknown' };
    }
    this.counters.misses += 1;
    return undefined;
  }

  /**
   * Keep what a load read, unless a change was seen since it began (`epoch`) or the day moved on: then
   * the load's answer is still right for the check that made it, but not worth keeping.
   */
  store(
    epoch: number,
    asOf: string,
    found: ReadonlyMap<string, { subjectId: string; state: S }>,
    unknown: readonly string[],
  ): boolean {
    if (epoch !== this.epoch || asOf !== this.day) {
      this.counters.refusedStores += 1;
      return false;
    }
    const at = this.now();
    for (const [key, { subjectId, state }] of found) {
      this.drop(key);
      this.entries.set(key, { subjectId, state, at });
      let keys = this.keysOf.get(subjectId);
      if (!keys) this.keysOf.set(subjectId, (keys = new Set()));
      keys.add(key);
    }
    for (const key of unknown) this.unknown.set(key, at);
    this.trim();
    return true;
  }

  /** Some subjects changed: their entries go, and every "unknown" (one of them may be new). `'all'`: everything. */
  invalidate(subjectIds: readonly string[] | 'all'): void {
    this.epoch += 1;
    this.counters.invalidations += 1;
    this.unknown.clear();
    if (subjectIds === 'all') {
      this.entries.clear();
      this.keysOf.clear();
      return;
    }
    for (const id of subjectIds) {
      const keys = this.keysOf.get(id.toLowerCase());
      if (!keys) continue;
      for (const k of keys) this.entries.delete(k);
      this.keysOf.delete(id.toLowerCase());
    }
  }

  clear(): void {
    this.invalidate('all');
  }

  stats(): CacheStats {
    return { subjects: this.entries.size, unknown: this.unknown.size, day: this.day, ...this.counters };
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const keys = this.keysOf.get(e.subjectId);
    keys?.delete(key);
    if (keys && keys.size === 0) this.keysOf.delete(e.subjectId);
  }

  private trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.drop(key);
    }
    for (const key of this.unknown.keys()) {
      if (this.unknown.size <= this.capacity) break;
      this.unknown.delete(key);
    }
  }
}
