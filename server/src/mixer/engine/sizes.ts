/**
 * Group sizes for n people: k = max(1, round(n / groupSize)) groups, reduced so nobody is alone,
 * sizes differ by at most one (larger groups first). Fewer than 2 people: no groups.
 */
export function groupSizes(n: number, groupSize: number): number[] {
  if (n < 2) return [];
  let k = Math.max(1, Math.round(n / groupSize));
  k = Math.min(k, Math.floor(n / 2));
  return sizesForK(n, k);
}

export function sizesForK(n: number, k: number): number[] {
  const base = Math.floor(n / k);
  const extra = n % k;
  const out: number[] = [];
  for (let g = 0; g < k; g++) out.push(base + (g < extra ? 1 : 0));
  return out;
}
