// The bag-of-words baseline the data README describes: lowercase words, stop words removed,
// cosine between the answer's and each reference's word sets, best reference kept. Word sets
// (not counts) reproduce the README's figures; a variant keeps the negation words in.

const STOP = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our
ours out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your yours`.split(/\s+/);

const STOP_ALL = new Set(STOP);
// "not connected" and "connected" differ only in these words; keeping them is the stronger baseline.
const STOP_KEEPING_NEGATIONS = new Set(STOP.filter((w) => !['no', 'nor', 'not', 'same', 'more', 'most', 'few', 'other', 'own'].includes(w)));

function words(text: string, stop: Set<string>): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).filter((w) => !stop.has(w)));
}

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

/** Highest cosine between the answer and any reference. */
export function bowScore(answer: string, references: string[], keepNegations = false): number {
  const stop = keepNegations ? STOP_KEEPING_NEGATIONS : STOP_ALL;
  const a = words(answer, stop);
  return Math.max(0, ...references.map((ref) => cosine(a, words(ref, stop))));
}
