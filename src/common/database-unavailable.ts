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
/**
 * SQLSTATE: 08 connection exception; 57P01-57P05 shutdown / cannot connect now / idle timeouts; 57014 canceled
 * (statement_timeout); 53300 too many connections; 3D000 the database does not exist (dropped, or not yet
 * made); 28000 / 28P01 the server refuses this role (pg_hba, password): the service cannot use its database.
 */
const SQLSTATES = /^(08...|57P0[1-5]|57014|53300|3D000|28000|28P01)$/;
/**
 * 55000 (object not in prerequisite state) is mostly a bad statement, but also what every new connection gets
 * once an administrator closes the database (`ALTER DATABASE … ALLOW_CONNECTIONS false`): only that one counts.
 */
const CLOSED_DATABASE = /is not currently accepting connections/i;
/** TypeORM's error when a transaction's connection was lost and released under it. */
const RELEASED_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /not queryable/i,
  /Connection is not established/i,
  /connect ECONNREFUSED/i,
  /Cannot use a pool after calling end on the pool/i,
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (e.code === '55000' && typeof e.message === 'string' && CLOSED_DATABASE.test(e.message)) return true;
  if (typeof e.name === 'string' && RELEASED_NAMES.has(e.name)) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // TypeORM's QueryFailedError keeps the driver's error; Node wraps causes.
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
