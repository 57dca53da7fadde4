import fc from 'fast-check';
import { canonicalJson, type JsonValue } from '../../common/canonical-json';
import { residentIdCheckChar } from '../../common/identifiers/resident-id';
import { USCC_ALPHABET, usccCheckChar } from '../../common/identifiers/uscc';
import { ValidationFailed } from '../../common/problem';
import { createValidationPipe } from '../../common/validation';
import { CheckBodyPipe, plainCheckRequest } from './check-body.pipe';
import { CheckRequestDto, PARTY_ROLES } from './dto/check-request.dto';

/**
 * The hot route's fast path against the global pipe it stands in for: whatever it accepts, the pipe accepts, and
 * makes the same request of (compared as JSON: what the service, the audit and the request hash read). What it does
 * not accept goes to the pipe, so its answers — requests and errors — are the pipe's.
 */
describe('CheckBodyPipe: the check body without class-validator when plainly valid', () => {
  const pipe = createValidationPipe();
  const viaPipe = async (body: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> => {
    try {
      return { ok: true, value: await pipe.transform(body, { type: 'body', metatype: CheckRequestDto }) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  const asJson = (v: unknown) => canonicalJson(JSON.parse(JSON.stringify(v)) as JsonValue);

  const uscc = fc
    .tuple(
      fc.constantFrom('91500110', '91350200', '12500000'),
      fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
    )
    .map(([prefix, rest]) => {
      const body = prefix + rest.join('');
      return body + usccCheckChar(body);
    });
  const idNumber = fc
    .tuple(
      fc.integer({ min: 1950, max: 2005 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.nat(999),
    )
    .map(([y, m, d, n]) => {
      const body = `500222${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(n).padStart(3, '0')}`;
      return body + residentIdCheckChar(body);
    });
  // As callers write them: spaces around, lower case, full-width forms (the DTO's transforms normalise them).
  const written = (s: fc.Arbitrary<string>) =>
    fc
      .tuple(s, fc.constantFrom('plain', 'spaced', 'lower', 'fullwidth'))
      .map(([v, how]) =>
        how === 'spaced'
          ? ` ${v} `
          : how === 'lower'
            ? v.toLowerCase()
            : how === 'fullwidth'
              ? [...v].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
              : v,
      );
  /** Texts at a limit of `max` characters: blank ones, and lengths one either side of it (with spaces around, or not). */
  const near = (max: number) =>
    fc.oneof(
      fc.constantFrom('', '   '),
      fc.integer({ min: max - 1, max: max + 1 }).map((n) => ` ${'长'.repeat(n)} `),
      fc.integer({ min: max - 1, max: max + 1 }).map((n) => 'a'.repeat(n)),
    );
  const party = fc.oneof(
    fc.record({ code: written(uscc), role: fc.constantFrom(...PARTY_ROLES) }, { requiredKeys: ['code', 'role'] }),
    fc.record(
      { idNumber: written(idNumber), role: fc.constantFrom(...PARTY_ROLES), name: fc.string({ maxLength: 12 }) },
      { requiredKeys: ['idNumber', 'role'] },
    ),
  );
  const valid = fc.record(
    {
      scenario: fc.constantFrom('tendering', 'government_procurement', 'financing', 'x9'),
      transaction: fc.record(
        {
          reference: fc.string({ minLength: 1, maxLength: 12 }).filter((r) => r.trim() !== ''),
          kind: fc.string({ maxLength: 12 }),
          amount: fc.oneof({ weight: 4, arbitrary: fc.nat() }, fc.constantFrom(12.5, 0.001, -1)),
        },
        { requiredKeys: ['reference'] },
      ),
      parties: fc.array(party, { minLength: 1, maxLength: 4 }),
      operator: fc.string({ maxLength: 12 }),
    },
    { requiredKeys: ['scenario', 'transaction', 'parties'] },
  );
  // And bodies a little off: a field null, of another type, an unknown field, parties empty, the wrong code.
  const off = fc
    .tuple(
      valid,
      fc.constantFrom(
        'null-kind',
        'number-ref',
        'extra',
        'no-parties',
        'bad-code',
        'null-code',
        'array-party',
        'bad-scenario',
      ),
    )
    .map(([b, how]) => {
      const body = JSON.parse(JSON.stringify(b)) as {
        scenario: unknown;
        transaction: Record<string, unknown>;
        parties: unknown[];
      };
      const first = body.parties[0] as Record<string, unknown>;
      if (how === 'null-kind') body.transaction.kind = null;
      if (how === 'number-ref') body.transaction.reference = 42;
      if (how === 'extra') first.extra = 1;
      if (how === 'no-parties') body.parties = [];
      if (how === 'bad-code') body.parties[0] = { code: '91500110MA5U3XJX1A', role: 'bidder' };
      if (how === 'null-code') first.code = null;
      if (how === 'array-party') body.parties[0] = [];
      if (how === 'bad-scenario') body.scenario = 'Tendering';
      return body;
    });

  // One text near its limit (or blank) in an otherwise ordinary body: the lengths either side of each limit.
  const edge = fc
    .tuple(valid, fc.constantFrom(['reference', 128], ['kind', 100], ['operator', 100], ['name', 200]), fc.nat())
    .chain(([b, [field, max]]) =>
      near(max as number).map((v) => {
        const body = JSON.parse(JSON.stringify(b)) as {
          transaction: Record<string, unknown>;
          parties: Array<Record<string, unknown>>;
        } & Record<string, unknown>;
        if (field === 'reference' || field === 'kind') body.transaction[field] = v;
        else if (field === 'operator') body.operator = v;
        else body.parties[0].name = v;
        return body;
      }),
    );

  it('accepts only what the pipe accepts, and makes the same request of it', async () => {
    let fast = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid, off, edge), async (body) => {
        const plain = plainCheckRequest(JSON.parse(JSON.stringify(body)));
        const slow = await viaPipe(JSON.parse(JSON.stringify(body)));
        if (plain === null) return;
        fast++;
        expect(slow.ok).toBe(true);
        if (slow.ok) expect(asJson(plain)).toBe(asJson(slow.value));
      }),
      { numRuns: 900 },
    );
    expect(fast).toBeGreaterThan(100); // the fast path is taken, not a dead branch
  });

  it('takes the bodies approval systems send, and leaves the rest to the pipe with its errors', async () => {
    const body = {
      scenario: 'tendering',
      transaction: { reference: ' QJZB-2026-0412 ', kind: '施工招标', amount: 12500000 },
      parties: [{ code: ' ９１５００１１０ＭＡ８ＥＥＹ８Ｎ４８ ', role: 'bidder', name: ' 重庆恒通酒店有限公司 ' }],
      operator: 'qj-zb-0031',
    };
    expect(plainCheckRequest(body)).toEqual({
      scenario: 'tendering',
      transaction: { reference: 'QJZB-2026-0412', kind: '施工招标', amount: 12500000 },
      parties: [{ code: '91500110MA8EEY8N48', role: 'bidder', name: '重庆恒通酒店有限公司' }],
      operator: 'qj-zb-0031',
    });
    const bad = { ...body, transaction: { reference: '' } };
    expect(plainCheckRequest(bad)).toBeNull();
    const pipeError = await viaPipe(bad);
    const ours: unknown = await Promise.resolve(new CheckBodyPipe().transform(bad, { type: 'body' })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(ours).toBeInstanceOf(ValidationFailed);
    expect(pipeError.ok).toBe(false);
    if (!pipeError.ok)
      expect((ours as ValidationFailed).toProblem()).toEqual((pipeError.error as ValidationFailed).toProblem());
    expect((ours as ValidationFailed).errors).toEqual([
      { field: 'transaction.reference', reason: expect.any(String) as string },
    ]);
  });
});
