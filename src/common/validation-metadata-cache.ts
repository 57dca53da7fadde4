import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator recomputes a class's validation metadata (its own decorators and its base classes', with
 * the duplicates filtered out pairwise) on every validate call: for an import row of RecordRowDto that is
 * most of the cost of validating it. The answer only changes when decorators are registered, so it is kept
 * per (class, schema, options) and forgotten whenever a decorator or schema is added. Same metadata, in the
 * same order: validation answers are unchanged. Idempotent.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map<string, ReturnType<Lookup>>()));
    let found = byOptions.get(options);
    if (!found) byOptions.set(options, (found = lookup(target, schema, always, strictGroups, groups)));
    // A copy: callers may not rely on the array staying theirs, but they must not change the cached one.
    return [...found];
  };
  for (const name of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const slots = storage as unknown as Record<string, (arg: never) => void>;
    const add = slots[name].bind(storage);
    slots[name] = (arg: never) => {
      cache.clear();
      add(arg);
    };
  }
}
