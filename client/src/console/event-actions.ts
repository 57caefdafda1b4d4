import { computed, ref, type Ref } from 'vue';
import { EVENT_TRANSITIONS, type EventState, type OrganizerEventView } from '@mingle/shared';
import { api, errorMessage } from '../lib/api';
import { useConfirm } from '../lib/confirm';

/** One step of the event's state machine (shared EVENT_TRANSITIONS), in the organizer's words. */
export interface Move {
  to: EventState;
  label: string;
  hint: string;
  danger?: boolean;
}

export function moveFor(from: EventState, to: EventState): Move {
  if (to === 'open' && from === 'draft') return { to, label: 'Open joining', hint: 'Attendees can join with the code.' };
  if (to === 'open') return { to, label: 'Back to open', hint: 'Pause live grouping; joining stays open.' };
  if (to === 'draft') return { to, label: 'Back to draft', hint: 'Close joining while you edit.' };
  if (to === 'live') return { to, label: 'Go live', hint: 'Start grouping people into rounds.' };
  return { to, label: 'End event', hint: 'Final: no more joining or rounds.', danger: true };
}

/**
 * The organizer's actions on one event (state, join code, screen secret, delete), shared by the
 * editor and the live page. `apply` takes the server's answer.
 */
export function useEventActions(event: Readonly<Ref<OrganizerEventView | null>>, apply: (next: OrganizerEventView) => void) {
  const { confirm, dialog } = useConfirm();
  const busyAction = ref<string | null>(null);
  const error = ref('');
  const notice = ref('');

  const moves = computed<Move[]>(() => {
    const e = event.value;
    return e ? EVENT_TRANSITIONS[e.state].map((to) => moveFor(e.state, to)) : [];
  });

  async function run(name: string, action: (e: OrganizerEventView) => Promise<void>, done: string): Promise<void> {
    const e = event.value;
    if (!e) return;
    busyAction.value = name;
    error.value = '';
    notice.value = '';
    try {
      await action(e);
      notice.value = done;
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      busyAction.value = null;
    }
  }

  function changeTo(to: EventState): Promise<void> {
    const label = event.value ? moveFor(event.value.state, to).label : to;
    return run(
      `state:${to}`,
      async (e) => apply(await api.request('POST /api/events/:id/state', { params: { id: e.id }, body: { state: to } })),
      `${label}: done. The event is now ${to}.`,
    );
  }

  async function changeState(move: Move): Promise<void> {
    if (move.to !== 'ended') return changeTo(move.to);
    await confirm({
      title: 'End this event?',
      body: 'Ending is final: nobody can join and no more rounds start. Matches stay available to attendees.',
      confirmLabel: 'End event',
      danger: true,
      run: () => changeTo('ended'),
    });
  }

  async function regenerate(what: 'join-code' | 'screen-key'): Promise<void> {
    const joinCode = what === 'join-code';
    await confirm({
      title: joinCode ? 'Make a new join code?' : 'Make a new screen link?',
      body: joinCode
        ? 'The old code and QR code stop working for new people. Anyone who already joined stays in.'
        : 'Open screens will disconnect and need the new link.',
      confirmLabel: joinCode ? 'Regenerate' : 'Regenerate secret',
      run: () =>
        run(
          what,
          async (e) => apply(await api.request(`POST /api/events/:id/${what}`, { params: { id: e.id } })),
          joinCode ? 'New join code created.' : 'New screen link made. Open it on the projector.',
        ),
    });
  }

  async function remove(afterwards: () => Promise<unknown>): Promise<void> {
    await confirm({
      title: `Delete “${event.value?.name ?? 'this event'}”?`,
      body: 'This cannot be undone. Attendees, rounds and matches of this event are deleted too.',
      confirmLabel: 'Delete event',
      danger: true,
      run: () =>
        run(
          'delete',
          async (e) => {
            await api.request('DELETE /api/events/:id', { params: { id: e.id } });
            await afterwards();
          },
          'Event deleted.',
        ),
    });
  }

  return { moves, busyAction, error, notice, dialog, changeState, regenerate, remove };
}

export type EventActions = ReturnType<typeof useEventActions>;
