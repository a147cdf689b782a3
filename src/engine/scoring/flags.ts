// Flags for answers that should not earn credit whatever words they contain: empty, too short,
// gibberish (keyboard mash, or a bare run of keywords), off-topic, "I don't know", and a copy of
// the question.
import type { AnalyzedText } from './analyze-text.js';
import type { AnswerFeatures } from './answer-features.js';
import { declinesToAnswer } from './non-answer.js';
import { synonymTerms } from './terms.js';
import type { AnswerFlag } from './types.js';

export interface FlagInput {
  answer: AnalyzedText;
  folded: string;
  features: AnswerFeatures;
  questionTerms: Set<string>;
  /** Terms of the references, key points and cues. */
  vocabulary: Set<string>;
  /** Terms of the references and key point statements (no cues), for the off-topic check. */
  topicVocabulary: Set<string>;
  referenceLength: number;
  /** Behavioral answers tell the candidate's own story: their words are not the reference's. */
  behavioral: boolean;
}

const WHOLE_ANSWER_PASS = /^\s*(pass|skip|next(\s+question)?|no\s+comment|n\/?a|\?+|-+)\s*[.!]*\s*$/;
const KEYBOARD_RUNS = /qwer|wert|erty|asdf|sdfg|dfgh|fghj|ghjk|hjkl|zxcv|xcvb|cvbn|vbnm|uiop|yuio|tyui|jkl;|lkj|kjh|mnb/;
const RARE_BIGRAMS = /q[^u]|j[bcdfgjklmnpqrstvwxz]|x[bdgjkmnqrsvxz]|z[bcdfgjkmnpqrstvx]|[cfgkmpvw][jxz]|v[bfhmnptw]|([a-z])\1\1/;

const OFF_TOPIC_MIN_TERMS = 6;
/**
 * An off-topic answer may share a stray word or two with the question ("model", "train"). At 0.2,
 * 1.2% of the correct SciEntsBank train answers (0.1% of Beetle's) are flagged, and 55 of 69 bank
 * reference answers given to a question of another topic; 0.15 caught only 34 of those.
 */
const OFF_TOPIC_MAX_RELATED = 0.2;
/**
 * When the answer uses a word of the question, it is off-topic only when almost nothing else is
 * related. On SAF train, 0.2 flagged 157 of 1,700 expert-graded answers (0.12: 55), most of them given
 * full credit by the experts ("duplicate packets congest the buffers" for a question on duplicates).
 */
const OFF_TOPIC_MAX_RELATED_WITH_QUESTION = 0.12;


/** Flags for an answer; an empty answer gets only `empty`. */
export function detectFlags(input: FlagInput): AnswerFlag[] {
  const { answer, features } = input;
  if (features.words === 0) return ['empty'];
  const flags: AnswerFlag[] = [];
  if (isGibberish(input)) flags.push('gibberish');
  if (isDontKnow(input)) flags.push('dont-know');
  if (repeatsQuestion(input)) flags.push('repeats-question');
  else if (!input.behavioral && isOffTopic(input)) flags.push('off-topic');
  // Short is relative: one word can answer "which unit?", not "explain attention". At most 8 words
  // for a full-length reference (80-250 words), a fraction of it for a one-line reference.
  if (flags.length === 0 && (answer.content.length === 0 || features.words < Math.min(8, 0.15 * input.referenceLength))) {
    flags.push('too-short');
  }
  return flags;
}

// Every word of every answer is asked about and most words recur from answer to answer: the five
// regex tests ran for each one. Cleared when full, as the stem cache is.
const WORD_LIKE = new Map<string, boolean>();
const WORD_LIKE_SIZE = 20_000;

function looksLikeWord(word: string): boolean {
  if (word.length <= 2) return true;
  let known = WORD_LIKE.get(word);
  if (known === undefined) {
    known = readsAsWord(word);
    if (WORD_LIKE.size >= WORD_LIKE_SIZE) WORD_LIKE.clear();
    WORD_LIKE.set(word, known);
  }
  return known;
}

function readsAsWord(word: string): boolean {
  if (!/[aeiouy]/.test(word)) return false;
  if (/[bcdfghjklmnpqrstvwxz]{6,}/.test(word) || KEYBOARD_RUNS.test(word) || RARE_BIGRAMS.test(word)) return false;
  return word.length < 8 || vowelCount(word) / word.length >= 0.15;
}

function vowelCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i += 1) if (VOWELS.has(word.charCodeAt(i))) n += 1;
  return n;
}

const VOWELS = new Set(Array.from('aeiouy', (c) => c.charCodeAt(0)));

function isGibberish({ answer, vocabulary, questionTerms }: FlagInput): boolean {
  // Counted in one pass: every answer comes through here.
  let words = 0;
  let bad = 0;
  for (const t of answer.tokens) {
    if (t.kind !== 'word') continue;
    words += 1;
    if (!vocabulary.has(t.term) && !questionTerms.has(t.term) && !looksLikeWord(t.norm)) bad += 1;
  }
  if (bad >= 2 && bad / Math.max(1, words) >= 0.3) return true;
  return bad >= 1 && words <= 2;
}

function isDontKnow({ folded, answer, questionTerms, vocabulary }: FlagInput): boolean {
  if (WHOLE_ANSWER_PASS.test(folded)) return true;
  return declinesToAnswer({ answer, weigh: (term) => (questionTerms.has(term) ? 0 : vocabulary.has(term) ? 2 : 0.5) });
}

function repeatsQuestion({ answer, questionTerms, vocabulary }: FlagInput): boolean {
  // byTerm's keys are the answer's distinct terms.
  const terms = answer.byTerm;
  if (terms.size < 2 || questionTerms.size === 0) return false;
  let fromQuestion = 0;
  let fromReferenceOnly = 0;
  for (const term of terms.keys()) {
    if (questionTerms.has(term)) fromQuestion += 1;
    else if (vocabulary.has(term)) fromReferenceOnly += 1;
  }
  return fromReferenceOnly === 0 && fromQuestion / terms.size >= 0.8 && fromQuestion / questionTerms.size >= 0.5;
}

function isOffTopic({ answer, questionTerms, topicVocabulary: vocabulary }: FlagInput): boolean {
  // A short answer can be right in words the reference never uses; only a long one is judged.
  // byTerm's keys are the answer's distinct terms.
  const terms = answer.byTerm;
  if (terms.size < OFF_TOPIC_MIN_TERMS) return false;
  let fromQuestion = 0;
  let related = 0;
  for (const term of terms.keys()) {
    if (questionTerms.has(term)) fromQuestion += 1;
    // A word counts as related when it, or a WordNet synonym of it, is the question's or the reference's.
    if (onTopic(term, questionTerms, vocabulary) || synonymOnTopic(term, questionTerms, vocabulary)) related += 1;
  }
  // An answer that takes up two or more of the question's words is about it, even in words of its own.
  return related / terms.size <= (fromQuestion >= 2 ? OFF_TOPIC_MAX_RELATED_WITH_QUESTION : OFF_TOPIC_MAX_RELATED);
}

const onTopic = (term: string, questionTerms: ReadonlySet<string>, vocabulary: ReadonlySet<string>): boolean => questionTerms.has(term) || vocabulary.has(term);

function synonymOnTopic(term: string, questionTerms: ReadonlySet<string>, vocabulary: ReadonlySet<string>): boolean {
  for (const synonym of synonymTerms(term)) if (onTopic(synonym, questionTerms, vocabulary)) return true;
  return false;
}
