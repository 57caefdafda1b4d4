import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
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

/** Which words a move uses: `console.moves.<key>.label` and `.hint`. */
export function moveKey(from: EventState, to: EventState): 'openJoining' | 'backToOpen' | 'backToDraft' | 'goLive' | 'end' {
  if (to === 'open' && from === 'draft') return 'openJoining';
  if (to === 'open') return 'backToOpen';
  if (to === 'draft') return 'backToDraft';
  if (to === 'live') return 'goLive';
  return 'end';
}

/**
 * The organizer's actions on one event (state, join code, screen secret, delete), shared by the
 * editor and the live page. `apply` takes the server's answer.
 */
export function useEventActions(event: Readonly<Ref<OrganizerEventView | null>>, apply: (next: OrganizerEventView) => void) {
  const { t } = useI18n();
  const { confirm, dialog } = useConfirm();

  function moveFor(from: EventState, to: EventState): Move {
    const key = moveKey(from, to);
    return { to, label: t(`console.moves.${key}.label`), hint: t(`console.moves.${key}.hint`), danger: to === 'ended' };
  }
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
      t('console.actions.stateDone', { label, state: t(`commonUi.state.${to}`) }),
    );
  }

  async function changeState(move: Move): Promise<void> {
    if (move.to !== 'ended') return changeTo(move.to);
    await confirm({
      title: t('console.actions.endTitle'),
      body: t('console.actions.endBody'),
      confirmLabel: t('console.moves.end.label'),
      danger: true,
      run: () => changeTo('ended'),
    });
  }

  async function regenerate(what: 'join-code' | 'screen-key'): Promise<void> {
    const joinCode = what === 'join-code';
    await confirm({
      title: joinCode ? t('console.actions.newCodeTitle') : t('console.actions.newScreenTitle'),
      body: joinCode ? t('console.actions.newCodeBody') : t('console.actions.newScreenBody'),
      confirmLabel: joinCode ? t('console.actions.regenerate') : t('console.actions.regenerateSecret'),
      run: () =>
        run(
          what,
          async (e) => apply(await api.request(`POST /api/events/:id/${what}`, { params: { id: e.id } })),
          joinCode ? t('console.actions.newCodeDone') : t('console.actions.newScreenDone'),
        ),
    });
  }

  async function remove(afterwards: () => Promise<unknown>): Promise<void> {
    await confirm({
      title: event.value ? t('console.actions.deleteTitle', { name: event.value.name }) : t('console.actions.deleteThis'),
      body: t('console.actions.deleteBody'),
      confirmLabel: t('console.actions.deleteEvent'),
      danger: true,
      run: () =>
        run(
          'delete',
          async (e) => {
            await api.request('DELETE /api/events/:id', { params: { id: e.id } });
            await afterwards();
          },
          t('console.actions.deleted'),
        ),
    });
  }

  return { moves, busyAction, error, notice, dialog, changeState, regenerate, remove };
}

export type EventActions = ReturnType<typeof useEventActions>;
