/** Edit distance, shared by "did you mean" suggestions and the closest-passage search of quote checks. */

/**
 * Levenshtein distance over UTF-16 units, or some value above `limit` as soon as the distance is
 * known to exceed it. With a finite limit only the diagonal band |i − j| ≤ limit is computed
 * (a path leaving it already costs more than the limit), and a row whose minimum exceeds the
 * limit ends the search, since row minima never decrease.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > limit) return limit + 1;
  const band = Math.min(limit, n);
  const FAR = n + m + 1; // stands for "outside the band": more than any real distance
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : FAR;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    cur[0] = i <= band ? i : FAR;
    if (from > 1) cur[from - 1] = FAR;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) cur[to + 1] = FAR;
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}
