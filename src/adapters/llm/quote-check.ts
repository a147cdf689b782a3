// Checks the judge's quotes against the answer: a quote counts only if it is in the answer, allowing
// for case, whitespace, quote and dash characters, the tag look-alikes of data-slot.ts, and "..."
// between fragments. Found quotes become evidence spans in the original answer.
import type { Evidence } from '../../engine/scoring/types.js';

/** Shorter quotes than this prove nothing ("a", "it"). */
const MIN_QUOTE_CHARS = 3;

const FOLD: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"',
  '‹': '<', '›': '>',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
};

/** An answer folded once for all the quotes checked against it (see foldText). */
export interface FoldedText {
  readonly source: string;
  readonly text: string;
  /**
   * Where `text` came from in `source`, as runs: from folded index folded[j] on, character k came
   * from source[k - folded[j] + source[j]]. Undefined when every character is at its own index.
   * A folded space maps to the whitespace it stands for or to the character after it: quotes are
   * trimmed, so a found quote never starts or ends at one.
   */
  readonly runs: { readonly folded: readonly number[]; readonly source: readonly number[] } | undefined;
}

/** Printable ASCII but the backtick (folded to an apostrophe): characters that fold to their lower case alone. */
const isPlain = (code: number) => code > 32 && code < 127 && code !== 96;
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const SPACE = /\s/;
/** Text that folds to its lower case, one to one: plain characters and single inner spaces (most answers). */
const NOT_PLAIN = /[^!-_a-~ ]| {2}|^ | $/;

/**
 * Folds `input`: lower case, runs of whitespace as one space (none at either end), quote and dash
 * variants as their ASCII form. Plain text takes one toLowerCase; other text is folded run by run.
 */
export function foldText(input: string): FoldedText {
  if (!NOT_PLAIN.test(input)) return { source: input, text: input.toLowerCase(), runs: undefined };
  let text = '';
  const runs = { folded: [] as number[], source: [] as number[] };
  // Each folded character but the first of a run is one past the one before it in the source.
  const from = (at: number) => {
    const last = runs.folded.length - 1;
    if (last < 0 || at - (runs.source[last] as number) !== text.length - (runs.folded[last] as number)) {
      runs.folded.push(text.length);
      runs.source.push(at);
    }
  };
  let space = false;
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    const ch = input[i] as string;
    if (isAsciiSpace(code) || (code > 127 && SPACE.test(ch))) {
      space = text.length > 0;
      i += 1;
      continue;
    }
    if (space) {
      from(i);
      text += ' ';
      space = false;
    }
    if (isPlain(code)) {
      // A run of plain characters and the single spaces between them, which fold to themselves.
      let end = i + 1;
      for (let c = input.charCodeAt(end); end < input.length && (isPlain(c) || (c === 32 && isPlain(input.charCodeAt(end + 1)))); c = input.charCodeAt(end)) end += 1;
      from(i);
      text += input.slice(i, end).toLowerCase();
      i = end;
      continue;
    }
    for (const out of (FOLD[ch] ?? ch).toLowerCase()) {
      from(i);
      text += out;
    }
    i += 1;
  }
  return { source: input, text, runs };
}

/** The index in the source of folded character `at`. */
function sourceIndex(folded: FoldedText, at: number): number {
  const runs = folded.runs;
  if (!runs) return at;
  // The last run starting at or before `at`.
  let lo = 0;
  let hi = runs.folded.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs.folded[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return at - (runs.folded[lo] as number) + (runs.source[lo] as number);
}

/** A quote's fragments: split at "..." / "…", trimmed of the quote marks and punctuation models wrap them in. */
function fragmentsOf(quote: string): string[] {
  return quote
    .split(/\s*(?:\.{3,}|…)\s*/)
    .map((part) => foldText(part).text.replace(/^["'\s]+|["'\s,;:.!?]+$/g, ''))
    .filter((part) => part.length > 0);
}

/**
 * Finds `quote` in `answer` (or in an answer folded once for several quotes). Each fragment must
 * appear, in order; the result is one evidence span per fragment, or undefined when any fragment is
 * missing or the quote is too short to prove anything.
 */
export function findQuote(answer: string | FoldedText, quote: string): Evidence[] | undefined {
  const haystack = typeof answer === 'string' ? foldText(answer) : answer;
  const fragments = fragmentsOf(quote);
  if (fragments.reduce((sum, f) => sum + f.length, 0) < MIN_QUOTE_CHARS) return undefined;
  const spans: Evidence[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const at = haystack.text.indexOf(fragment, from);
    if (at < 0) return undefined;
    const start = sourceIndex(haystack, at);
    const end = sourceIndex(haystack, at + fragment.length - 1) + 1;
    spans.push({ start, end, text: haystack.source.slice(start, end) });
    from = at + fragment.length;
  }
  return spans;
}
