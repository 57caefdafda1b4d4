import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttendeeRoundState, Groupmate, MyGroup, RoundInfo } from '@mingle/shared';
import { minuteLeftDue, roundTitle, startedRound } from '../src/phone/cue-rules';
import { groupLine, mateLine } from '../src/phone/in-common';
import { findOnBoard } from '../src/phone/room-search';
import type { Said } from '../src/phone/said';
import { i18n } from '../src/i18n/index';
import { speak } from './i18n';

/** A sentence in the language spoken now, as the phone shows it. */
const say = (s: Said | null) => (s ? i18n.global.t(s.key, s.params) : '');

const round = (id: string, state: 'running' | 'ended' = 'running'): RoundInfo => ({
  id,
  number: 2,
  state,
  startedAt: 0,
  endsAt: 480_000,
  endedAt: null,
});
const group = (roundId: string): MyGroup => ({
  roundId,
  groupId: 'g',
  spot: 'Table 3',
  icebreaker: '',
  sharedInterests: [],
  members: [],
  moved: false,
  arrived: false,
});
const state = (r: RoundInfo | null, g: MyGroup | null): AttendeeRoundState => ({ round: r, group: g, nextRoundAt: null });

test('a round start is cued once, only with my group, and never for the round the page opened in', () => {
  assert.equal(startedRound('r1', state(round('r2'), group('r2'))), true);
  assert.equal(startedRound(null, state(round('r2'), group('r2'))), true);
  // The page opened during the round: not a start.
  assert.equal(startedRound(undefined, state(round('r2'), group('r2'))), false);
  // Already cued.
  assert.equal(startedRound('r2', state(round('r2'), group('r2'))), false);
  // The round's news came before my group's: wait for the group.
  assert.equal(startedRound('r1', state(round('r2'), null)), false);
  assert.equal(startedRound('r1', state(round('r2'), group('r1'))), false);
  // An ended round is no start.
  assert.equal(startedRound('r1', state(round('r2', 'ended'), group('r2'))), false);
});

test('the tab title names the spot and the round', () => {
  speak('en');
  assert.equal(say(roundTitle('Table 3', 2)), '● Table 3 — Round 2');
  assert.equal(say(roundTitle(null, 4)), '● Round 4 started');
  speak('de');
  assert.equal(say(roundTitle('Tisch 3', 2)), '● Tisch 3 – Runde 2');
  speak('en');
});

test('"1 minute left" is due within the last minute of a round longer than a minute', () => {
  assert.equal(minuteLeftDue(60_000, 480_000), true);
  assert.equal(minuteLeftDue(1_000, 480_000), true);
  assert.equal(minuteLeftDue(61_000, 480_000), false);
  assert.equal(minuteLeftDue(0, 480_000), false);
  assert.equal(minuteLeftDue(null, 480_000), false);
  // A one-minute round has no "last minute" to announce.
  assert.equal(minuteLeftDue(30_000, 60_000), false);
});

const mate = (name: string, shared: string[], left = false): Groupmate => ({
  id: name,
  name,
  headline: '',
  company: '',
  interests: shared,
  shared,
  arrived: false,
  left,
});

test('"In common" speaks to the reader: what I share with each groupmate, and a group line only for what all share', () => {
  speak('en');
  assert.equal(say(mateLine(mate('Dev Okafor', ['Climate']))), 'You and Dev both like Climate');
  assert.equal(say(mateLine(mate('Ana Lima', ['AI', 'Design', 'Food']))), 'You and Ana both like AI, Design and Food');
  assert.equal(mateLine(mate('Raj', [])), null);
  // Eve picked AI; Dev shares AI with her, Ana shares AI and Design: the group line says AI only.
  assert.equal(say(groupLine([mate('Dev', ['AI']), mate('Ana', ['AI', 'Design'])])), 'You all like AI');
  // Nothing shared by all: no group line at all (never "In common: AI, Design and Food").
  assert.equal(groupLine([mate('Dev', ['Climate']), mate('Ana', ['AI'])]), null);
  // Someone who left does not count; one groupmate alone is said on their card.
  assert.equal(say(groupLine([mate('Dev', ['AI']), mate('Ana', [], true), mate('Li', ['AI', 'Food'])])), 'You all like AI');
  assert.equal(groupLine([mate('Dev', ['AI'])]), null);
  // In Spanish, with Spanish list words.
  speak('es');
  assert.equal(say(mateLine(mate('Ana Lima', ['IA', 'Diseño', 'Comida']))), 'A Ana y a ti os gusta IA, Diseño y Comida');
  assert.equal(say(groupLine([mate('Dev', ['IA']), mate('Ana', ['IA'])])), 'A todos os gusta IA');
  speak('en');
});

test('"find my name" matches every typed word, without case or accents, within a limit', () => {
  const board = [
    { name: 'Zoë K.', spot: 'Table 1' },
    { name: 'Ana L.', spot: 'Table 2' },
    { name: 'Ana M.', spot: 'Table 3' },
    { name: 'Joana P.', spot: 'Table 4' },
  ];
  assert.deepEqual(findOnBoard(board, 'zoe').entries, [{ name: 'Zoë K.', spot: 'Table 1' }]);
  assert.deepEqual(
    findOnBoard(board, 'ana m').entries.map((e) => e.spot),
    ['Table 3'],
  );
  assert.equal(findOnBoard(board, 'ana').total, 3);
  assert.deepEqual(findOnBoard(board, 'ana', 2), { entries: board.slice(1, 3), total: 3 });
  assert.deepEqual(findOnBoard(board, '   '), { entries: [], total: 0 });
  assert.equal(findOnBoard(board, 'xavier').total, 0);
});
