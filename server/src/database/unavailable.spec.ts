import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isServiceUnavailable } from './unavailable';

describe('isServiceUnavailable', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['refused on every address', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''), {})],
    [
      'admin shutdown',
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ],
    ['not accepting yet', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection failure', Object.assign(new Error('x'), { code: '08006' })],
    ['pool client dropped', new Error('Connection terminated unexpectedly')],
    ['a transaction whose connection died', new QueryRunnerAlreadyReleasedError()],
  ])('recognises %s', (_, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key value'), { code: '23505' }))],
    [
      'a SQLite constraint',
      new QueryFailedError('INSERT', [], Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })),
    ],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });
});
