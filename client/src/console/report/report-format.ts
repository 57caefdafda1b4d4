import { REPORT_FILES, type EventReport } from '@mingle/shared/report';
import { currentLang, i18n } from '../../i18n';

/** A time of day in the event's own zone, e.g. "6:30 PM". */
export function timeInZone(iso: string, timeZone: string, locale: string = currentLang()): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(Date.parse(iso));
  } catch {
    return iso.slice(11, 16);
  }
}

/** How long a round lasted (or has lasted until `now`), as m:ss: "0:18", "10:00", "72:05". */
export function roundLength(startedAt: string, endedAt: string | null, now: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(endedAt ?? now) - Date.parse(startedAt)) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The report's downloads: route, file name and what each holds (message keys). */
export const DOWNLOADS = [
  {
    key: 'seating',
    route: 'GET /api/events/:id/report/seating.csv',
    file: REPORT_FILES.seating,
    label: 'consoleReport.downloads.seating',
    hint: 'consoleReport.downloads.seatingHint',
  },
  {
    key: 'meetings',
    route: 'GET /api/events/:id/report/meetings.csv',
    file: REPORT_FILES.meetings,
    label: 'consoleReport.downloads.meetings',
    hint: 'consoleReport.downloads.meetingsHint',
  },
  {
    key: 'figures',
    route: 'GET /api/events/:id/report/figures.csv',
    file: REPORT_FILES.figures,
    label: 'consoleReport.downloads.figures',
    hint: 'consoleReport.downloads.figuresHint',
  },
] as const;

/** "Round 1" … for chart categories. */
export const roundLabels = (report: EventReport) => report.rounds.map((r) => i18n.global.t('consoleReport.round', { n: r.number }));
