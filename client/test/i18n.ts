import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { i18n, type Lang } from '../src/i18n/index';

const locales = join(import.meta.dirname, '..', 'src', 'i18n', 'locales');

/** Node has no vite to load message files: read them all for one language and speak it. */
export function speak(lang: Lang): void {
  const messages: Record<string, unknown> = {};
  for (const file of readdirSync(join(locales, lang)).filter((f) => f.endsWith('.json'))) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(locales, lang, file), 'utf8'));
  }
  i18n.global.setLocaleMessage(lang, messages);
  i18n.global.locale.value = lang;
}
