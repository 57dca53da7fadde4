import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { residentIdCheckChar } from '../../src/common/identifiers/resident-id';
import { deref, sampleValue, type ApiOperation, type OpenApiDoc, type Schema } from './openapi-doc';

/**
 * Hostile requests derived from the service's own OpenAPI document (fetched at run time from
 * `/docs-json`, so routes added later are covered without touching the tests).
 *
 * A request starts from what the document says is valid (the first example, else a value sampled from
 * the schema) and is then mutated. Mutations come in two kinds:
 * - **breakers** make the request invalid by the contract: a required field or header missing, a
 *   declared field of the wrong JSON type, an undeclared field (the DTOs forbid them), a body that is not
 *   an object, malformed JSON, a content type the route does not take, a path parameter that is not a
 *   UUID or not in its enum, a body over the size limit. A request to a route that may change data
 *   always carries one, applied last, so no valid request that legitimately changes data is generated.
 * - **decorations** are hostile but not necessarily invalid: huge strings and arrays, deep nesting,
 *   resident ID numbers, NUL and lone surrogates, invalid UTF-8 bytes, SQL and path fragments,
 *   prototype-pollution keys in the query, unknown query parameters, hostile headers.
 */

/** A valid resident ID number (GB 11643 check character), random region, birth date and sequence. */
export const residentIdArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([region, birth, seq]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17);
  });

/** The same number written in full width (全角: ０-９, Ｘ), wholly or from some position on, as a form may send it. */
export const wideResidentIdArb: fc.Arbitrary<string> = fc
  .tuple(residentIdArb, fc.integer({ min: 0, max: 17 }))
  .map(
    ([id, from]) =>
      id.slice(0, from) + id.slice(from).replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  );

/** Strings that have broken services before. None contains the words the leak checks look for. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFFx',
  '\u202Eevil',
  '\uFEFF',
  '𠜎𠜱𠝹',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  "' OR '1'='1",
  "'; DROP TABLE subjects; --",
  '"; --',
  '\\',
  '%00',
  '%s%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  '__proto__',
  'constructor',
  'prototype',
  '[object Object]',
  'true',
  '0x41',
  '9'.repeat(400),
];

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: residentIdArb },
  { weight: 1, arbitrary: wideResidentIdArb },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'A'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => '中'.repeat(n)) },
);

/** A JSON value of another type than the schema allows. */
function wrongTypeValue(s: Schema): fc.Arbitrary<unknown> {
  const type = s.type;
  const all: Record<string, unknown[]> = {
    string: [12345, -1, true, {}, [], ['x'], { $gt: '' }],
    integer: ['1', 'abc', 1.5, true, {}, [], [1], '1e309'],
    number: ['1', 'abc', true, {}, [], [1]],
    boolean: ['true', 'yes', 1, 0, {}, []],
    array: ['x', 1, true, {}, { 0: 'a', length: 1 }],
    object: ['x', 1, true, [], [{}]],
  };
  return fc.constantFrom(...(all[type ?? ''] ?? ['x', 1, [], true]));
}

/** Deep nesting is built as text (JSON.stringify of a deep value would overflow this side's stack). */
const DEEP = '\u0001DEEP\u0001';
const deepText = (n: number, open: string, close: string) =>
  open.repeat(n) + (open === '[' ? '' : '1') + close.repeat(n);

export interface Draft {
  pathParams: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  /** The JSON value of the body; `undefined`: none. */
  body: unknown;
  /** Replaces the serialised body (malformed JSON, raw bytes). */
  raw?: Buffer | string;
  contentType: string | null;
  deep?: { depth: number; open: string; close: string };
  invalidUtf8?: boolean;
  readonly notes: string[];
}

export type Mutation = { readonly label: string; apply(d: Draft): void };

export function baseDraft(doc: OpenApiDoc, op: ApiOperation): Draft {
  const d: Draft = { pathParams: {}, query: [], headers: {}, body: undefined, contentType: null, notes: [] };
  for (const p of op.params) {
    const v = sampleValue(doc, p.schema);
    if (p.in === 'path') d.pathParams[p.name] = String(v);
    else if (p.required && p.in === 'query') d.query.push([p.name, String(v)]);
    else if (p.required && p.in === 'header')
      d.headers[p.name] =
        p.name === 'idempotency-key' ? `hostile-${randomUUID()}` : p.name === 'if-match' ? '0' : String(v);
  }
  if (op.body) {
    d.body = structuredClone(op.body.example);
    d.contentType = 'application/json';
  }
  return d;
}

function isObjectBody(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  // defineProperty: "__proto__" becomes an own key, as a client's JSON would carry it.
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const notUuid = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '')),
  residentIdArb,
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.constant('00000000-0000-0000-0000-00000000000g'),
  fc.constant('1'.repeat(5000)),
);

/** Mutations that make the request invalid by the contract (see the module comment). */
export function breakers(op: ApiOperation): fc.Arbitrary<Mutation>[] {
  const out: fc.Arbitrary<Mutation>[] = [];
  const props = op.body?.schema.properties ?? {};
  const required = op.body?.schema.required ?? [];
  const isDto =
    op.body &&
    op.body.schema.type === 'object' &&
    Object.keys(props).length > 0 &&
    op.body.schema.additionalProperties !== true;
  if (op.body) {
    for (const k of required)
      out.push(
        fc.constant({ label: `body: required ${k} missing`, apply: (d) => isObjectBody(d.body) && delete d.body[k] }),
      );
    for (const [k, s] of Object.entries(props)) {
      if (s.type || s.$ref)
        out.push(
          wrongTypeValue(s.type ? s : { type: 'object' }).map((v) => ({
            label: `body: ${k} of the wrong type (${JSON.stringify(v)})`,
            apply: (d) => isObjectBody(d.body) && setKey(d.body, k, v),
          })),
        );
    }
    if (isDto) {
      // Not "__proto__", "prototype" nor "constructor": Nest's pipe deletes those silently (a decoration below)
      // and the JSON parser refuses "__proto__". Nor a name Object.prototype has (toString…): class-transformer
      // drops those without a word. Either would leave a valid request that may store something.
      const silentlyDropped = (k: string) => POLLUTION_KEYS.includes(k) || k in {};
      const key = fc.oneof(
        fc.constantFrom('isAdmin', '$where', 'polluted', 'role'),
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in props) && !silentlyDropped(k)),
      );
      out.push(
        fc
          .tuple(
            key,
            fc.oneof(fc.constant({ isAdmin: true }), fc.constant({ prototype: { polluted: 1 } }), hostileString),
          )
          .map(([k, v]) => ({
            label: `body: undeclared field ${JSON.stringify(k)}`,
            apply: (d) => isObjectBody(d.body) && setKey(d.body, k, v),
          })),
      );
      out.push(
        fc
          .constantFrom('"text"', '[]', '[{}]', '123', 'null', 'true', '""')
          .map((raw) => ({ label: `body: ${raw} instead of an object`, apply: (d) => void (d.raw = raw) })),
      );
    }
    out.push(
      fc
        .constantFrom(
          '{',
          '{"a":',
          '{"a":1,}',
          "{'a':1}",
          '{"a":1}}',
          'NaN',
          '\u0000',
          '{"__proto__":{"isAdmin":true}}',
          '{"constructor":{"prototype":{"isAdmin":true}}}',
        )
        .map((raw) => ({
          label: `body: malformed or poisoned JSON ${JSON.stringify(raw)}`,
          apply: (d) => void (d.raw = raw),
        })),
    );
    const accepts = op.body.contentTypes;
    const wrong = [
      'text/plain',
      'text/csv',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'image/png',
      'text/html',
    ];
    const textual = accepts.some((t) => t.startsWith('text/'));
    const types = wrong.filter((t) => !accepts.includes(t) && !(textual && t.startsWith('text/')));
    out.push(
      fc.constantFrom(...types).map((t) => ({ label: `content-type ${t}`, apply: (d) => void (d.contentType = t) })),
    );
    out.push(
      fc.constant({
        label: 'body over the size limit (5 MB)',
        apply: (d) => void (d.raw = `{"a":"${'A'.repeat(5 * 1024 * 1024)}"}`),
      }),
    );
  }
  for (const p of op.params) {
    if (
      p.in === 'path' &&
      (p.schema.format === 'uuid' || (/id$/i.test(p.name) && !p.schema.example && !p.schema.enum))
    ) {
      out.push(
        notUuid.map((v) => ({
          label: `path ${p.name} not a UUID (${JSON.stringify(v.slice(0, 40))})`,
          apply: (d) => void (d.pathParams[p.name] = v),
        })),
      );
    } else if (p.in === 'path' && Array.isArray(p.schema.enum)) {
      const taken = new Set(p.schema.enum as string[]);
      out.push(
        notUuid
          .filter((v) => !taken.has(v))
          .map((v) => ({
            label: `path ${p.name} not one of its values (${JSON.stringify(v.slice(0, 40))})`,
            apply: (d) => void (d.pathParams[p.name] = v),
          })),
      );
    }
    if (p.required && p.in === 'header')
      out.push(fc.constant({ label: `header ${p.name} missing`, apply: (d) => void delete d.headers[p.name] }));
    if (p.required && p.in === 'query')
      out.push(
        fc.constant({
          label: `query ${p.name} missing`,
          apply: (d) => void (d.query = d.query.filter(([k]) => k !== p.name)),
        }),
      );
  }
  return out;
}

/** Hostile but not necessarily invalid mutations. */
export function decorations(doc: OpenApiDoc, op: ApiOperation): fc.Arbitrary<Mutation>[] {
  const out: fc.Arbitrary<Mutation>[] = [];
  const props = op.body?.schema.properties ?? {};
  if (op.body) {
    // One level down: a field of an object property, or of the first item of an array property.
    for (const [k, s] of Object.entries(props)) {
      const inner = deref(doc, s.type === 'array' ? (s.items ?? {}) : s);
      for (const [ik, is] of Object.entries(inner.properties ?? {})) {
        const arb: fc.Arbitrary<unknown> = is.type === 'string' ? hostileString : wrongTypeValue(is);
        out.push(
          arb.map((v) => ({
            label: `body: ${k}${s.type === 'array' ? '[0]' : ''}.${ik} = ${JSON.stringify(v)?.slice(0, 40)}`,
            apply: (d) => {
              if (!isObjectBody(d.body)) return;
              const list = d.body[k];
              const holder = s.type === 'array' ? (Array.isArray(list) ? (list as unknown[])[0] : undefined) : list;
              if (!isObjectBody(holder)) return;
              // A copy: the items of a huge array made by another mutation share one object.
              const copy = { ...holder };
              setKey(copy, ik, v);
              if (s.type === 'array') (list as unknown[])[0] = copy;
              else setKey(d.body, k, copy);
            },
          })),
        );
      }
    }
    for (const [k, s] of Object.entries(props)) {
      if (s.type === 'string')
        out.push(
          hostileString.map((v) => ({
            label: `body: ${k} = ${JSON.stringify(v.slice(0, 30))}${v.length > 30 ? `… (${v.length} chars)` : ''}`,
            apply: (d) => isObjectBody(d.body) && setKey(d.body, k, v),
          })),
        );
      if (s.type === 'array') {
        // Copies of the first item while it is small (an item made huge by another mutation would make
        // this side build gigabytes; the server refuses bodies over 4 MB anyway).
        const filler = (v: unknown) =>
          Array.isArray(v) && v.length && (JSON.stringify(v[0])?.length ?? 0) < 2_000 ? (v[0] as unknown) : 'x';
        out.push(
          fc.integer({ min: 1_000, max: 100_000 }).map((n) => ({
            label: `body: ${k} with ${n} items`,
            apply: (d) => isObjectBody(d.body) && setKey(d.body, k, new Array(n).fill(filler(d.body[k]))),
          })),
        );
      }
    }
    const keys = Object.keys(props);
    out.push(
      fc
        .tuple(
          fc.constantFrom(...(keys.length ? keys : ['nested'])),
          fc.integer({ min: 200, max: 50_000 }),
          fc.constantFrom(['[', ']'], ['{"a":', '}']),
        )
        .map(([k, depth, [open, close]]) => ({
          label: `body: ${k} nested ${depth} deep (${open})`,
          apply: (d) => {
            if (!isObjectBody(d.body)) return;
            setKey(d.body, k, DEEP);
            d.deep = { depth, open, close };
          },
        })),
    );
    out.push(
      fc.constant({ label: 'body: invalid UTF-8 bytes in a string', apply: (d) => void (d.invalidUtf8 = true) }),
    );
    out.push(
      fc.constantFrom(...POLLUTION_KEYS, 'toString', 'hasOwnProperty', 'valueOf').map((k) => ({
        label: `body: key ${k}`,
        apply: (d) => isObjectBody(d.body) && setKey(d.body, k, { isAdmin: true, prototype: { isAdmin: true } }),
      })),
    );
  }
  for (const p of op.params.filter((x) => x.in === 'path' && x.schema.format !== 'uuid' && !x.schema.enum)) {
    out.push(
      notUuid.map((v) => ({
        label: `path ${p.name} = ${JSON.stringify(v.slice(0, 40))}`,
        apply: (d) => void (d.pathParams[p.name] = v),
      })),
    );
  }
  const queryParams = op.params.filter((p) => p.in === 'query');
  for (const p of queryParams) {
    const t = p.schema.type;
    const wrong =
      t === 'integer' || t === 'number'
        ? fc.constantFrom('abc', '-1', '1.5', '1e309', '99999999999999999999', '0x10', ' 1', '')
        : t === 'boolean'
          ? fc.constantFrom('yes', '2', 'TRUE ', '')
          : p.schema.format === 'uuid'
            ? notUuid
            : p.schema.format === 'date' || p.schema.format === 'date-time'
              ? fc.constantFrom('2025-02-30', '0000-00-00', 'yesterday', '2025-06-30T25:00:00Z', '9999999-01-01', '')
              : hostileString;
    out.push(
      wrong.map((v) => ({
        label: `query ${p.name}=${JSON.stringify(v.slice(0, 30))}`,
        apply: (d) => void (d.query = [...d.query.filter(([k]) => k !== p.name), [p.name, v]]),
      })),
    );
    out.push(
      fc.constant({
        label: `query ${p.name} given twice`,
        apply: (d) =>
          void d.query.push([p.name, `${(p.schema.example as string | number | undefined) ?? 'a'}`], [p.name, 'b']),
      }),
    );
  }
  out.push(
    fc
      .tuple(
        fc.constantFrom(
          ...POLLUTION_KEYS.flatMap((k) => [k, `${k}[isAdmin]`, `${k}.isAdmin`]),
          'constructor[prototype][isAdmin]',
          'unknownParam',
          'limit[]',
        ),
        fc.oneof(
          fc.constant('1'),
          hostileString.filter((s) => s.length < 2000),
        ),
      )
      .map(([k, v]) => ({
        label: `query ${k}=${JSON.stringify(v.slice(0, 30))}`,
        apply: (d) => void d.query.push([k, v]),
      })),
  );
  const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);
  out.push(
    fc
      .tuple(
        fc.constantFrom('x-request-id', 'x-operator', 'idempotency-key', 'accept', 'x-forwarded-for', 'if-match'),
        fc.oneof(
          residentIdArb,
          wideResidentIdArb,
          fc.constantFrom(...HOSTILE_STRINGS.filter(printable)),
          fc.integer({ min: 100, max: 8000 }).map((n) => 'h'.repeat(n)),
        ),
      )
      .map(([h, v]) => ({
        label: `header ${h}: ${JSON.stringify(v.slice(0, 30))}`,
        apply: (d) => void (d.headers[h] = v),
      })),
  );
  return out;
}

export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly labels: readonly string[];
}

/** A request to the route: decorations (hostile, maybe valid) then, when `mustBreak`, one breaker. */
export function hostileRequestArb(doc: OpenApiDoc, op: ApiOperation, mustBreak: boolean): fc.Arbitrary<HostileRequest> {
  const b = breakers(op);
  const decos = decorations(doc, op);
  const breaker = b.length ? fc.oneof(...b) : null;
  if (mustBreak && !breaker)
    throw new Error(`${op.method} ${op.path}: no way to make a request invalid by its contract`);
  const anyMutation = fc.oneof(...decos, ...(breaker ? [breaker] : []));
  const arb = fc.record({
    decos: fc.array(anyMutation, { minLength: mustBreak ? 0 : 1, maxLength: 3 }),
    last: mustBreak ? breaker! : fc.constant(null),
  });
  return arb.map(({ decos: ms, last }) => {
    const d = baseDraft(doc, op);
    for (const m of [...ms, ...(last ? [last] : [])]) {
      m.apply(d);
      d.notes.push(m.label);
    }
    return serialise(op, d);
  });
}

/**
 * Percent-encoding that also takes lone surrogates (encodeURIComponent throws on them): they go out as
 * their WTF-8 bytes (`%ED%A0%80`), i.e. invalid UTF-8 in the URL, which is what a hostile client sends.
 */
export function encodeHostile(s: string): string {
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (c) => {
    if (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) {
      const u = c.charCodeAt(0);
      return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(c);
  });
}

export function serialise(op: ApiOperation, d: Draft): HostileRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeHostile(d.pathParams[name] ?? ''));
  const qs = d.query
    .map(([k, v]) => `${encodeHostile(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeHostile(v)}`)
    .join('&');
  const headers: Record<string, string> = { ...d.headers };
  let body: Buffer | undefined;
  if (d.raw !== undefined) body = Buffer.isBuffer(d.raw) ? d.raw : Buffer.from(d.raw, 'utf8');
  else if (d.body !== undefined) {
    let text = JSON.stringify(d.body);
    if (d.deep) text = text.replace(JSON.stringify(DEEP), deepText(d.deep.depth, d.deep.open, d.deep.close));
    body = Buffer.from(text, 'utf8');
    if (d.invalidUtf8) {
      // Into the first string value (after `":"`), else the first key.
      const value = body.indexOf('":"');
      const at = value >= 0 ? value + 3 : body.indexOf('"') + 1;
      body =
        at > 0
          ? Buffer.concat([
              body.subarray(0, at),
              Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
              body.subarray(at),
            ])
          : body;
    }
  }
  if (body !== undefined && d.contentType) headers['content-type'] = d.contentType;
  return { method: op.method, url: qs ? `${path}?${qs}` : path, headers, body, labels: d.notes };
}
