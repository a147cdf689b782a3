// Surface features of an answer that do not depend on the reference: length, sentence structure,
// repetition and discourse markers (reasoning, STAR). The criteria read them.
import type { AnalyzedText } from './analyze-text.js';

export interface AnswerFeatures {
  words: number;
  contentWords: number;
  distinctContent: number;
  /** Share of words that are function words; prose sits around 0.4-0.55, a keyword list near 0. */
  functionShare: number;
  sentences: number;
  /** Reasoning markers ("because", "trade-off", "for example"...), counted once each. */
  reasoning: number;
  /** Numbers and percentages, a sign of a measured claim. */
  numbers: number;
  /** A run of terms with almost no sentence around them: a keyword dump, not an explanation. */
  listLike: boolean;
}

/** Words from which an answer can be judged a keyword list. */
const LIST_MIN_WORDS = 6;
/** Below this share of function words an answer is a bare run of terms whatever its punctuation. */
const BARE_LIST_FUNCTION_SHARE = 0.08;

const REASONING = [
  /\bbecause\b/, /\bso that\b/, /\btherefore\b/, /\bwhich means\b/, /\bthis means\b/, /\bas a result\b/,
  /\bin order to\b/, /\btrade-?off/, /\bhowever\b/, /\bwhereas\b/, /\bon the other hand\b/,
  /\bfor example\b|\bfor instance\b|\be\.g\./, /\bsuch as\b/, /\binstead\b/, /\bunless\b/,
  /\blimitation|\bdownside|\bdrawback|\bcost\b|\bexpensive\b/, /\bfails?\b|\bfailure\b|\bbreaks? down\b/,
  /\bwhen\b|\bif\b/, /\bwhy\b|\bthe reason\b/, /\bcompared (to|with)\b|\bthan\b/, /\bbut\b/,
];

/** Computes the features of an analyzed answer. */
export function answerFeatures(a: AnalyzedText, folded: string): AnswerFeatures {
  const words = a.wordCount;
  const distinct = new Set<string | undefined>();
  for (const i of a.content) distinct.add(a.tokens[i]?.term);
  // One pass over the tokens for the counts: every answer comes through here.
  let functionWords = 0;
  let stops = 0;
  let numbers = 0;
  for (const t of a.tokens) {
    if (t.kind === 'word' && t.stop) functionWords += 1;
    else if (t.kind === 'number') numbers += 1;
    if (t.norm === '.' || t.norm === '!' || t.norm === '?') stops += 1;
  }
  const functionShare = words > 0 ? functionWords / words : 0;
  let reasoning = 0;
  for (const re of REASONING) if (re.test(folded)) reasoning += 1;
  const sentences = Math.max(1, stops);
  return {
    words,
    contentWords: a.content.length,
    distinctContent: distinct.size,
    functionShare,
    sentences: words > 0 ? sentences : 0,
    reasoning,
    numbers,
    listLike: words >= LIST_MIN_WORDS && (functionShare < BARE_LIST_FUNCTION_SHARE || mostlyBareTerms(a)),
  };
}

/** A line break or a bullet between two offsets. */
function breaksLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 0x2022) return true;
  }
  return false;
}

/** Words that may sit inside a bare term ("cycle consistency and identity loss", "the critic"). */
const TERM_GLUE = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'vs', 'versus', 'etc']);
const HYPHEN = 45; // '-'
const SEGMENT_END = new Set([',', ';', '.', '!', '?', ':', '(', ')', '/']);
/** A list is at least this many segments, most of them bare terms. */
const LIST_MIN_SEGMENTS = 4;
const LIST_BARE_SHARE = 0.6;
const BARE_MAX_WORDS = 4;
/** Share of segments that relate terms (verb helper, preposition, negation) a list may hold: 0.3 on SAF train (Pearson 0.252 at 0.15, 0.279 at 0.3, 0.273 at 0.5). */
const LIST_MAX_RELATING = 0.3;

/**
 * True when the answer is a run of separated terms: most of its segments (between commas,
 * semicolons, line breaks, full stops) are a few words with nothing that relates them (no verb
 * helper, preposition or negation). A reasoning word in the list ("trade-off") is one more term.
 */
function mostlyBareTerms(a: AnalyzedText): boolean {
  let segments = 0;
  let bare = 0;
  let words = 0;
  let relating = false;
  const close = (): void => {
    if (words === 0) return;
    segments += 1;
    if (words <= BARE_MAX_WORDS && !relating) bare += 1;
    words = 0;
    relating = false;
  };
  a.tokens.forEach((token, i) => {
    const previous = a.tokens[i - 1];
    if (previous && breaksLine(a.text, previous.end, token.start)) close();
    if (token.kind === 'punct') {
      if (SEGMENT_END.has(token.norm)) close();
      return;
    }
    words += 1;
    // A function word inside a hyphenated compound ("one-hot", "4-bit") is part of a term.
    // (Read by code and inside the text: reading past either end throws optimised code away.)
    const hyphenated = (token.start > 0 && a.text.charCodeAt(token.start - 1) === HYPHEN) || (token.end < a.text.length && a.text.charCodeAt(token.end) === HYPHEN);
    if ((token.stop && !TERM_GLUE.has(token.norm) && !hyphenated) || a.isNegator[i]) relating = true;
  });
  close();
  // An explanation that lists examples ("Harms: deepfakes, fraud, ...") has sentences around
  // the list; a keyword dump has at most one.
  const relatingSegments = segments - bare;
  return segments >= LIST_MIN_SEGMENTS && bare / segments >= LIST_BARE_SHARE && relatingSegments <= Math.max(1, LIST_MAX_RELATING * segments);
}
