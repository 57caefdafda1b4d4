import { REPORT_FILES, type EventReport } from '@mingle/shared';

/** A time of day in the event's own zone, e.g. "6:30 PM". */
export function timeInZone(iso: string, timeZone: string, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(Date.parse(iso));
  } catch {
    return iso.slice(11, 16);
  }
}

/** "10 min", "2.5 min" */
export const minutes = (m: number) => `${Number.isInteger(m) ? m : m.toFixed(1)} min`;

/** The report's downloads: route, file name and what each holds. */
export const DOWNLOADS = [
  {
    key: 'seating',
    route: 'GET /api/events/:id/report/seating.csv',
    file: REPORT_FILES.seating,
    label: 'Who sat where',
    hint: 'Every round: each spot and the names seated there.',
  },
  {
    key: 'meetings',
    route: 'GET /api/events/:id/report/meetings.csv',
    file: REPORT_FILES.meetings,
    label: 'Who met whom',
    hint: 'Each pair who shared a group, per round.',
  },
  {
    key: 'figures',
    route: 'GET /api/events/:id/report/figures.csv',
    file: REPORT_FILES.figures,
    label: 'Figures',
    hint: 'The counts on this page, for a spreadsheet.',
  },
] as const;

/** "Round 1" … for chart categories. */
export const roundLabels = (report: EventReport) => report.rounds.map((r) => `Round ${r.number}`);
