import { CreditStateCache } from './credit-state.cache';

describe('CreditStateCache: what may be kept, and for how long', () => {
  let now = 0;
  const cache = (capacity = 10, maxAgeMs = 1000) => new CreditStateCache<string>(capacity, maxAgeMs, () => now);
  const one = (key: string, subjectId: string, state: string) => new Map([[key, { subjectId, state }]]);
  beforeEach(() => (now = 0));

  it('keeps what a load read and answers it, and what is unknown', () => {
    const c = cache();
    const e = c.begin('2026-11-28');
    expect(c.lookup('c:A')).toBeUndefined();
    expect(c.store(e, '2026-11-28', one('c:A', 's1', 'state A'), ['c:X'])).toBe(true);
    expect(c.lookup('c:A')).toEqual({ kind: 'subject', state: 'state A' });
    expect(c.lookup('c:X')).toEqual({ kind: 'unknown' });
    expect(c.stats()).toMatchObject({ subjects: 1, unknown: 1, hits: 2, misses: 1 });
  });

  it('refuses a load that began before a change (it may have read the state before it)', () => {
    const c = cache();
    const e = c.begin('2026-11-28');
    c.invalidate(['s2']); // any change, even of another subject, while the load ran
    expect(c.store(e, '2026-11-28', one('c:A', 's1', 'old'), [])).toBe(false);
    expect(c.lookup('c:A')).toBeUndefined();
    expect(c.stats().refusedStores).toBe(1);
  });

  it('a change drops the subject (every key of it) and every unknown; "all" drops everything', () => {
    const c = cache();
    const e = c.begin('2026-11-28');
    c.store(
      e,
      '2026-11-28',
      new Map([
        ['c:A', { subjectId: 's1', state: 'A' }],
        ['i:h', { subjectId: 's1', state: 'A' }],
        ['c:B', { subjectId: 's2', state: 'B' }],
      ]),
      ['c:X'],
    );
    c.invalidate(['S1']); // ids compare in lower case
    expect(c.lookup('c:A')).toBeUndefined();
    expect(c.lookup('i:h')).toBeUndefined();
    expect(c.lookup('c:X')).toBeUndefined(); // a new subject may now carry it
    expect(c.lookup('c:B')).toEqual({ kind: 'subject', state: 'B' });
    c.invalidate('all');
    expect(c.lookup('c:B')).toBeUndefined();
  });

  it('a new day starts empty, and a load of the day before is not kept', () => {
    const c = cache();
    const e = c.begin('2026-11-28');
    c.store(e, '2026-11-28', one('c:A', 's1', 'A'), []);
    const e2 = c.begin('2026-11-29');
    expect(c.lookup('c:A')).toBeUndefined();
    expect(c.store(e, '2026-11-28', one('c:A', 's1', 'A'), [])).toBe(false);
    expect(c.store(e2, '2026-11-29', one('c:A', 's1', 'A2'), [])).toBe(true);
    expect(c.lookup('c:A')).toEqual({ kind: 'subject', state: 'A2' });
  });

  it('is not served past its age limit', () => {
    const c = cache(10, 1000);
    c.store(c.begin('2026-11-28'), '2026-11-28', one('c:A', 's1', 'A'), ['c:X']);
    now = 1000;
    expect(c.lookup('c:A')).toBeDefined();
    now = 1001;
    expect(c.lookup('c:A')).toBeUndefined();
    expect(c.lookup('c:X')).toBeUndefined();
  });

  it('holds at most its capacity, the least recently used leaving first', () => {
    const c = cache(2);
    const e = c.begin('2026-11-28');
    c.store(e, '2026-11-28', one('c:A', 's1', 'A'), []);
    c.store(e, '2026-11-28', one('c:B', 's2', 'B'), []);
    c.lookup('c:A'); // A used last
    c.store(e, '2026-11-28', one('c:C', 's3', 'C'), []);
    expect(c.lookup('c:B')).toBeUndefined();
    expect(c.lookup('c:A')).toBeDefined();
    expect(c.lookup('c:C')).toBeDefined();
    expect(c.stats().subjects).toBe(2);
  });
});
