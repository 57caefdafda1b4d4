import type { Groupmate, MyGroup, RoundInfo } from './rounds';

/** One member of a group as all its phones get it: what a groupmate may see, plus the member's own marks. */
export interface GroupNewsMember extends Omit<Groupmate, 'shared'> {
  /** moved here mid-round (late join or a group repaired) */
  moved: boolean;
}

/**
 * A group of the running round, the same for each of its members, so it is sent once to all of them
 * (encoded once); each phone finds itself in `members` and makes its own view with `myGroupFrom`.
 * Never a contact field: every member is what groupmates see of each other anyway.
 */
export interface GroupNews {
  roundId: string;
  groupId: string;
  spot: string;
  icebreaker: string;
  /** interests the whole group has in common, else the ones most members share */
  sharedInterests: string[];
  /** everyone placed here this round, in join order, including those who left */
  members: GroupNewsMember[];
  /**
   * Set when this news starts the round: the phone takes the round from here, as from `round:changed`,
   * which at a start goes only to those in no group (one message per phone instead of two).
   */
  round?: RoundInfo;
}

/** Someone tapped "I'm here": the smallest news a group's phones get. */
export interface GroupArrival {
  groupId: string;
  attendeeId: string;
}

/** Whose phones in a group are not connected now (a dropped socket, or back again): sent to the group's phones. */
export interface GroupPresence {
  groupId: string;
  /** members (not left) with no socket connected */
  offline: string[];
}

/** One member's view of their group: the others with what they share with me; null if I am not in it. */
export function myGroupFrom(news: GroupNews, attendeeId: string): MyGroup | null {
  const mine = news.members.find((m) => m.id === attendeeId && !m.left);
  if (!mine) return null;
  return {
    roundId: news.roundId,
    groupId: news.groupId,
    spot: news.spot,
    icebreaker: news.icebreaker,
    sharedInterests: news.sharedInterests,
    members: news.members
      .filter((m) => m !== mine)
      .map(({ moved: _moved, ...mate }) => ({ ...mate, shared: mate.interests.filter((t) => mine.interests.includes(t)) })),
    moved: mine.moved,
    arrived: mine.arrived,
  };
}

/** My group after an arrival: me, or the groupmate who arrived, marked here. Another group's arrival changes nothing. */
export function withArrival(group: MyGroup, arrival: GroupArrival, attendeeId: string): MyGroup {
  if (arrival.groupId !== group.groupId) return group;
  if (arrival.attendeeId === attendeeId) return { ...group, arrived: true };
  return { ...group, members: group.members.map((m) => (m.id === arrival.attendeeId ? { ...m, arrived: true } : m)) };
}
