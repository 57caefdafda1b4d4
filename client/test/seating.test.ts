import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsoleRoundState, OrganizerAttendee } from '@mingle/shared';
import { findPeople, seatsOf } from '../src/console/live/seating';

const member = (id: string, left = false) => ({ id, name: `P ${id}`, company: '', arrived: true, left });
const state = (running: boolean): ConsoleRoundState => ({
  round: { id: 'r', number: 2, state: running ? 'running' : 'ended', startedAt: 0, endsAt: 1, endedAt: null } as ConsoleRoundState['round'],
  groups: [
    { id: 'g1', spot: 'Table 1', icebreaker: '', missing: 0, members: [member('a'), member('b'), member('c', true)] },
    { id: 'g2', spot: 'Table 2', icebreaker: '', missing: 0, members: [member('d'), member('e')] },
  ],
  figures: null,
  autopilot: { state: 'off', roundsLeft: 0, roundMinutes: 8, breakMinutes: 2, nextRoundAt: null },
  past: [],
});

test('a seat names the spot and the others still in the group', () => {
  const seats = seatsOf(state(true));
  assert.equal(seats.get('a')?.spot, 'Table 1');
  assert.deepEqual(
    seats.get('a')?.with.map((m) => m.id),
    ['b'],
  );
  assert.equal(seats.get('c'), undefined, 'someone who left the group sits nowhere');
  assert.equal(seats.get('e')?.spot, 'Table 2');
  assert.equal(seatsOf(state(false)).size, 0, 'nobody sits anywhere between rounds');
});

test('find a person: every word must match, accents ignored, names starting with the query first', () => {
  const people = ['Zoë Adams', 'Adam Zhou', 'Kim Lee', 'Lee Zoellner'].map(
    (name, i) => ({ id: String(i), name, company: i === 2 ? 'Zoetis' : '' }) as OrganizerAttendee,
  );
  assert.deepEqual(
    findPeople(people, 'zoe').map((p) => p.name),
    ['Zoë Adams', 'Lee Zoellner', 'Kim Lee'],
  );
  assert.deepEqual(
    findPeople(people, 'lee zoe').map((p) => p.name),
    ['Lee Zoellner', 'Kim Lee'],
  );
  assert.deepEqual(findPeople(people, '   '), []);
  assert.equal(findPeople(people, 'a', 2).length, 2);
});
