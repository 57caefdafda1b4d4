import { reactive } from 'vue';
import type { ConfirmRequest } from '../lib/confirm';
import { errorMessage } from '../lib/api';
import { i18n } from '../i18n';
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
      const params = { otherId: personId };
      const updated = asking
        ? await store.api.request('POST /api/me/people/:otherId/swap', { params })
        : await store.api.request('DELETE /api/me/people/:otherId/swap', { params });
      store.upsertPerson(updated);
      if (updated.matched && asking) store.match = updated;
    } catch (err) {
      if (!store.handleAuthError(err)) errors[personId] = errorMessage(err);
      // The list may be out of date (e.g. already matched): refresh it.
      void store.loadPeople(true);
    } finally {
      busy[personId] = false;
    }
  }

  return { busy, errors, toggle };
}

/** Stops sharing my card with one person, after a confirmation in the given dialog. */
export function useStopSharing(confirm: (request: ConfirmRequest) => Promise<boolean>) {
  const store = usePhoneStore();
  return (person: { id: string; name: string }, sharingText: string): Promise<boolean> =>
    confirm({
      title: i18n.global.t('phone.swap.stopTitle', { name: person.name }),
      body: i18n.global.t('phone.swap.stopBody', { fields: sharingText }),
      confirmLabel: i18n.global.t('phone.swap.stop'),
      danger: true,
      run: async () => {
        try {
          store.upsertPerson(await store.api.request('DELETE /api/me/connections/:otherId/card', { params: { otherId: person.id } }));
        } catch (err) {
          if (!store.handleAuthError(err)) return errorMessage(err);
        }
      },
    });
}
