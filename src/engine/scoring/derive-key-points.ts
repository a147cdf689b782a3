// Key points for a question that has none (imported banks, graded data sets): one per sentence
// of the reference answer, its cues the sentence's content words and adjacent pairs of them.
// Deterministic: the same reference always gives the same ids, statements and cues.
import type { KeyPoint } from '../bank/schema.js';
import { analyzeText } from './analyze-text.js';
import type { Token } from './terms.js';
import { packedMap } from './stable-arrays.js';

/** Splits a reference into sentences; a sentence with no content words is dropped. */
export function splitSentences(text: string): string[] {
  return packedMap(text
    .split(/(?<=[.!?;])\s+|\n+/), (part) => part.trim())
    .filter((part) => analyzeText(part).content.length > 0);
}

/**
 * Derives key points from one reference answer. Ids are `ref-1`, `ref-2`... or, when `prefix`
 * is given (several references), `ref-<prefix>-1`... Weights are equal and sum to 1.
 */
export function deriveKeyPoints(reference: string, prefix?: number): KeyPoint[] {
  const sentences = splitSentences(reference);
  // A reference of function words only is still its own statement; an empty one has no points.
  const parts = sentences.length > 0 ? sentences : reference.trim() ? [reference.trim()] : [];
  return packedMap(parts, (statement, i) => ({
    id: prefix === undefined ? `ref-${i + 1}` : `ref-${prefix}-${i + 1}`,
    statement,
    weight: 1 / parts.length,
    cues: cuesOf(statement),
  }));
}

function cuesOf(statement: string): string[] {
  const a = analyzeText(statement);
  const words = packedMap(a.content, (index) => {
    const token = a.tokens[index] as Token;
    return statement.slice(token.start, token.end);
  });
  const cues = new Set<string>(packedMap(words, (word) => word.toLowerCase()));
  for (let i = 1; i < words.length; i += 1) cues.add(`${words[i - 1]} ${words[i]}`.toLowerCase());
  return cues.size > 0 ? [...cues] : [statement];
}
