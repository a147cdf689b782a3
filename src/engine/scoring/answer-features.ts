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

/** Words from which a near-absence of function words makes an answer a keyword list. */
const LIST_MIN_WORDS = 8;
const LIST_MAX_FUNCTION_SHARE = 0.15;
/**
 * Below this share of function words an answer is a bare run of terms whatever its punctuation;
 * between it and LIST_MAX_FUNCTION_SHARE it takes separators too (commas, semicolons, lines, one
 * per five words), so a terse but real sentence ("pix2pix needs paired images; CycleGAN works
 * with unpaired data") is not mistaken for a keyword dump.
 */
const BARE_LIST_FUNCTION_SHARE = 0.08;
const LIST_SEPARATOR_RATE = 0.2;

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
  const distinct = new Set(a.content.map((i) => a.tokens[i]?.term)).size;
  const functionWords = a.tokens.filter((t) => t.kind === 'word' && t.stop).length;
  const functionShare = words > 0 ? functionWords / words : 0;
  const reasoning = REASONING.filter((re) => re.test(folded)).length;
  const sentences = Math.max(1, a.tokens.filter((t) => t.norm === '.' || t.norm === '!' || t.norm === '?').length);
  return {
    words,
    contentWords: a.content.length,
    distinctContent: distinct,
    functionShare,
    sentences: words > 0 ? sentences : 0,
    reasoning,
    numbers: a.tokens.filter((t) => t.kind === 'number').length,
    listLike:
      words >= LIST_MIN_WORDS &&
      reasoning === 0 &&
      (functionShare < BARE_LIST_FUNCTION_SHARE ||
        (functionShare < LIST_MAX_FUNCTION_SHARE && (folded.match(/[,;\n•]/g) ?? []).length / words >= LIST_SEPARATOR_RATE)),
  };
}
