import type { ErrorParams } from '@mingle/shared/errors';
import type { FieldCode } from '@mingle/shared/field-messages';
import { i18n } from '../i18n';

/**
 * Server errors in the active language: `commonErrors.<code>` (or `<code>_<variant>`) with the
 * error's params, `commonFields.<key>` for a field message. The server's English text is kept only
 * for a code (or field name) this client does not know, e.g. from a newer server.
 */
export function errorText(code: string, params: ErrorParams | undefined, english: string): string {
  const { t, te } = i18n.global;
  const { variant, ...named } = params ?? {};
  const withVariant = variant ? `commonErrors.${code}_${variant}` : '';
  const key = withVariant && te(withVariant) ? withVariant : `commonErrors.${code}`;
  if (!te(key)) return english; // a code we do not know: the server's English is all we have
  for (const name of ['from', 'to'] as const) {
    const state = `commonErrors.state_${String(named[name])}`;
    if (named[name] !== undefined && te(state)) named[name] = t(state);
  }
  // "try again in N minutes": the server counts seconds
  if (typeof named.retryAfter === 'number') named.n = Math.max(1, Math.ceil(named.retryAfter / 60));
  return typeof named.n === 'number' ? t(key, named, named.n) : t(key, named);
}

/** One field's message in the active language; its English text when the code or a name in it is unknown here. */
export function fieldText(code: FieldCode | undefined, english: string): string {
  const { t, te } = i18n.global;
  if (!code || !te(`commonFields.${code.code}`)) return english; // not in our catalog: show the server's English
  const named: Record<string, string | number> = { ...code.params };
  if (typeof named.what === 'string') {
    const name = `commonFields.names.${named.what}`;
    if (!te(name)) return english;
    named.what = t(name);
  }
  const text = typeof named.n === 'number' ? t(`commonFields.${code.code}`, named, named.n) : t(`commonFields.${code.code}`, named);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every field's message in the active language. */
export function fieldTexts(fields: Record<string, string>, codes: Record<string, FieldCode> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, english] of Object.entries(fields)) out[path] = fieldText(codes[path], english);
  return out;
}
