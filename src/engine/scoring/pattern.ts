// A pattern is the matchable form of a cue or a statement: its distinct content terms, each with
// a weight, the negators that govern it and whether it negates itself.
import { analyzeText } from './analyze-text.js';
import type { Token } from './terms.js';
import { countWhere } from './stable-arrays.js';

export interface PatternTerm {
  term: string;
  stem: string;
  norm: string;
  /** The word as written in the pattern, reported as "matched". */
  surface: string;
  weight: number;
  /** How many negators are about this very word (it is their head). */
  heads: number;
  inherentNeg: boolean;
  /** An answer may imply this word with a pronoun ("they" for the question's terminals). */
  implicit: boolean;
  /** A negator follows the word closely in its clause ("queries are not cached"): its claim is denied. */
  deniedClause: boolean;
  /** The clause of the pattern the word is in (0 first). */
  clause: number;
  /** `term` and `norm` in one string (termKey): what an answer's candidates for the term are looked up by. */
  key: string;
}

/**
 * The key an answer's candidates for a pattern term are memoised under: they depend on its term
 * (exact and opposite matches) and its spelling (near misses). Built once, when the pattern is.
 */
export function termKey(term: string, norm: string): string {
  return `${term}\u0000${norm}`;
}

export interface Pattern {
  text: string;
  terms: PatternTerm[];
  total: number;
  /** Content words plus negators: "lack of diversity" is a two-word phrase with one content term. */
  words: number;
  /** Negators and self-negating words in the whole pattern ("is not capable of" has one). */
  negations: number;
}

/** Weight of each content token of a pattern, and whether a pronoun can stand for it. */
export interface TermWeigher {
  weight(token: Token): number;
  implicit(token: Token): boolean;
}

const UNIT: TermWeigher = { weight: () => 1, implicit: () => false };

export interface PatternOptions {
  weigh?: TermWeigher;
  /** Keep repeated words, each to be found separately ("sample by sample"); statements drop them. */
  keepRepeats?: boolean;
}

/** Compiles a cue or statement. */
export function compilePattern(text: string, options: PatternOptions = {}): Pattern {
  const { weigh = UNIT, keepRepeats = false } = options;
  const a = analyzeText(text);
  const seen = new Set<string>();
  const terms: PatternTerm[] = [];
  for (const index of a.content) {
    const token = a.tokens[index] as Token;
    if (seen.has(token.term) && !keepRepeats) continue;
    seen.add(token.term);
    terms.push({
      term: token.term,
      stem: token.stem,
      norm: token.norm,
      surface: text.slice(token.start, token.end),
      weight: weigh.weight(token),
      heads: a.headOf[index]?.length ?? 0,
      inherentNeg: token.inherentNeg,
      implicit: weigh.implicit(token),
      deniedClause: a.tokens.some((_, j) => a.isNegator[j] && a.clause[j] === a.clause[index] && j > index && j - index <= 3),
      clause: a.clause[index] ?? 0,
      key: termKey(token.term, token.norm),
    });
  }
  const negators = countWhere(a.isNegator, Boolean);
  const negations = negators + countWhere(a.content, (i) => a.tokens[i]?.inherentNeg);
  return { text, terms, total: terms.reduce((sum, t) => sum + t.weight, 0), words: a.content.length + negators, negations };
}
