import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_MESSAGES, FIELD_NAMES } from '@mingle/shared/field-messages';
import { createEventBody } from '@mingle/shared/events';
import { joinBody } from '@mingle/shared/attendees';
import { i18n, LANGS } from '../src/i18n/index';
import { ApiError, errorMessage, errorOf } from '../src/lib/api';
import { zodFields } from '../src/lib/form-errors';
import { speak } from './i18n';

const shared = join(import.meta.dirname, '..', '..', 'shared', 'src');

/** Every code a client may be told: the ErrorCode union, the handshake refusals, and the client's own. */
function allCodes(): string[] {
  const errors = readFileSync(join(shared, 'errors.ts'), 'utf8');
  const union = errors.slice(errors.indexOf('export type CommonErrorCode'), errors.indexOf('/**', errors.indexOf('export type ErrorCode')));
  const refusals = readFileSync(join(shared, 'realtime.ts'), 'utf8').match(/export type HandshakeRefusalCode =([^;]+);/)![1]!;
  const codes = [...`${union}${refusals}`.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
  return [...new Set([...codes, 'network', 'too_many_requests', 'http_error'])];
}

test('every error code has a message in every language', () => {
  const codes = allCodes();
  assert.ok(codes.length > 40 && codes.includes('too_many_wrong_codes') && codes.includes('event_deleted'));
  for (const lang of LANGS) {
    speak(lang);
    const missing = codes.filter((code) => !i18n.global.te(`commonErrors.${code}`));
    assert.deepEqual(missing, [], `${lang} lacks messages for these codes`);
  }
});

test('every key of the field-message catalog and every field name has a message in every language', () => {
  for (const lang of LANGS) {
    speak(lang);
    const missing = [
      ...Object.keys(FIELD_MESSAGES).filter((key) => !i18n.global.te(`commonFields.${key}`)),
      ...FIELD_NAMES.filter((name) => !i18n.global.te(`commonFields.names.${name}`)).map((n) => `names.${n}`),
    ];
    assert.deepEqual(missing, [], `${lang} lacks field messages`);
  }
});

const joinRefused = {
  statusCode: 400,
  code: 'invalid_request',
  message: 'name: Enter your name',
  fields: { name: 'Enter your name', 'card.email': 'Enter a valid email address', interests: 'Pick at most 3 interests' },
  fieldCodes: {
    name: { code: 'nameRequired' },
    'card.email': { code: 'emailInvalid' },
    interests: { code: 'pickAtMostInterests', params: { n: 3 } },
  },
};

test('an API error in English reads as the server wrote it', () => {
  speak('en');
  const err = errorOf(400, joinRefused);
  assert.deepEqual(err.fields, joinRefused.fields);
  const few = errorOf(409, { statusCode: 409, code: 'too_few_people', message: 'x', params: { min: 2, n: 1 } });
  assert.equal(errorMessage(few), 'At least 2 people must be present to start a round (1 now)');
  const wrong = errorOf(429, { statusCode: 429, code: 'too_many_wrong_codes', message: 'x', params: { retryAfter: 61 }, retryAfter: 61 });
  assert.equal(errorMessage(wrong), 'Too many wrong codes from this network. Try again in 2 minutes.');
});

test('an API error in German: the code with its params, each field from its code, plurals by vue-i18n', () => {
  speak('de');
  const err = errorOf(400, joinRefused);
  assert.deepEqual(err.fields, {
    name: 'Gib deinen Namen ein',
    'card.email': 'Gib eine gültige E-Mail-Adresse ein',
    interests: 'Wähl höchstens 3 Interessen',
  });
  const few = errorOf(409, { statusCode: 409, code: 'too_few_people', message: 'x', params: { min: 2, n: 1 } });
  assert.equal(errorMessage(few), 'Um eine Runde zu starten, müssen mindestens 2 Personen da sein (gerade 1)');
  const wrong = errorOf(429, { statusCode: 429, code: 'too_many_wrong_codes', message: 'x', params: { retryAfter: 30 } });
  assert.equal(errorMessage(wrong), 'Zu viele falsche Codes aus diesem Netzwerk. Versuch es in 1 Minute erneut.');
  const missing = errorOf(404, { statusCode: 404, code: 'not_found', message: 'Event not found', params: { variant: 'event' } });
  assert.equal(errorMessage(missing), 'Veranstaltung nicht gefunden');
  const transition = errorOf(409, { statusCode: 409, code: 'bad_transition', message: 'x', params: { from: 'ended', to: 'open' } });
  assert.equal(errorMessage(transition), 'Eine Veranstaltung im Zustand „beendet“ kann nicht zu „offen“ wechseln');
});

test('an API error in Spanish, and the client’s own errors', async () => {
  speak('es');
  const err = errorOf(400, {
    ...joinRefused,
    fields: { name: 'Name is at most 40 characters' },
    fieldCodes: { name: { code: 'tooLong', params: { what: 'name', max: 40 } } },
  });
  assert.deepEqual(err.fields, { name: 'Nombre: como máximo 40 caracteres' });
  assert.equal(errorMessage(errorOf(503, undefined)), 'Algo ha fallado en el servidor. Vuelve a intentarlo.');
  assert.equal(errorMessage(errorOf(429, undefined)), 'Demasiados intentos, espera un minuto');
  assert.equal(
    errorMessage(new ApiError(0, 'network', 'offline')),
    'No se puede contactar con el servidor. Revisa tu conexión y vuelve a intentarlo.',
  );
});

test('a code or field message the client does not know shows the server’s English', () => {
  speak('de');
  const err = errorOf(409, {
    statusCode: 409,
    code: 'brand_new_code',
    message: 'Something new happened',
    fields: { x: 'A new rule' },
    fieldCodes: { x: { code: 'brandNewRule' } },
  });
  assert.equal(errorMessage(err), 'Something new happened');
  assert.deepEqual(err.fields, { x: 'A new rule' });
});

test('checks before sending (zod) use the same codes: German and Spanish', () => {
  const bad = joinBody.safeParse({ name: '', interests: [], acceptPrivacy: true, card: { email: 'nope' } });
  assert.equal(bad.success, false);
  speak('de');
  assert.deepEqual(zodFields(bad.error!), {
    name: 'Gib deinen Namen ein',
    interests: 'Wähl mindestens ein Interesse',
    'card.email': 'Gib eine gültige E-Mail-Adresse ein',
  });
  const event = createEventBody.safeParse({ name: 'Treffen', interests: ['A'], groupSize: 9 });
  speak('es');
  assert.deepEqual(zodFields(event.error!), {
    interests: 'Añade al menos 2 etiquetas de interés',
    groupSize: 'El tamaño del grupo es como máximo 8',
  });
});
