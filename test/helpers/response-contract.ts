import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { HttpResult } from './app';
import type { OpenApiDoc, Schema } from './openapi-doc';

/**
 * The answers of the service against the response schemas of its own OpenAPI document, made strict:
 * every object schema that lists `properties` and declares no `additionalProperties` of its own gets
 * `additionalProperties: false`, so a field the document does not describe fails like a wrong type does.
 *
 * OpenAPI 3.0 schemas become JSON Schema for ajv: `nullable: true` allows null beside the schema (its enum
 * included), `$ref`s point into the components (a `$ref`'s siblings are ignored, as OpenAPI 3.0 says), and
 * annotations ajv does not know (`example`, `xml`, …) are dropped.
 */

const COMPONENTS = 'https://contract.test/components';
const DROPPED = new Set(['example', 'examples', 'xml', 'externalDocs', 'discriminator', 'nullable', 'deprecated']);
/** Keywords whose values are data, not schemas. */
const DATA = new Set(['enum', 'const', 'default', 'required']);
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function strictSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strictSchema);
  if (s === null || typeof s !== 'object') return s;
  const o = s as Schema;
  if (typeof o.$ref === 'string') return { $ref: o.$ref.replace('#/components/schemas/', `${COMPONENTS}#/$defs/`) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (DROPPED.has(k)) continue;
    if (DATA.has(k)) out[k] = v;
    else if (k === 'properties')
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, strictSchema(ps)]));
    else out[k] = strictSchema(v);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return o.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** A schema that says something: a type, a reference or a combination (an example alone documents nothing). */
export function describes(schema: Schema | undefined): boolean {
  return !!schema && ['type', '$ref', 'oneOf', 'anyOf', 'allOf'].some((k) => k in schema);
}

const mediaOf = (contentType: string | null | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

export type Operation = { readonly method: string; readonly path: string };

export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** `METHOD /template` of every route whose JSON answer was validated. */
  readonly validated = new Set<string>();
  /** Tolerated deviations (see `problems`) that did occur. */
  readonly toleratedSeen = new Set<RegExp>();

  constructor(private readonly doc: OpenApiDoc) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    const defs = Object.fromEntries(
      Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, strictSchema(s)]),
    );
    this.ajv.addSchema({ $id: COMPONENTS, $defs: defs });
  }

  /** Every documented operation, as `METHOD /template`. */
  operations(): Operation[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => HTTP_METHODS.includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
  }

  /** 2xx responses of an operation: status → content (media type → {schema}). */
  successes(op: Operation): Array<[string, Record<string, { schema?: Schema }> | undefined]> {
    const responses = (this.doc.paths[op.path][op.method.toLowerCase()].responses ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: Schema }> }
    >;
    return Object.entries(responses)
      .filter(([status]) => /^2\d\d$/.test(status))
      .map(([status, r]) => [status, r.content]);
  }

  /** Operations with a 2xx answer documented as application/json. */
  jsonOperations(): Operation[] {
    return this.operations().filter((op) =>
      this.successes(op).some(([, content]) =>
        Object.keys(content ?? {}).some((t) => mediaOf(t) === 'application/json'),
      ),
    );
  }

  /**
   * What is wrong with one answer of `METHOD /template`, each problem naming the route, the status and the
   * path in the body: not a documented 2xx, a content type not documented for it, a JSON body its schema refuses.
   * Schema errors matching `tolerate` are left out (and noted in `toleratedSeen`): known drift of a DTO this
   * change may not edit; the route counts as validated when nothing else is wrong.
   */
  problems(method: string, template: string, res: HttpResult, tolerate: readonly RegExp[] = []): string[] {
    const route = `${method} ${template}`;
    const op = this.doc.paths[template]?.[method.toLowerCase()];
    if (!op) return [`${route}: not in the OpenAPI document`];
    if (res.status < 200 || res.status > 299)
      return [`${route}: answered ${res.status}, not a 2xx: ${JSON.stringify(res.body)?.slice(0, 500)}`];
    const response = op.responses?.[String(res.status)];
    if (!response) return [`${route}: status ${res.status} is not documented`];
    const media = mediaOf(res.headers.get('content-type'));
    const key = Object.keys(response.content ?? {}).find((t) => mediaOf(t) === media);
    if (!key)
      return [
        `${route} ${res.status}: content type ${media || '(none)'} is not documented (documented: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`,
      ];
    if (media !== 'application/json') return []; // a file (CSV, NDJSON): its content type is documented, its body is not JSON Schema's
    const schema = response.content![key].schema;
    if (!describes(schema))
      return [`${route} ${res.status}: the documented schema describes nothing: ${JSON.stringify(schema)}`];
    const id = `${route} ${res.status}`;
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.compile(strictSchema(schema) as Schema);
      this.compiled.set(id, validate);
    }
    const errors = validate(res.body)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${route} ${res.status}: ${e.instancePath || '(body)'} ${e.message}${details(e)} [${e.schemaPath}]`,
        );
    const left = errors.filter((message) => {
      const known = tolerate.find((re) => re.test(message));
      if (known) this.toleratedSeen.add(known);
      return !known;
    });
    if (left.length === 0) this.validated.add(route);
    return left;
  }
}

function details(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `: "${String(p.additionalProperty)}" is not documented`;
  if (e.keyword === 'enum') return `: ${JSON.stringify(p.allowedValues)}`;
  return '';
}
