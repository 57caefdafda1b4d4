import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

/** What the dialog asks. `run` does the work while the dialog shows "Working…"; a string it returns is
 * an error shown in the dialog, which then stays open. Without `run`, confirming closes at once. */
export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  run?: () => Promise<string | void>;
}

/** The open dialog's state, handed to <ConfirmDialog :confirm="…">. */
export interface ConfirmState {
  request: Readonly<ShallowRef<ConfirmRequest | null>>;
  busy: Readonly<Ref<boolean>>;
  error: Readonly<Ref<string>>;
  accept: () => Promise<void>;
  cancel: () => void;
}

/**
 * One promise-based confirm per component: `if (await confirm({ title, body, confirmLabel })) …`.
 * Resolves true once confirmed (and `run` succeeded), false when cancelled.
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: ConfirmState } {
  const request = shallowRef<ConfirmRequest | null>(null);
  const busy = ref(false);
  const error = ref('');
  let settle: ((ok: boolean) => void) | null = null;

  function close(ok: boolean): void {
    request.value = null;
    error.value = '';
    const done = settle;
    settle = null;
    done?.(ok);
  }

  function confirm(next: ConfirmRequest): Promise<boolean> {
    if (busy.value) return Promise.resolve(false);
    if (settle) close(false);
    request.value = next;
    return new Promise((resolve) => (settle = resolve));
  }

  async function accept(): Promise<void> {
    const run = request.value?.run;
    if (busy.value || !request.value) return;
    if (run) {
      busy.value = true;
      error.value = '';
      try {
        const problem = await run();
        if (problem) {
          error.value = problem;
          return;
        }
      } finally {
        busy.value = false;
      }
    }
    close(true);
  }

  function cancel(): void {
    if (!busy.value) close(false);
  }

  return { confirm, dialog: { request, busy, error, accept, cancel } };
}
