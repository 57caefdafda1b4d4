import { currentLang, i18n } from '../../i18n';

/**
 * Scales for the report's hand-drawn SVG charts: a "nice" top value and its ticks, and the words a
 * screen reader hears for a chart. No DOM, so it runs in node:test as it is.
 */

/**
 * Steps of 1, 2, 2.5 or 5 × 10^k (and 125, 1250…), the smallest whose `count` steps reach `max`
 * (at least `floor`). With `whole`, for counts of people or pairs, every tick is a whole number
 * (steps of 1, 2, 3, 4, 5, 6 or 8 × 10^k).
 */
export function niceScale(max: number, count = 4, floor = 1, whole = false): { top: number; ticks: number[] } {
  const target = Math.max(max, floor);
  if (whole && target <= count) {
    const top = Math.ceil(target);
    return { top, ticks: Array.from({ length: top + 1 }, (_, i) => i) };
  }
  const rough = target / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiples = whole ? [1, 2, 3, 4, 5, 6, 8, 10] : [1, ...(power >= 100 ? [1.25] : []), 2, 2.5, 5, 10];
  const steps = multiples.map((m) => m * power).filter((s) => !whole || Number.isInteger(s));
  const step = steps.find((s) => s * count >= target) ?? 10 * power;
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: ticks[count]!, ticks };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** 0.333 → "33%" ("33 %" in German) */
export const percent = (rate: number) =>
  new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(rate * 100) / 100);

export interface Series {
  name: string;
  values: number[];
}

/**
 * What the chart says, for its aria-label: "Present per round: round 1 7, round 2 6." With several
 * series, each category names each: "round 1: repeat pairs 0, colleague pairs 1".
 */
export function describeChart(title: string, categories: string[], series: Series[], format: (v: number) => string = String): string {
  if (!categories.length) return i18n.global.t('consoleReport.chart.noData', { title });
  const parts = categories.map((c, i) =>
    series.length === 1
      ? `${c} ${format(series[0]!.values[i] ?? 0)}`
      : `${c}: ${series.map((s) => `${s.name} ${format(s.values[i] ?? 0)}`).join(', ')}`,
  );
  return `${title}: ${parts.join('; ')}.`;
}
