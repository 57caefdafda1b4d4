import { reactive, ref } from 'vue';
import type { MetPerson } from '@mingle/shared';
import { messageOf } from './phone-api';
import { usePhoneStore } from './store';

/** Ask to swap contacts / withdraw, with per-person busy and error state. */
export function useSwap() {
  const store = usePhoneStore();
  const busy = reactive<Record<string, boolean>>({});
  const errors = reactive<Record<string, string>>({});

  async function toggle(personId: string): Promise<void> {
    if (busy[personId]) return;
    const person = store.personById(personId);
    const asking = !person?.asked;
    busy[personId] = true;
    errors[personId] = '';
    try {
      const path = `/me/people/${encodeURIComponent(personId)}/swap`;
      const updated = asking ? await store.api.post<MetPerson>(path) : await store.api.del<MetPerson>(path);
      store.upsertPerson(updated);
      if (updated.matched && asking) store.match = updated;
    } catch (err) {
      if (!store.handleAuthError(err)) errors[personId] = messageOf(err);
      // The list may be out of date (e.g. already matched): refresh it.
      void store.loadPeople(true);
    } finally {
      busy[personId] = false;
    }
  }

  return { busy, errors, toggle };
}

/** "Stop sharing" my card with one match, behind a confirmation. */
export function useStopSharing(personId: () => string) {
  const store = usePhoneStore();
  const asking = ref(false);
  const busy = ref(false);
  const error = ref('');

  async function confirm(): Promise<void> {
    busy.value = true;
    error.value = '';
    try {
      store.upsertPerson(await store.api.del<MetPerson>(`/me/connections/${encodeURIComponent(personId())}/card`));
      asking.value = false;
    } catch (err) {
      if (!store.handleAuthError(err)) error.value = messageOf(err);
    } finally {
      busy.value = false;
    }
  }

  function cancel(): void {
    asking.value = false;
    error.value = '';
  }

  return { asking, busy, error, confirm, cancel };
}
