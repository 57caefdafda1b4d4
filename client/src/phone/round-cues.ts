import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import { useEventListener } from '@vueuse/core';
import { useCountdown } from '../lib/countdown';
import { i18n } from '../i18n';
import { chimeStored, playChime, storeChime, unlockAudio } from './chime';
import { minuteLeftDue, roundTitle, startedRound } from './cue-rules';
import { said, type Said } from './said';
import type { usePhoneStore } from './store';
import { useWakeLock } from './wake-lock';

export interface RoundCue {
  kind: 'start' | 'minute';
  said: Said;
}

const START_BUZZ = [200, 100, 200];
const MINUTE_BUZZ = 80;

function vibrate(pattern: number | number[]): void {
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate?.(pattern);
}

/**
 * What makes a round start reach a pocket: a buzz, an optional chime, the tab title, the screen kept
 * awake while the event is live, and a banner a phone that slept shows at once. Also "1 minute left".
 */
export function useRoundCues(store: ReturnType<typeof usePhoneStore>) {
  const cue = shallowRef<RoundCue | null>(null);
  const chimeOn = ref(chimeStored());

  // The chime was on before this page loaded: audio starts only after a tap, so the first tap unlocks it.
  if (chimeOn.value) useEventListener(window, 'pointerdown', () => void unlockAudio(), { once: true, capture: true });

  async function toggleChime(): Promise<void> {
    chimeOn.value = !chimeOn.value;
    storeChime(chimeOn.value);
    if (chimeOn.value && (await unlockAudio())) playChime();
  }

  // The tab title flashes while the tab is hidden, and is itself again once looked at.
  let flashing: ReturnType<typeof setInterval> | null = null;
  let titleBefore = '';
  function stopFlash(): void {
    if (!flashing) return;
    clearInterval(flashing);
    flashing = null;
    document.title = titleBefore;
  }
  function flashTitle(text: string): void {
    stopFlash();
    titleBefore = document.title;
    let on = true;
    document.title = text;
    flashing = setInterval(() => {
      on = !on;
      document.title = on ? text : titleBefore;
    }, 1000);
  }
  useEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') stopFlash();
  });
  onBeforeUnmount(stopFlash);

  // Round starts: from the news, or from the snapshot of a phone that slept through the start.
  let seen: string | null | undefined;
  watch(
    () => [store.synced, store.rounds] as const,
    ([synced, state]) => {
      if (!synced) return;
      if (startedRound(seen, state)) {
        const n = state.round!.number;
        cue.value = { kind: 'start', said: said('phone.cue.start', { n, spot: state.group!.spot }) };
        vibrate(START_BUZZ);
        if (chimeOn.value) playChime();
        if (document.visibilityState === 'hidden') {
          const title = roundTitle(state.group!.spot, n);
          flashTitle(i18n.global.t(title.key, title.params));
        }
      } else if (state.round?.state !== 'running' && cue.value) {
        cue.value = null;
      }
      // At a start the round's news comes just before the group's: wait for the group.
      const waitingForGroup = seen !== undefined && state.round?.state === 'running' && state.group?.roundId !== state.round.id;
      if (!waitingForGroup) seen = state.round?.id ?? null;
    },
    { immediate: true },
  );

  // "1 minute left": once per round (again after an extension), gently.
  const running = computed(() => (store.group && store.rounds.round?.state === 'running' ? store.rounds.round : null));
  const endsAt = computed(() => running.value?.endsAt ?? null);
  const clock = useCountdown(endsAt, store.serverNow);
  let minuteCued = '';
  watch(clock.remaining, (left) => {
    const r = running.value;
    if (!r || !minuteLeftDue(left, r.endsAt - r.startedAt)) return;
    const key = `${r.id}:${r.endsAt}`;
    if (minuteCued === key) return;
    minuteCued = key;
    cue.value = { kind: 'minute', said: said('phone.cue.minute') };
    vibrate(MINUTE_BUZZ);
  });

  // The screen stays awake while the event is live (or a round runs).
  useWakeLock(computed(() => store.event?.state === 'live' || store.rounds.round?.state === 'running'));

  return { cue, chimeOn, toggleChime, dismiss: () => (cue.value = null) };
}
