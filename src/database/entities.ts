/** Every TypeORM entity, listed once; each lives with its feature module. */
export const ENTITIES: Function[] = [];
