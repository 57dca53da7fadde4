import fc from 'fast-check';
import { auditIdentifier, auditString, canonicalJson, JsonValue, toAuditJson } from '../../common/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('writes numbers as JavaScript does (1.50 is 1.5, 1e21 is 1e+21)', () => {
    expect(canonicalJson(JSON.parse('{"a":1.50,"b":1e21,"c":-0.0,"d":1E-7}') as JsonValue)).toBe(
      '{"a":1.5,"b":1e+21,"c":0,"d":1e-7}',
    );
  });

  it('is independent of key order and stable through parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const plain = toAuditJson(v);
        const text = canonicalJson(plain);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
        const reversed = JSON.parse(
          JSON.stringify(plain, (_k, x: unknown) =>
            x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
          ),
        ) as JsonValue;
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });
});

describe('toAuditJson', () => {
  it('keeps what JSON.stringify keeps, masking ID numbers at any depth (keys too)', () => {
    let deep: unknown = { idNumber: '11010519491231002X' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    const out = JSON.stringify(
      toAuditJson({
        deep,
        '11010519491231002X': 1,
        when: new Date('2026-01-02T03:04:05.678Z'),
        skip: undefined,
        n: NaN,
        big: 12n,
      }),
    );
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('110105********002X');
    expect(out).toContain('"when":"2026-01-02T03:04:05.678Z"');
    expect(out).not.toContain('skip');
    expect(out).toContain('"n":null');
    expect(out).toContain('"big":"12"');
  });

  it('masks full-width and first-generation 15-digit numbers in content; identifiers the trail is searched by keep 15 digits', () => {
    const out = JSON.stringify(
      toAuditJson({
        reason: '身份证１１０１０５１９４９１２３１００２Ｘ，旧证 110105491231002',
        url: '/x/%EF%BC%91%EF%BC%91%EF%BC%90%EF%BC%91%EF%BC%90%EF%BC%95%EF%BC%91%EF%BC%99%EF%BC%94%EF%BC%99%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%92%EF%BC%B8',
      }),
    );
    expect(out).toBe('{"reason":"身份证110105********002X，旧证 110105******002","url":"/x/110105********002X"}');
    expect(auditIdentifier('ZB-110105491231002')).toBe('ZB-110105491231002'); // two keys must not become one
    expect(auditIdentifier('ZB-１１０１０５１９４９１２３１００２Ｘ')).toBe('ZB-110105********002X');
  });

  it('replaces what jsonb cannot store (NUL, lone surrogates) and keeps every other character', () => {
    expect(auditString('a\u0000b\uD800c\uDC00d😀中\u2028')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀中\u2028');
  });

  it('keeps a "__proto__" key as a plain key', () => {
    const v = toAuditJson(JSON.parse('{"__proto__":{"x":1}}')) as Record<string, JsonValue>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(canonicalJson(v)).toBe('{"__proto__":{"x":1}}');
  });

  it('cuts cycles and absurd depth instead of overflowing', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(JSON.stringify(toAuditJson(a))).toContain('nested too deep');
  });
});

describe('frozen values are reduced once (the measures every check repeats)', () => {
  const freeze = <T>(v: T): T => {
    if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) freeze(x);
      Object.freeze(v);
    }
    return v;
  };

  it('gives what an unfrozen copy gives, the first time and from memory', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const plain = structuredClone(v);
        const frozen = freeze(structuredClone(v));
        const expected = canonicalJson(toAuditJson(plain));
        expect(canonicalJson(toAuditJson(frozen))).toBe(expected);
        expect(canonicalJson(toAuditJson({ wrapped: [frozen, frozen] }))).toBe(
          canonicalJson(toAuditJson({ wrapped: [plain, plain] })),
        );
      }),
    );
  });

  it('follows a change below a frozen object that is not itself frozen', () => {
    const child = { idNumber: 'none yet' };
    const shallow = Object.freeze({ child });
    expect(toAuditJson(shallow)).toEqual({ child: { idNumber: 'none yet' } });
    child.idNumber = 'changed';
    expect(toAuditJson(shallow)).toEqual({ child: { idNumber: 'changed' } });
    const wrapped = Object.freeze([shallow]);
    expect(canonicalJson(wrapped as unknown as JsonValue)).toBe('[{"child":{"idNumber":"changed"}}]');
    child.idNumber = 'again';
    expect(canonicalJson(wrapped as unknown as JsonValue)).toBe('[{"child":{"idNumber":"again"}}]');
  });

  it('still cuts at the depth limit when a remembered value is met deeper down', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10; i++) deep = freeze({ next: deep });
    expect(JSON.stringify(toAuditJson(deep))).toContain('leaf'); // remembered, shallow
    let wrapper: unknown = deep;
    for (let i = 0; i < 60; i++) wrapper = { next: wrapper };
    const unfrozenCopy = JSON.parse(JSON.stringify(wrapper)) as unknown;
    expect(toAuditJson(wrapper)).toEqual(toAuditJson(unfrozenCopy));
    expect(JSON.stringify(toAuditJson(wrapper))).toContain('[audit: nested too deep]');
  });

  it('masks an ID number in a frozen value, and in a long string met again', () => {
    const long = `经办人证件号码 11010519491231002X，已核验无误，特此说明。`;
    const v = freeze({ note: long, again: long });
    const out = JSON.stringify(toAuditJson(v));
    expect(out).not.toContain('11010519491231002X');
    expect(JSON.stringify(toAuditJson({ note: long }))).not.toContain('11010519491231002X');
  });
});

describe('canonicalJson against its definition', () => {
  /** The definition, written plainly: keys sorted at every level, JSON.stringify for everything else. */
  const reference = (v: JsonValue): string =>
    v === null || typeof v !== 'object'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? `[${v.map(reference).join(',')}]`
        : `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${reference(v[k])}`)
            .join(',')}}`;

  it('writes what the definition writes, numbers and scalars in arrays and objects included', () => {
    const value = fc.jsonValue().map((v) => toAuditJson(v));
    fc.assert(
      fc.property(value, fc.boolean(), (v, frozen) => {
        const input = frozen ? toAuditJson(Object.freeze(v)) : v;
        expect(canonicalJson(input)).toBe(reference(input));
      }),
      { numRuns: 500 },
    );
    // Keys JavaScript lists first (array indices), keys that masking re-orders or merges, "__proto__": the written
    // order of toAuditJson's result is not the canonical one there, and the text must still be.
    const awkward: Array<Record<string, unknown>> = [
      { b: 1, '10': 'ten', '2': 'two', '4294967295': 'not an index', '0a': 'x' },
      { '110105+': 'before the ID number, after its masked form', '11010519491231002X': 'a key masked' },
      { ['__proto__']: 'plain', a: 1 },
      { nested: [{ z: 1, '1': { y: 2, '0': 3 } }] },
    ];
    for (const one of awkward)
      for (const v of [one, Object.freeze(structuredClone(one)), [one], { w: one }]) {
        const reduced = toAuditJson(v);
        expect(canonicalJson(reduced)).toBe(reference(reduced));
        expect(canonicalJson(reduced)).not.toContain('11010519491231002X');
      }
    expect(canonicalJson([0, -0, 1e21, 1.5, 1e-7, true, false, null, 'a"b'])).toBe(
      reference([0, -0, 1e21, 1.5, 1e-7, true, false, null, 'a"b']),
    );
  });
});
