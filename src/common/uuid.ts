/** A UUID written as text: 8-4-4-4-12 hexadecimal digits, either case, any version. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is a UUID (either case): what may be looked up in a uuid column without a 22P02 error. */
export const isUuid = (s: string): boolean => UUID_PATTERN.test(s);
