import { nestedDeeperThan } from './json-depth';

describe('nestedDeeperThan', () => {
  /** `levels` times { a: [ … ] } around 1: 2 × levels levels of nesting. */
  const nest = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: [v] };
    return v;
  };

  it('counts objects and arrays, without recursion', () => {
    expect(nestedDeeperThan(nest(3), 6)).toBe(false);
    expect(nestedDeeperThan(nest(4), 6)).toBe(true);
    expect(nestedDeeperThan(nest(20_000), 64)).toBe(true);
  });

  it('does not walk bytes: a CSV body (a Buffer) nests nothing, however long', () => {
    expect(nestedDeeperThan(Buffer.alloc(2_000_000, 0x41), 0)).toBe(false);
    expect(nestedDeeperThan({ body: new Uint8Array(10) }, 1)).toBe(false);
    expect(nestedDeeperThan({ body: { inner: new Uint8Array(10) } }, 1)).toBe(true);
  });
});
