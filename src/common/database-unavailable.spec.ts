import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { toProblem } from './problem.filter';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET', 'read ECONNRESET')],
    ['the pool giving up on a connect', new Error('timeout exceeded when trying to connect')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ["the driver's own query deadline", new Error('Query read timeout')],
    ['a server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['statement_timeout (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['a connection exception (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['a driver error wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
    [
      'a database closed to connections (55000)',
      withCode('55000', 'database "credit" is not currently accepting connections'),
    ],
    ['a dropped database (3D000)', withCode('3D000', 'database "credit" does not exist')],
    ['a role the server refuses (28P01)', withCode('28P01', 'password authentication failed for user "credit"')],
    [
      "a transaction's connection released under it",
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ],
  ])('%s: yes', (_, err) => expect(isDatabaseUnavailable(err)).toBe(true));

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['another 55000: a sequence not yet used', withCode('55000', 'currval of sequence "s" is not yet defined')],
    ['a syntax error (42601)', new QueryFailedError('SELEC 1', [], withCode('42601', 'syntax error'))],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('%s: no', (_, err) => expect(isDatabaseUnavailable(err)).toBe(false));

  it('is answered 503 DATABASE_UNAVAILABLE (problem details), other unknown errors stay a generic 500', () => {
    const p = toProblem(new Error('Connection terminated unexpectedly'), '/api/v1/checks', 'req-1');
    expect(p).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      instance: '/api/v1/checks',
      requestId: 'req-1',
    });
    expect(p.detail).not.toMatch(/terminated/);
    expect(toProblem(new TypeError('boom'), '/x', 'r')).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
