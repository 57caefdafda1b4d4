import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrganizerAttendee } from '@mingle/shared';
import { isLongOffline, presenceLabel } from '../src/console/live/attendee-presence';
import { speak } from './i18n';

speak('en');

const now = Date.parse('2026-05-01T18:30:00Z');
const person = (over: Partial<OrganizerAttendee>): OrganizerAttendee => ({
  id: 'a',
  name: 'Ana',
  headline: '',
  company: '',
  interests: [],
  status: 'active',
  online: false,
  neverConnected: false,
  offlineSince: null,
  joinedAt: '2026-05-01T18:00:00Z',
  ...over,
});
const ago = (ms: number) => new Date(now - ms).toISOString();

test('the console says who is online, offline for how long, or never connected', () => {
  assert.equal(presenceLabel(person({ online: true }), now), 'Online');
  assert.equal(presenceLabel(person({ neverConnected: true }), now), 'Never connected');
  assert.equal(presenceLabel(person({ offlineSince: ago(30_000) }), now), 'Offline');
  assert.equal(presenceLabel(person({ offlineSince: ago(3 * 60_000 + 5_000) }), now), 'Offline 3 min');
  assert.equal(presenceLabel(person({ offlineSince: ago(125 * 60_000) }), now), 'Offline 2 h');
  assert.equal(presenceLabel(person({ status: 'away', offlineSince: ago(5 * 60_000) }), now), 'On a break');
});

test('only people here and offline for over a minute can be left out', () => {
  assert.equal(isLongOffline(person({ offlineSince: ago(61_000) }), now), true);
  assert.equal(isLongOffline(person({ offlineSince: ago(59_000) }), now), false);
  assert.equal(isLongOffline(person({ online: true }), now), false);
  assert.equal(isLongOffline(person({ neverConnected: true }), now), false);
  assert.equal(isLongOffline(person({ status: 'away', offlineSince: ago(10 * 60_000) }), now), false);
});
