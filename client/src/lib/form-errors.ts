import { reactive } from 'vue';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api';

/**
 * Errors of one form: a banner message plus messages keyed by dotted path ("interests.3").
 * Filled from a server ApiError or from the shared zod schema before sending.
 */
export function useFormErrors() {
  const state = reactive<{ banner: string; fields: Record<string, string> }>({ banner: '', fields: {} });

  function clear(): void {
    state.banner = '';
    state.fields = {};
  }

  function fromApi(err: unknown, fallbackBanner = 'Please fix the highlighted fields'): void {
    clear();
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      state.fields = { ...err.fields };
      state.banner = err.message && err.message !== 'Validation failed' ? err.message : fallbackBanner;
    } else {
      state.banner = errorMessage(err);
    }
  }

  function fromZod(error: z.ZodError, banner = 'Please fix the highlighted fields'): void {
    clear();
    state.fields = zodFields(error);
    state.banner = banner;
  }

  /** The message for exactly this path. */
  function field(path: string): string {
    return state.fields[path] ?? '';
  }

  /** Messages under `prefix.N`, keyed by N. */
  function indexed(prefix: string): Record<number, string> {
    const out: Record<number, string> = {};
    for (const [key, msg] of Object.entries(state.fields)) {
      const m = key.match(/^(.+)\.(\d+)$/);
      if (m && m[1] === prefix) out[Number(m[2])] = msg;
    }
    return out;
  }

  /** First message for this path or any path below it (for a textarea holding a list). */
  function under(prefix: string): string {
    if (state.fields[prefix]) return state.fields[prefix];
    for (const [key, msg] of Object.entries(state.fields)) {
      if (key.startsWith(`${prefix}.`)) {
        const index = Number(key.slice(prefix.length + 1));
        return Number.isInteger(index) ? `Line ${index + 1}: ${msg}` : msg;
      }
    }
    return '';
  }

  /** Drops the messages on these paths and below them (the field changed); the banner goes with the last one. */
  function forget(...paths: string[]): void {
    for (const key of Object.keys(state.fields)) {
      if (paths.some((p) => key === p || key.startsWith(`${p}.`))) delete state.fields[key];
    }
    if (Object.keys(state.fields).length === 0) state.banner = '';
  }

  return { state, clear, fromApi, fromZod, field, indexed, under, forget };
}

/** The first message per dotted path, as the server reports them. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
