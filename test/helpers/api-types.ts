import type { components } from '../../console/src/api/schema';

/** A response or request body as the OpenAPI document states it (console/src/api/schema.d.ts, from openapi.json). */
export type Dto<K extends keyof components['schemas']> = components['schemas'][K];

/** A page of items, as the list routes answer. */
export interface Page<T> {
  items: T[];
}
