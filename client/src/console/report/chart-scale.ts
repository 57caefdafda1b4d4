/**
 * Scales for the report's hand-drawn SVG charts: a "nice" top value and its ticks, and the words a
 * screen reader hears for a chart. No DOM, so it runs in node:test as it is.
 */

/** Steps of 1, 2, 2.5 or 5 × 10^k (and 125, 1250…), the smallest whose `count` steps reach `max` (at least `floor`). */
export function niceScale(max: number, count = 4, floor = 1): { top: number; ticks: number[] } {
  const target = Math.max(max, floor);
  const rough = target / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, ...(power >= 100 ? [1.25] : []), 2, 2.5, 5, 10].map((m) => m * power).find((s) => s * count >= target) ?? 10 * power;
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: ticks[count]!, ticks };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** 0.333 → "33%" */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export interface Series {
  name: string;
  values: number[];
}

/**
 * What the chart says, for its aria-label: "Present per round: round 1 7, round 2 6." With several
 * series, each category names each: "round 1: repeat pairs 0, colleague pairs 1".
 */
export function describeChart(title: string, categories: string[], series: Series[], format: (v: number) => string = String): string {
  if (!categories.length) return `${title}: no data yet.`;
  const parts = categories.map((c, i) =>
    series.length === 1
      ? `${c} ${format(series[0]!.values[i] ?? 0)}`
      : `${c}: ${series.map((s) => `${s.name} ${format(s.values[i] ?? 0)}`).join(', ')}`,
  );
  return `${title}: ${parts.join('; ')}.`;
}
