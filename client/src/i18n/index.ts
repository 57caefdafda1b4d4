import { createI18n } from 'vue-i18n';

/** The languages every surface speaks. Each has a complete set of message files (CI checks). */
export const LANGS = ['en', 'de', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** A language's own name, for the switch: people look for their language written their way. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', de: 'Deutsch', es: 'Español' };

export type Surface = 'phone' | 'console' | 'screen';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first of these tags ("de-AT", "es") that we speak, by its primary language. */
export function langOf(tags: readonly string[]): Lang | null {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return null;
}

// Messages are complete in every language, so there is no fallback: a missing key is a CI failure.
export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: false,
  messages: {},
  missingWarn: false,
  fallbackWarn: false,
});

type MessageFile = { default: Record<string, unknown> };
// One lazy chunk per file: a phone downloads only its own surface's files in its own language.
// (Inside a function so that node tests can import this module; vite expands the call at build time.)
const messageFiles = () => import.meta.glob<MessageFile>('./locales/*/*.json');
const loaded = new Set<string>();

/** The files a surface reads: the common ones and its own ("phone.json", "phoneSeries.json"). */
function filesFor(surface: Surface, lang: Lang): Array<[string, () => Promise<MessageFile>]> {
  const prefix = `./locales/${lang}/`;
  return Object.entries(messageFiles()).filter(([path]) => {
    if (!path.startsWith(prefix)) return false;
    const name = path.slice(prefix.length);
    return name.startsWith('common') || name.startsWith(surface);
  });
}

/** Loads what the surface needs in this language (once), then speaks it. */
export async function useLanguage(surface: Surface, lang: Lang): Promise<void> {
  const pending = filesFor(surface, lang).filter(([path]) => !loaded.has(path));
  const contents = await Promise.all(pending.map(async ([path, load]) => [path, (await load()).default] as const));
  for (const [path, content] of contents) {
    const name = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    i18n.global.mergeLocaleMessage(lang, { [name]: content });
    loaded.add(path);
  }
  i18n.global.locale.value = lang;
  document.documentElement.lang = lang;
}

/** The surface an address belongs to. */
export function surfaceOf(path: string): Surface {
  if (path.startsWith('/console')) return 'console';
  if (path.startsWith('/screen')) return 'screen';
  return 'phone';
}

/** The language in use now. */
export function currentLang(): Lang {
  const lang = i18n.global.locale.value;
  return isLang(lang) ? lang : 'en';
}
