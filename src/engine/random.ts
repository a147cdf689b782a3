// Seeded, pure pseudo-randomness: the same seed gives the same interview and the same phrasings.

/** 32-bit FNV-1a hash of a string, used to turn text seeds and keys into numbers. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny generator with good enough spread for shuffling a question list. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Picks one item deterministically from a seed and a key (e.g. which phrasing for line 7). */
export function pick<T>(items: readonly T[], seed: number, key: string): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[hashString(`${seed}:${key}`) % items.length] as T;
}
