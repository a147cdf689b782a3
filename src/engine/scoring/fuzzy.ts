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

/**
 * True when `a` and `b` are within one edit of each other: one substitution, insertion, deletion
 * or swap of neighbours (editDistance(a, b, 1) <= 1 without building its rows).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i += 1;
  if (s.length === l.length) {
    if (restEqual(s, i + 1, l, i + 1)) return true;
    return s.charCodeAt(i) === l.charCodeAt(i + 1) && s.charCodeAt(i + 1) === l.charCodeAt(i) && restEqual(s, i + 2, l, i + 2);
  }
  return restEqual(s, i, l, i + 1);
}

function restEqual(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i += 1, j += 1) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** True when two different spellings are close enough to be one word misspelt. */
export function isNearMiss(aNorm: string, aStem: string, bNorm: string, bStem: string): boolean {
  const shorter = Math.min(aNorm.length, bNorm.length);
  // Misspellings keep the first letter; "lower" and "power" are two words.
  if (shorter < 5 || aNorm.charCodeAt(0) !== bNorm.charCodeAt(0)) return false;
  if (hasDigit(aNorm) || hasDigit(bNorm)) return false;
  if (withinOneEdit(aNorm, bNorm)) return true;
  // Derivations Porter leaves apart: "conduct" / "conductor", "magnet" / "magnetism".
  const [short, long] = aStem.length <= bStem.length ? [aStem, bStem] : [bStem, aStem];
  if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return true;
  if (short.length >= 5 && withinOneEdit(aStem, bStem)) return true;
  return shorter >= 10 && Math.abs(aNorm.length - bNorm.length) <= 2 && editDistance(aNorm, bNorm, 2) <= 2;
}
