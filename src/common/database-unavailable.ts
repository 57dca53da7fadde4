/**
 * Errors that mean "the database cannot be reached or did not answer in time" (as opposed to a bad
 * statement): the connection was refused, reset or timed out, the driver's own deadline passed, the
 * server is shutting down or refused the connection, a statement ran past statement_timeout. These are
 * answered 503 (retry later, or on another instance), never a generic 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATE: 08 connection exception; 57P01-57P05 shutdown / cannot connect now / idle timeouts; 57014 canceled (statement_timeout); 53300 too many connections. */
const SQLSTATES = /^(08...|57P0[1-5]|57014|53300)$/;
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /not queryable/i,
  /Connection is not established/i,
  /connect ECONNREFUSED/i,
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // TypeORM's QueryFailedError keeps the driver's error; Node wraps causes.
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
