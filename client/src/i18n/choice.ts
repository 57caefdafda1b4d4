import { isLang, langOf, type Lang, type Surface } from './index';

const KEY = (surface: Surface) => `mingle.lang.${surface}`;

/** What the person picked with the switch on this device, if anything. */
export function chosenLang(surface: Surface): Lang | null {
  try {
    const value = localStorage.getItem(KEY(surface));
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLang(surface: Surface, lang: Lang): void {
  try {
    localStorage.setItem(KEY(surface), lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/**
 * The language a surface starts in. Phone and console: the switch's choice, else the browser's
 * languages, else English. The screen starts in English and switches to the event's language as
 * soon as it knows the event.
 */
export function startingLang(surface: Surface): Lang {
  if (surface === 'screen') return 'en';
  return chosenLang(surface) ?? langOf(navigator.languages ?? [navigator.language]) ?? 'en';
}
