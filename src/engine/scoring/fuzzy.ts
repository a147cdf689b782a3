// Spelling tolerance: "seperated" matches "separated", "conected" matches "connected". Short words
// must match exactly; a one-letter slip in a short word too often makes another word.

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** True when two different spellings are close enough to be one word misspelt. */
export function isNearMiss(aNorm: string, aStem: string, bNorm: string, bStem: string): boolean {
  if (/\d/.test(aNorm) || /\d/.test(bNorm)) return false;
  const shorter = Math.min(aNorm.length, bNorm.length);
  // Misspellings keep the first letter; "lower" and "power" are two words.
  if (shorter < 5 || aNorm[0] !== bNorm[0]) return false;
  if (editDistance(aNorm, bNorm, 1) <= 1) return true;
  // Derivations Porter leaves apart: "conduct" / "conductor", "magnet" / "magnetism".
  const [short, long] = aStem.length <= bStem.length ? [aStem, bStem] : [bStem, aStem];
  if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return true;
  if (Math.min(aStem.length, bStem.length) >= 5 && editDistance(aStem, bStem, 1) <= 1) return true;
  return shorter >= 10 && editDistance(aNorm, bNorm, 2) <= 2;
}
