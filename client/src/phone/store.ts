import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AttendeeRoundState, MetPerson, MyGroup, MyProfile, PublicEvent, RoomCounts, RoundInfo, Snapshot } from '@mingle/shared';
import { myGroupFrom, withArrival, type GroupArrival, type GroupNews, type GroupPresence } from '@mingle/shared/group-news';
import { ApiError, apiClient } from '../lib/api';
import { arrivedGroups, forgetJoin, rememberArrived, storedJoin } from './tokens';

export type GoneKind = 'removed' | 'erased' | 'deleted' | 'unknown' | 'not-joined';
export interface Gone {
  kind: GoneKind;
  message: string;
}

export { REMOVED_MESSAGE as REMOVED_TEXT } from '@mingle/shared/texts';
import { i18n } from '../i18n';
import { REMOVED_MESSAGE as REMOVED_TEXT } from '@mingle/shared/texts';

/** One attendee's view of one event: what the snapshot and the news say, plus people I met. */
export const usePhoneStore = defineStore('phone', () => {
  const eventId = ref('');
  const token = ref<string | null>(null);
  const code = ref('');
  const event = shallowRef<PublicEvent | null>(null);
  const me = shallowRef<MyProfile | null>(null);
  const presence = shallowRef<RoomCounts | null>(null);
  const rounds = shallowRef<AttendeeRoundState>({ round: null, group: null, nextRoundAt: null });
  const people = shallowRef<MetPerson[] | null>(null);
  const peopleError = ref('');
  /** the newest match, shown as an overlay until dismissed */
  const match = shallowRef<MetPerson | null>(null);
  const gone = shallowRef<Gone | null>(null);
  /** server clock minus this device's, in ms */
  const offset = ref(0);
  const arrived = ref<string[]>(arrivedGroups());
  /** a snapshot was applied: the state is the server's, not the empty start */
  const synced = ref(false);
  /** groupmates whose phone is not connected now */
  const offline = ref<string[]>([]);

  const api = computed(() => apiClient({ token: token.value }));
  const serverNow = () => Date.now() + offset.value;

  /** Group of the running round, if this phone is placed. */
  const group = computed<MyGroup | null>(() => {
    const r = rounds.value;
    return r.round && r.round.state === 'running' && r.group && r.group.roundId === r.round.id ? r.group : null;
  });
  /** The group of the round that just ended: kept, to swap contacts, until the next round starts. */
  const endedGroup = computed<MyGroup | null>(() => {
    const r = rounds.value;
    return r.round && r.round.state === 'ended' && r.group && r.group.roundId === r.round.id ? r.group : null;
  });
  const iArrived = computed(() => !!group.value && (group.value.arrived || arrived.value.includes(group.value.groupId)));

  function open(id: string): void {
    if (eventId.value === id && token.value) return;
    eventId.value = id;
    const stored = storedJoin(id);
    token.value = stored?.token ?? null;
    code.value = stored?.code ?? '';
    event.value = null;
    me.value = null;
    presence.value = null;
    rounds.value = { round: null, group: null, nextRoundAt: null };
    people.value = null;
    match.value = null;
    synced.value = false;
    offline.value = [];
    gone.value = stored ? null : { kind: 'not-joined', message: '' };
  }

  function applySnapshot(s: Extract<Snapshot, { role: 'attendee' }>): void {
    event.value = s.event;
    me.value = s.me;
    presence.value = s.presence;
    rounds.value = s.rounds;
    offline.value = s.rounds.offline ?? [];
    synced.value = true;
    // A snapshot may follow news this phone missed (a reconnect, Redis back): a match, for one.
    if (people.value) void loadPeople(true);
  }

  function setRounds(s: AttendeeRoundState): void {
    const before = rounds.value.group?.groupId;
    rounds.value = s;
    if (s.group?.groupId !== before) offline.value = [];
    // A new group means new people to swap with: refresh the list quietly.
    if (s.group && s.group.groupId !== before) void loadPeople(true);
  }

  function roundChanged(round: RoundInfo | null, nextRoundAt: number | null): void {
    const cur = rounds.value.group;
    // The group stays while its round runs, and after it ends (to swap) until the next one starts.
    const keep = round && cur?.roundId === round.id ? cur : null;
    if (!keep) offline.value = [];
    rounds.value = { round, nextRoundAt, group: keep };
    if (round?.state === 'ended') void loadPeople(true);
  }

  function groupChanged(g: MyGroup): void {
    rounds.value = { ...rounds.value, group: g };
  }

  /** My group's news, the same for every member: this phone makes its own view of it. */
  function groupNews(news: GroupNews): void {
    if (news.round) roundChanged(news.round, null);
    const mine = me.value && myGroupFrom(news, me.value.id);
    if (!mine) return;
    const before = rounds.value.group?.groupId;
    if (mine.groupId !== before) offline.value = [];
    groupChanged(mine);
    // A new group means new people to swap with: refresh the list quietly.
    if (mine.groupId !== before) void loadPeople(true);
  }

  function groupArrived(arrival: GroupArrival): void {
    const g = rounds.value.group;
    if (g && me.value) groupChanged(withArrival(g, arrival, me.value.id));
  }

  function groupPresence(news: GroupPresence): void {
    if (rounds.value.group?.groupId === news.groupId) offline.value = news.offline;
  }

  function markArrived(groupId: string): void {
    if (!arrived.value.includes(groupId)) arrived.value = [...arrived.value, groupId];
    rememberArrived(groupId);
  }

  function upsertPerson(p: MetPerson): void {
    const list = people.value ?? [];
    const i = list.findIndex((x) => x.id === p.id);
    people.value = i === -1 ? [...list, p] : list.map((x) => (x.id === p.id ? p : x));
  }

  function matchMade(p: MetPerson): void {
    upsertPerson(p);
    match.value = p;
  }

  function setGone(kind: GoneKind, message: string): void {
    gone.value = { kind, message };
    if (kind !== 'not-joined') forgetJoin(eventId.value);
    token.value = null;
  }

  /** Turns "you are not allowed any more" answers into the right full page. True when handled. */
  function handleAuthError(err: unknown): boolean {
    if (!(err instanceof ApiError)) return false;
    if (err.status === 403 && err.code === 'removed') setGone('removed', err.message || REMOVED_TEXT);
    else if (err.status === 410 && err.code === 'erased') setGone('erased', err.message);
    else if (err.status === 401) setGone('unknown', err.message);
    else return false;
    return true;
  }

  async function loadMe(): Promise<void> {
    if (!token.value) return;
    try {
      const res = await api.value.request('GET /api/me');
      if (!me.value || res.me.id === me.value.id) {
        me.value = res.me;
        event.value = res.event;
      }
    } catch (err) {
      handleAuthError(err);
    }
  }

  async function loadPeople(quiet = false): Promise<void> {
    if (!token.value) return;
    if (!quiet) peopleError.value = '';
    try {
      people.value = await api.value.request('GET /api/me/people');
      peopleError.value = '';
    } catch (err) {
      if (handleAuthError(err)) return;
      if (!quiet) peopleError.value = err instanceof Error ? err.message : i18n.global.t('phone.people.loadFailed');
    }
  }

  function personById(id: string): MetPerson | undefined {
    return people.value?.find((p) => p.id === id);
  }

  return {
    eventId,
    token,
    code,
    event,
    me,
    presence,
    rounds,
    people,
    peopleError,
    match,
    gone,
    offset,
    arrived,
    synced,
    offline,
    endedGroup,
    groupPresence,
    api,
    serverNow,
    group,
    iArrived,
    open,
    applySnapshot,
    setRounds,
    roundChanged,
    groupChanged,
    groupNews,
    groupArrived,
    markArrived,
    upsertPerson,
    matchMade,
    setGone,
    handleAuthError,
    loadMe,
    loadPeople,
    personById,
  };
});
