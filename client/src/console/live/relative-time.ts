import { currentLang } from '../../i18n';

/** "just now", "4 min ago", "2 h ago", else a short date, in the active language: for "joined" columns. */
export function relativeTime(iso: string, now: number, lang: string = currentLang()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  if (s < 45) return rtf.format(0, 'second');
  const m = Math.round(s / 60);
  if (m < 60) return rtf.format(-m, 'minute');
  const h = Math.floor(m / 60);
  if (h < 24) return rtf.format(-h, 'hour');
  return new Date(t).toLocaleDateString(lang, { month: 'short', day: 'numeric' });
}

/** "18:42" in the browser's zone. */
export function clockTime(ms: number, lang: string = currentLang()): string {
  return new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

/** The full local date and time, for a title attribute. */
export function fullTime(iso: string, lang: string = currentLang()): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toLocaleString(lang);
}
