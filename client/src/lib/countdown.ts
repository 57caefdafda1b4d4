import { computed, ref, type Ref } from 'vue';
import { useIntervalFn } from '@vueuse/core';

/** Milliseconds left until `endsAt` (server clock), ticking; 0 when past, null when no end. */
export function useCountdown(endsAt: Ref<number | null>, serverNow: () => number) {
  const now = ref(serverNow());
  useIntervalFn(() => (now.value = serverNow()), 250);
  const remaining = computed(() => (endsAt.value === null ? null : Math.max(0, endsAt.value - now.value)));
  const label = computed(() => (remaining.value === null ? '' : formatRemaining(remaining.value)));
  return { remaining, label };
}

/** 7:05 for seven minutes five seconds; rounds up so 0:00 shows only at the end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
