/**
 * "Remember me for this series": the join page's choice, and the series token this phone keeps per
 * series in localStorage (sent on later joins of the same series). Nothing is kept without the choice.
 */
import { reactive } from 'vue';
import { apiClient } from '../lib/api';

const KEY = 'mingle.series.'; // i18n-ignore

export const seriesChoice = reactive({
  series: null as { id: string; name: string } | null,
  remember: false,
  byEmail: false,
});

export function keptSeriesToken(seriesId: string): string | null {
  try {
    return localStorage.getItem(KEY + seriesId);
  } catch {
    return null;
  }
}

/** Whether the event of this code is in a series; a phone that kept its token starts ticked. */
export async function loadSeries(code: string): Promise<void> {
  seriesChoice.series = null;
  try {
    const { series } = await apiClient({ token: null }).request('GET /api/join/:code/series', { params: { code } });
    seriesChoice.series = series;
    seriesChoice.remember = !!series && keptSeriesToken(series.id) !== null;
  } catch {
    // no series choice offered: joining works the same
  }
}

/** After joining: tells the server the choice and keeps a new token. Never fails the join. */
export async function rememberAfterJoin(token: string, email: string | undefined): Promise<void> {
  const series = seriesChoice.series;
  if (!series || !seriesChoice.remember) return;
  const kept = keptSeriesToken(series.id);
  const body = { ...(kept ? { token: kept } : {}), ...(seriesChoice.byEmail && email ? { email } : {}) };
  try {
    const res = await apiClient({ token }).request('POST /api/me/series', { body });
    if (res.token) localStorage.setItem(KEY + series.id, res.token);
  } catch {
    // not remembered this time; the evening goes on
  }
}
