// Spelling tolerance: "seperated" matches "separated", "conected" matches "connected". Short words
// must match exactly; a one-letter slip in a short word too often makes another word.

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows reused from call to call (the function is synchronous), not two new arrays a row.
  if (rows[0].length < b.length + 1) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    const done = prevPrev;
    prevPrev = prev;
    prev = row;
    row = done;
  }
  return prev[b.length] as number;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * True when `a` and `b` are within one edit of each other: one substitution, insertion, deletion
 * or swap of neighbours (editDistance(a, b, 1) <= 1 without building its rows).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  // Plain conditionals, not [s, l] = ...: a pair array per call, and this runs for many pairs of words an answer.
  const s = a.length <= b.length ? a : b;
  const l = a.length <= b.length ? b : a;
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
  const short = aStem.length <= bStem.length ? aStem : bStem;
  const long = aStem.length <= bStem.length ? bStem : aStem;
  if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return true;
  if (short.length >= 5 && withinOneEdit(aStem, bStem)) return true;
  return shorter >= 10 && Math.abs(aNorm.length - bNorm.length) <= 2 && editDistance(aNorm, bNorm, 2) <= 2;
}
