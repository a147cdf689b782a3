// One text read once for matching: its terms, clauses and negation scope, and an index from
// term to positions. Answers, references, cues and key point statements all go through here.
import { analyzeNegation, isNegatorWord } from './negation.js';
import { toTerms, type Token } from './terms.js';
import { packedMap } from './stable-arrays.js';

/** A text ready to match: tokens (with punctuation) plus what matching needs about them. */
export interface AnalyzedText {
  text: string;
  tokens: Token[];
  /** Indices of content tokens (not function words, negators or punctuation), in order. */
  content: number[];
  clause: number[];
  /** Sentence number per token: a phrase does not run across sentences. */
  sentence: number[];
  isNegator: boolean[];
  /** Per token: the negators whose head it is. */
  headOf: (readonly number[])[];
  /** The answer refers back with a pronoun ("they are connected"), so question words may be implied. */
  hasPronoun: boolean;
  /** term -> indices of content tokens with that term. */
  byTerm: Map<string, number[]>;
  /** Number of word tokens (function words included), for length and structure checks. */
  wordCount: number;
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'theirs', 'both', 'each', 'these', 'those', 'this', 'all', 'one', 'other']);

/** Analyzes `text` for matching. Pure and deterministic. */
export function analyzeText(text: string): AnalyzedText {
  const tokens = toTerms(text);
  const { clause, isNegator, headOf } = analyzeNegation(tokens);
  const unstated = admittedUnknown(tokens, clause, headOf);
  const content: number[] = [];
  const byTerm = new Map<string, number[]>();
  let wordCount = 0;
  tokens.forEach((token, i) => {
    if (token.kind === 'punct') return;
    wordCount += 1;
    // "no longer", "not anymore": the time word is part of the negation, not content.
    const prev = tokens[i - 1]?.norm;
    if (token.stop || isNegator[i] || isNegatorWord(token.norm) || ((prev === 'no' || prev === 'not') && (token.norm === 'longer' || token.norm === 'anymore'))) return;
    content.push(i);
    if (unstated[i]) return;
    const list = byTerm.get(token.term);
    if (list) list.push(i);
    else byTerm.set(token.term, [i]);
  });
  const hasPronoun = tokens.some((t) => PRONOUNS.has(t.norm));
  let current = 0;
  const sentence = packedMap(tokens, (t) => (SENTENCE_END.has(t.norm) ? current++ : current));
  return { text, tokens, content, clause, sentence, isNegator, headOf, hasPronoun, byTerm, wordCount };
}

// Words that, said of oneself, admit not knowing: "fuzzy on", "unsure", or negated "sure", "know"...
const UNKNOWING_ALWAYS = new Set(['fuzzi', 'hazi', 'unsur', 'forgot', 'forget', 'clueless', 'rusti', 'vagu', 'wonder']);
const UNKNOWING_NEGATED = new Set(['sure', 'know', 'understand', 'understood', 'rememb', 'recal', 'familiar', 'idea', 'clue', 'certain', 'clear']);

/**
 * Tokens inside an admission of not knowing ("I'm fuzzy on how the RL part works", "I don't
 * know what PPO does"): from the admission to the end of its clause. They name a topic without
 * saying anything about it, so they are no evidence.
 */
function admittedUnknown(tokens: readonly Token[], clause: readonly number[], headOf: readonly (readonly number[])[]): boolean[] {
  const unstated = packedMap(tokens, () => false);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const admits = UNKNOWING_ALWAYS.has(token.stem) || (UNKNOWING_NEGATED.has(token.stem) && ((headOf[i]?.length ?? 0) > 0 || token.inherentNeg));
    if (!admits) continue;
    for (let j = i; j < tokens.length && clause[j] === clause[i]; j += 1) unstated[j] = true;
  }
  return unstated;
}

/** Distinct content terms of an analyzed text. */
export function contentTerms(analyzed: AnalyzedText): Set<string> {
  return new Set(analyzed.byTerm.keys());
}
