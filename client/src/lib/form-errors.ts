import { reactive } from 'vue';
import type { z } from 'zod';
import { zodFieldCode } from '@mingle/shared/field-messages';
import { i18n } from '../i18n';
import { ApiError, errorMessage } from './api';
import { fieldText } from './error-text';

const fixFields = () => i18n.global.t('commonErrors.fixFields');

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

  /** A server error: its field messages and a banner, in the active language. */
  function fromApi(err: unknown, fallbackBanner = fixFields()): void {
    clear();
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      state.fields = { ...err.fields };
      state.banner = bannerOf(err, fallbackBanner);
    } else {
      state.banner = errorMessage(err);
    }
  }

  function fromZod(error: z.ZodError, banner = fixFields()): void {
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
        return Number.isInteger(index) ? i18n.global.t('commonErrors.line', { n: index + 1, message: msg }) : msg;
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

/**
 * The banner for a 400 with field messages: the server names the first field ("name: Enter your
 * name"); in the active language that is the first field's message, after its path as the server wrote it.
 */
function bannerOf(err: ApiError, fallback: string): string {
  const [path, english] = Object.entries(err.englishFields)[0] ?? [];
  if (err.code !== 'invalid_request' || !path || !english) return err.message || fallback;
  const expected = path === '_' ? english : `${path}: ${english}`;
  if (err.english !== expected) return err.message || fallback;
  const text = err.fields[path] ?? english;
  return path === '_' ? text : `${path}: ${text}`;
}

/** The first message per dotted path, as the server reports them, in the active language (same codes as the server's). */
export function zodFields(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = fieldText(zodFieldCode(issue), issue.message);
  }
  return out;
}
