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

/** Folded text and, for each of its characters, the index in the original it came from. */
interface Folded {
  text: string;
  origin: number[];
}

function fold(input: string): Folded {
  let text = '';
  const origin: number[] = [];
  let space = false;
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      space = text.length > 0;
      continue;
    }
    if (space) {
      text += ' ';
      origin.push(i);
      space = false;
    }
    for (const out of (FOLD[ch] ?? ch).toLowerCase()) {
      text += out;
      origin.push(i);
    }
  }
  return { text, origin };
}

/** A quote's fragments: split at "..." / "…", trimmed of the quote marks and punctuation models wrap them in. */
function fragmentsOf(quote: string): string[] {
  return quote
    .split(/\s*(?:\.{3,}|…)\s*/)
    .map((part) => fold(part).text.replace(/^["'\s]+|["'\s,;:.!?]+$/g, ''))
    .filter((part) => part.length > 0);
}

/**
 * Finds `quote` in `answer`. Each fragment must appear, in order; the result is one evidence span
 * per fragment, or undefined when any fragment is missing or the quote is too short to prove anything.
 */
export function findQuote(answer: string, quote: string): Evidence[] | undefined {
  const haystack = fold(answer);
  const fragments = fragmentsOf(quote);
  if (fragments.join('').length < MIN_QUOTE_CHARS) return undefined;
  const spans: Evidence[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const at = haystack.text.indexOf(fragment, from);
    if (at < 0) return undefined;
    const start = haystack.origin[at] as number;
    const end = (haystack.origin[at + fragment.length - 1] as number) + 1;
    spans.push({ start, end, text: answer.slice(start, end) });
    from = at + fragment.length;
  }
  return spans;
}
