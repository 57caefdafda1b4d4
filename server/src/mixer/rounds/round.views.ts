import {
  boardNames,
  myGroupFrom,
  type BoardEntry,
  type ConsoleGroup,
  type GroupNews,
  type GroupNewsMember,
  type MyGroup,
  type RoundInfo,
} from '@mingle/shared';
import type { Attendee } from '../../attendees/attendee.entity';
import { historyName } from '../../attendees/attendee.views';
import { helpPicks } from '../../attendees/help-topics';
import { screenCheck } from '../../moderation/name-check';
import type { Round } from './round.entity';
import { groupOf, remaining, type Member, type RoundGroup, type RoundPicture } from './round-picture';

export function toRoundInfo(r: Round): RoundInfo {
  // readers never get a staged round (RoundsRepository hides them): one here is a bug, not a view
  if (r.state === 'staged') throw new Error(`round ${r.id} is only staged`);
  return { id: r.id, number: r.number, state: r.state, startedAt: r.startedAt, endsAt: r.endsAt, endedAt: r.endedAt };
}

/** Interests the whole group shares; failing that, those at least two members share, most common first. */
export function sharedInterests(people: Array<Pick<Attendee, 'interests'>>): string[] {
  const counts = new Map<string, number>();
  for (const p of people) for (const t of new Set(p.interests)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const all = [...counts].filter(([, n]) => n === people.length && people.length > 1).map(([t]) => t);
  if (all.length) return all;
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
}

/**
 * What a groupmate sees of another (name, headline, company, interests; gives, asks and their line when
 * the round used them), never a contact field; the same for every member.
 */
function toGroupNewsMember(member: Member, helpTopics: string[] | null): GroupNewsMember {
  const a = member.attendee;
  return {
    ...(helpTopics ? helpPicks(helpTopics, a) : {}),
    id: a.id,
    name: historyName(a),
    headline: a.headline,
    company: a.company,
    interests: a.interests,
    arrived: member.arrivedAt !== null,
    left: member.leftAt !== null,
    moved: member.moved,
  };
}

/** Each group's news, made once per group picture: a picture is never changed once made (a staged round's are made ahead). */
const madeNews = new WeakMap<RoundGroup, GroupNews>();

/** A group as every one of its phones gets it, once for all of them. */
export function toGroupNews(round: Round, group: RoundGroup): GroupNews {
  const made = madeNews.get(group);
  if (made?.roundId === round.id) return made;
  const news = {
    roundId: round.id,
    groupId: group.id,
    spot: group.spot,
    icebreaker: group.icebreaker,
    sharedInterests: sharedInterests(remaining(group).map((m) => m.attendee)),
    members: group.members.map((m) => toGroupNewsMember(m, round.helpTopics ?? null)),
  };
  madeNews.set(group, news);
  return news;
}

/** One member's view, made from the group's news exactly as their phone makes it. */
export function toMyGroup(picture: RoundPicture, attendeeId: string): MyGroup | null {
  const group = groupOf(picture, attendeeId);
  return group ? myGroupFrom(toGroupNews(picture.round, group), attendeeId) : null;
}

/**
 * The find-your-table board: everyone still in a group, with as much of their last name as tells them
 * apart in this round ("Ana Lop." beside "Ana Lob."), never a contact detail. People the organizer hid,
 * and names with an offensive word (built-in or the event's `blockedWords`), are left out.
 */
export function toBoard(picture: RoundPicture | null, blockedWords: readonly string[]): BoardEntry[] {
  if (!picture) return [];
  const shown = screenCheck(blockedWords);
  const seated = picture.groups.flatMap((g) =>
    remaining(g)
      .filter((m) => shown(m.attendee))
      .map((m) => ({ name: m.attendee.name, spot: g.spot })),
  );
  const names = boardNames(seated.map((s) => s.name));
  return seated.map((s, i) => ({ name: names[i]!, spot: s.spot })).sort((a, b) => a.name.localeCompare(b.name));
}

export function toConsoleGroups(picture: RoundPicture | null): ConsoleGroup[] {
  if (!picture) return [];
  return picture.groups.map((g) => {
    const members = g.members.map((m) => ({
      id: m.attendee.id,
      name: historyName(m.attendee),
      company: m.attendee.company,
      arrived: m.arrivedAt !== null,
      left: m.leftAt !== null,
    }));
    return {
      id: g.id,
      spot: g.spot,
      icebreaker: g.icebreaker,
      members,
      missing: members.filter((m) => !m.arrived && !m.left).length,
    };
  });
}
