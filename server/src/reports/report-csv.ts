import { ERASED_NAME, toCsv, type EventReport } from '@mingle/shared';
import type { Evening } from './evening';

/** Spreadsheets read UTF-8 (non-Latin names) only with a byte order mark first. */
const BOM = '\uFEFF';

const nameOf = (people: Map<string, Evening['people'][number]>, id: string) => people.get(id)?.name.trim() || ERASED_NAME;
const byText = new Intl.Collator('en').compare;

/** Who sat where: every round, every group, names only (no company, no contact detail). */
export function seatingCsv(evening: Evening): string {
  const people = new Map(evening.people.map((p) => [p.id, p]));
  const numberOf = new Map(evening.rounds.map((r) => [r.id, r.number]));
  const groupOf = new Map(evening.groups.map((g) => [g.id, g]));
  const rows = evening.seats
    .map((s) => {
      const group = groupOf.get(s.groupId);
      return {
        round: numberOf.get(s.roundId) ?? 0,
        position: group?.position ?? 0,
        spot: group?.spot ?? '',
        name: nameOf(people, s.attendeeId),
      };
    })
    .sort((x, y) => x.round - y.round || x.position - y.position || byText(x.name, y.name));
  return BOM + toCsv([['round', 'spot', 'name'], ...rows.map((r) => [r.round, r.spot, r.name])]);
}

/** Who met whom: each pair that shared a group, in each round, names only. */
export function meetingsCsv(evening: Evening): string {
  const people = new Map(evening.people.map((p) => [p.id, p]));
  const groupOf = new Map(evening.groups.map((g) => [g.id, g]));
  const rows = evening.meetings
    .map((m) => {
      const [first, second] = [nameOf(people, m.a), nameOf(people, m.b)].sort(byText) as [string, string];
      const group = groupOf.get(m.groupId);
      return { round: m.roundNumber, position: group?.position ?? 0, spot: group?.spot ?? '', first, second };
    })
    .sort((x, y) => x.round - y.round || x.position - y.position || byText(x.first, y.first) || byText(x.second, y.second));
  return BOM + toCsv([['round', 'spot', 'name', 'met'], ...rows.map((r) => [r.round, r.spot, r.first, r.second])]);
}

/** The report's figures: one block per table, a blank line between. Counts only. */
export function figuresCsv(report: EventReport): string {
  const { attendance: a, totals: t } = report;
  const blocks = [
    toCsv([
      ['figure', 'value'],
      ['event', report.event.name],
      ['report made', report.madeAt],
      ['final', report.final ? 'yes' : 'no (so far)'],
      ['joined', a.joined],
      ['connected', a.connected],
      ['left', a.left],
      ['removed', a.removed],
      ['erased', a.erased],
      ['rounds', t.rounds],
      ['meetings', t.meetings],
      ['pairs met', t.pairsMet],
      ['swaps asked', t.swapsAsked],
      ['matches', t.matches],
      ['match rate', t.matchRate],
      ...(t.help
        ? [
            ['help matches', t.help.matches],
            ['asks met at least once', `${t.help.asksMet} of ${t.help.asks}`],
          ]
        : []),
    ]),
    toCsv([
      [
        'round',
        'started',
        'minutes',
        'present',
        'groups',
        'meetings',
        'repeat pairs',
        'colleague pairs',
        'mean shared interests',
        'swaps asked',
        'matches',
        'match rate',
        ...(t.help ? ['help matches', 'asks met so far'] : []),
      ],
      ...report.rounds.map((r) => [
        r.number,
        r.startedAt,
        r.minutes,
        r.present,
        r.groups,
        r.meetings,
        r.repeatPairs,
        r.colleaguePairs,
        r.meanSharedInterests,
        r.swapsAsked,
        r.matches,
        r.matchRate,
        ...(t.help ? [r.help?.matches ?? '', r.help ? `${r.help.asksMet} of ${r.help.asks}` : ''] : []),
      ]),
    ]),
    toCsv([
      ['interest', 'pairs met', 'matches', 'match rate'],
      ...report.interests.map((i) => [i.interest, i.pairs, i.matches, i.matchRate]),
    ]),
  ];
  return BOM + blocks.join('\r\n');
}
