import type { PublicEvent } from '@mingle/shared';
import { isLang, langOf, useLanguage, type Lang } from '../i18n';
import { chosenLang } from '../i18n/choice';

/**
 * The join preview's language: a phone whose person chose no language and whose browser speaks none
 * of ours starts in the event's own language. (`language` comes with the screen helper's change.)
 */
export async function eventLanguage(event: PublicEvent & { language?: Lang }): Promise<void> {
  if (!isLang(event.language) || chosenLang('phone')) return;
  if (langOf(navigator.languages ?? [navigator.language])) return;
  await useLanguage('phone', event.language).catch(() => undefined);
}
