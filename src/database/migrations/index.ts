/** Every migration in order; the only source of the schema. */
export const MIGRATIONS: Function[] = [];
