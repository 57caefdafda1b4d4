import { onBeforeUnmount, watch, type Ref } from 'vue';
import { useEventListener } from '@vueuse/core';

interface Sentinel {
  released: boolean;
  release(): Promise<void>;
}
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

/**
 * Keeps the screen awake while `wanted` is true, where the browser supports it. The browser lets the
 * lock go whenever the tab is hidden, so it is asked for again when the tab is visible again.
 */
export function useWakeLock(wanted: Ref<boolean>): void {
  const api = (typeof navigator !== 'undefined' ? (navigator as unknown as { wakeLock?: WakeLockApi }).wakeLock : undefined) ?? null;
  if (!api) return;
  let lock: Sentinel | null = null;

  async function acquire(): Promise<void> {
    if (!wanted.value || document.visibilityState !== 'visible' || (lock && !lock.released)) return;
    try {
      lock = await api!.request('screen');
    } catch {
      // refused (battery saver, not allowed): the phone just sleeps as usual
    }
  }
  function release(): void {
    void lock?.release().catch(() => undefined);
    lock = null;
  }

  watch(wanted, (on) => (on ? void acquire() : release()), { immediate: true });
  useEventListener(document, 'visibilitychange', () => void acquire());
  onBeforeUnmount(release);
}
