import { randomUUID } from 'node:crypto';

/**
 * The service's OpenAPI document as tests read it: its operations (method, path, parameters, body
 * schema, scopes) and values sampled from its schemas. Used by the hostile-input and access-matrix tests.
 */

/** The JSON Schema keywords (OpenAPI 3.0 flavour) the tests read; other keywords are kept as they are. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  [keyword: string]: unknown;
}
export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
export interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  security?: unknown[];
  [field: string]: unknown;
}
/** A path's operations by lower-case method, beside parameters common to them. */
export type PathItem = { parameters?: Parameter[] } & { [method: string]: Operation };
export type OpenApiDoc = {
  paths: Record<string, PathItem>;
  components?: { schemas?: Record<string, Schema> };
};

export interface ParamSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

export interface ApiOperation {
  readonly method: string;
  /** OpenAPI template, e.g. `/api/v1/subjects/{id}`. */
  readonly path: string;
  readonly params: readonly ParamSpec[];
  readonly body?: { readonly contentTypes: readonly string[]; readonly schema: Schema; readonly example: unknown };
  /** Declares a security requirement (an API key). */
  readonly secured: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDoc): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || Array.isArray(op)) continue;
      const seen = new Set<string>();
      const params: ParamSpec[] = [];
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        if (!['path', 'query', 'header'].includes(p.in)) continue;
        const key = `${p.in}:${p.name.toLowerCase()}`;
        const prev = params.findIndex((x) => `${x.in}:${x.name.toLowerCase()}` === key);
        // @nestjs/swagger may list a header twice (`if-match` required, `If-Match` described): merge them.
        // The described one is the declaration (@ApiHeader); the bare one comes from a @Headers() argument.
        if (prev >= 0) {
          if (p.description) params[prev] = { ...params[prev], required: !!p.required };
          continue;
        }
        seen.add(key);
        params.push({
          name: p.in === 'header' ? p.name.toLowerCase() : p.name,
          in: p.in as ParamSpec['in'],
          required: p.in === 'path' || !!p.required,
          schema: deref(doc, p.schema ?? {}),
        });
      }
      let body: ApiOperation['body'];
      const content = op.requestBody?.content;
      if (content) {
        const types = Object.keys(content);
        const json = content['application/json'] ?? content[types[0]];
        const examples = json.examples
          ? Object.values(json.examples).map((e) => e.value)
          : json.example !== undefined
            ? [json.example]
            : [];
        const schema = deref(doc, json.schema ?? {});
        body = {
          contentTypes: types,
          schema,
          example: examples.find((e) => e !== null && typeof e === 'object') ?? sampleValue(doc, schema),
        };
      }
      out.push({
        method: method.toUpperCase(),
        path,
        params,
        body,
        secured: Array.isArray(op.security) && op.security.length > 0,
      });
    }
  }
  return out;
}

/** A schema with its `$ref` resolved and an `allOf` merged (one level is all @nestjs/swagger emits). */
export function deref(doc: OpenApiDoc, schema: Schema, depth = 0): Schema {
  if (depth > 20 || !schema || typeof schema !== 'object') return {};
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return deref(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return schema.allOf.reduce<Schema>(
      (acc, s) => {
        const d = deref(doc, s, depth + 1);
        return {
          ...acc,
          ...d,
          properties: { ...acc.properties, ...d.properties },
          required: [...(acc.required ?? []), ...(d.required ?? [])],
        };
      },
      { ...schema, allOf: undefined },
    );
  }
  return schema;
}

/** A value the schema describes: its example, default or first enum value, else one built from its type. */
export function sampleValue(doc: OpenApiDoc, raw: Schema, depth = 0): unknown {
  const s = deref(doc, raw);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if (Array.isArray(s.oneOf) && s.oneOf.length) return sampleValue(doc, s.oneOf[0], depth + 1);
  switch (s.type ?? '') {
    case 'string':
      return s.format === 'uuid'
        ? randomUUID()
        : s.format === 'date'
          ? '2025-06-30'
          : s.format === 'date-time'
            ? '2025-06-30T00:00:00+08:00'
            : 'x';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 5 ? [] : [sampleValue(doc, s.items ?? {}, depth + 1)];
    default: {
      if (depth > 5 || !s.properties) return {};
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sampleValue(doc, s.properties[k] ?? {}, depth + 1);
      return out;
    }
  }
}
