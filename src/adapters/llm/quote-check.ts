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
  /** For each character of `text`, the index in `source` it came from; undefined when that is its own index. */
  readonly origin: readonly number[] | undefined;
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
  if (!NOT_PLAIN.test(input)) return { source: input, text: input.toLowerCase(), origin: undefined };
  const parts: string[] = [];
  const origin: number[] = [];
  let space = false;
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    const ch = input[i] as string;
    if (isAsciiSpace(code) || (code > 127 && SPACE.test(ch))) {
      space = parts.length > 0;
      i += 1;
      continue;
    }
    if (space) {
      parts.push(' ');
      origin.push(i);
      space = false;
    }
    if (isPlain(code)) {
      let end = i + 1;
      while (end < input.length && isPlain(input.charCodeAt(end))) end += 1;
      parts.push(input.slice(i, end).toLowerCase());
      for (; i < end; i += 1) origin.push(i);
      continue;
    }
    for (const out of (FOLD[ch] ?? ch).toLowerCase()) {
      parts.push(out);
      origin.push(i);
    }
    i += 1;
  }
  return { source: input, text: parts.join(''), origin };
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
  const { text, origin, source } = haystack;
  const spans: Evidence[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    if (at < 0) return undefined;
    const last = at + fragment.length - 1;
    const start = origin ? (origin[at] as number) : at;
    const end = (origin ? (origin[last] as number) : last) + 1;
    spans.push({ start, end, text: source.slice(start, end) });
    from = at + fragment.length;
  }
  return spans;
}
