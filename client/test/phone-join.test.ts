import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOK_ALIKE_MESSAGE, readJoinCode } from '@mingle/shared/join-code';
import { errorOf } from '../src/lib/api';

test('a typed code maps to one exact code: case, spaces, dots and dashes forgiven', () => {
  assert.deepEqual(readJoinCode('k7m 2qp'), { code: 'K7M2QP' });
  assert.deepEqual(readJoinCode('K7M.2Q-P'), { code: 'K7M2QP' });
});

test('a look-alike is a typo, never a wildcard', () => {
  for (const typed of ['K0M2QP', 'KOM2QP', 'K1M2QP', 'KIM2QP', 'KLM2QP', '000000', 'l7m2qp']) {
    assert.deepEqual(readJoinCode(typed), { problem: 'look_alike' }, typed);
  }
  assert.match(LOOK_ALIKE_MESSAGE, /Codes never contain 0, O, 1, I or L/);
  assert.deepEqual(readJoinCode('K7M2Q'), { problem: 'not_a_code' });
  assert.deepEqual(readJoinCode('K7M2Q%'), { problem: 'not_a_code' });
  assert.deepEqual(readJoinCode('K7M2Q_'), { problem: 'not_a_code' });
});

test('too many wrong codes: the phone says when to try again, from the 429 body', () => {
  const body = { statusCode: 429, code: 'too_many_wrong_codes', message: 'whatever the server said', retryAfter: 1501 };
  const error = errorOf(429, body);
  assert.equal(error.code, 'too_many_wrong_codes');
  assert.equal(error.message, 'Too many wrong codes from this network. Try again in 26 minutes.');
  assert.equal(errorOf(429, { ...body, retryAfter: 20 }).message, 'Too many wrong codes from this network. Try again in 1 minute.');
  // Any other 429 keeps the short general message.
  assert.equal(errorOf(429, { statusCode: 429, code: 'rate_limited', message: 'x' }).code, 'too_many_requests');
});
