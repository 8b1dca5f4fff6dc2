/**
 * Jaro-Winkler similarity (Winkler 1990, prefix scale 0.1, prefix up to 4), as OFAC's own search
 * uses per name part. Written here (30 lines, tested) rather than pulled in: the npm packages are
 * either unmaintained or allocate per call, and this runs millions of times per benchmark.
 */
const matchA = new Uint8Array(256);
const matchB = new Uint8Array(256);

export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = Math.min(a.length, 255);
  const lb = Math.min(b.length, 255);
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  matchA.fill(0, 0, la);
  matchB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (!matchB[j] && b.charCodeAt(j) === c) {
        matchA[i] = 1;
        matchB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (!matchA[i]) continue;
    while (!matchB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7) return j;
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
