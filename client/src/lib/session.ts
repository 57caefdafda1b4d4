import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { EventLanguage, LogInBody, OrganizerView, SignUpBody } from '@mingle/shared';
import { api, ApiError } from './api';

/** Who is signed in to the console. `load()` asks the server once; later calls reuse the answer. */
export const useSessionStore = defineStore('session', () => {
  const organizer = ref<OrganizerView | null>(null);
  const loaded = ref(false);
  let pending: Promise<void> | null = null;

  const signedIn = computed(() => organizer.value !== null);

  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    pending ??= api
      .request('GET /api/auth/me')
      .then((me) => {
        organizer.value = me;
      })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError) || err.status !== 401) console.warn('Could not load the session', err);
        organizer.value = null;
      })
      .finally(() => {
        loaded.value = true;
        pending = null;
      });
    return pending;
  }

  async function signUp(body: SignUpBody): Promise<void> {
    organizer.value = await api.request('POST /api/auth/signup', { body });
    loaded.value = true;
  }

  async function logIn(body: LogInBody): Promise<void> {
    organizer.value = await api.request('POST /api/auth/login', { body });
    loaded.value = true;
  }

  async function logOut(): Promise<void> {
    try {
      await api.request('POST /api/auth/logout');
    } finally {
      forget();
    }
  }

  /** The console's language follows the organizer to every device they log in on. */
  async function keepLanguage(language: EventLanguage): Promise<void> {
    if (!organizer.value || organizer.value.language === language) return;
    try {
      organizer.value = await api.request('PATCH /api/auth/me', { body: { language } });
    } catch (err) {
      // This device keeps the choice all the same; the next pick tries again.
      console.warn('Could not keep the language', err);
    }
  }

  /** The server said the session is gone. */
  function forget(): void {
    organizer.value = null;
    loaded.value = true;
  }

  return { organizer, loaded, signedIn, load, signUp, logIn, logOut, keepLanguage, forget };
});
