import { test } from 'node:test';
import assert from 'node:assert/strict';
// The schema file directly: shared is a CommonJS package, so its re-exports are not visible to ESM here.
import { createEventBody } from '../../shared/src/events';
import { formatInZone, instantToIso, isoToZonedLocal, offsetMinutes, zonedLocalToIso } from '../src/lib/datetime';
import { speak } from './i18n';

test('winter and summer offsets in Europe/Paris', () => {
  assert.equal(zonedLocalToIso('2026-12-01T18:30', 'Europe/Paris'), '2026-12-01T18:30:00+01:00');
  assert.equal(zonedLocalToIso('2026-07-01T09:05', 'Europe/Paris'), '2026-07-01T09:05:00+02:00');
});

test('negative, half-hour and zero offsets', () => {
  assert.equal(zonedLocalToIso('2026-01-15T08:00', 'America/New_York'), '2026-01-15T08:00:00-05:00');
  assert.equal(zonedLocalToIso('2026-06-15T08:00', 'America/New_York'), '2026-06-15T08:00:00-04:00');
  assert.equal(zonedLocalToIso('2026-03-10T20:15', 'Asia/Kolkata'), '2026-03-10T20:15:00+05:30');
  assert.equal(zonedLocalToIso('2026-03-10T20:15', 'Asia/Kathmandu'), '2026-03-10T20:15:00+05:45');
  assert.equal(zonedLocalToIso('2026-03-10T20:15', 'UTC'), '2026-03-10T20:15:00+00:00');
});

test('the instant is right, not only the text', () => {
  const iso = zonedLocalToIso('2026-12-01T18:30', 'Australia/Sydney')!;
  assert.equal(new Date(iso).toISOString(), '2026-12-01T07:30:00.000Z');
});

test('hours around DST changes', () => {
  // Just before the spring jump in Paris (02:00 -> 03:00 on 29 March 2026).
  assert.equal(zonedLocalToIso('2026-03-29T01:30', 'Europe/Paris'), '2026-03-29T01:30:00+01:00');
  // 02:30 does not exist: it moves forward by the jump.
  assert.equal(zonedLocalToIso('2026-03-29T02:30', 'Europe/Paris'), '2026-03-29T03:30:00+02:00');
  assert.equal(zonedLocalToIso('2026-03-08T02:30', 'America/New_York'), '2026-03-08T03:30:00-04:00');
  // 02:30 happens twice in October: a valid answer either way, and it round-trips.
  const autumn = zonedLocalToIso('2026-10-25T02:30', 'Europe/Paris')!;
  assert.match(autumn, /^2026-10-25T02:30:00\+0[12]:00$/);
  assert.equal(isoToZonedLocal(autumn, 'Europe/Paris'), '2026-10-25T02:30');
});

test('round trip through the datetime-local value', () => {
  for (const tz of ['Europe/Paris', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland', 'UTC']) {
    const iso = zonedLocalToIso('2026-05-20T07:45', tz)!;
    assert.equal(isoToZonedLocal(iso, tz), '2026-05-20T07:45');
  }
  assert.equal(isoToZonedLocal('2026-12-01T17:30:00Z', 'Europe/Paris'), '2026-12-01T18:30');
});

test('rejects what is not a date-time', () => {
  assert.equal(zonedLocalToIso('', 'UTC'), null);
  assert.equal(zonedLocalToIso('2026-12-01', 'UTC'), null);
  assert.equal(isoToZonedLocal('nope', 'UTC'), '');
});

test('offsets and formatting', () => {
  assert.equal(offsetMinutes(Date.UTC(2026, 0, 1), 'Asia/Kolkata'), 330);
  assert.equal(instantToIso(Date.UTC(2026, 0, 1, 12), 'America/Sao_Paulo'), '2026-01-01T09:00:00-03:00');
  speak('en');
  assert.equal(formatInZone(null, 'UTC'), 'Not set');
  assert.match(formatInZone('2026-12-01T17:30:00Z', 'Europe/Paris', 'en-GB'), /18:30/);
  assert.match(formatInZone('2026-12-01T17:30:00Z', 'Europe/Paris'), /Dec 1, 2026, 6:30\sPM/);
});

test('dates speak the active language', () => {
  speak('de');
  assert.equal(formatInZone(null, 'UTC'), 'Nicht festgelegt');
  assert.match(formatInZone('2026-12-01T17:30:00Z', 'Europe/Paris'), /1\. Dez\. 2026, 18:30/);
  speak('es');
  assert.equal(formatInZone(null, 'UTC'), 'Sin fijar');
  assert.match(formatInZone('2026-12-01T17:30:00Z', 'Europe/Paris'), /1 dic 2026, 18:30/);
  speak('en');
});

test('the shared schema accepts what the helper makes', () => {
  const startsAt = zonedLocalToIso('2026-12-01T18:30', 'Asia/Kolkata')!;
  const parsed = createEventBody.safeParse({ name: 'Meetup', interests: ['a', 'b'], startsAt, timeZone: 'Asia/Kolkata' });
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
});
