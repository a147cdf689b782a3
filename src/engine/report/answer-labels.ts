// What a question's flags, contradicted key points and scorer disagreements say in words. Shared by
// every renderer (Markdown, HTML, PDF, the web report) and drill feedback, so all say the same.
import type { EarlierAttempt, QuestionScoring, ReportQuestion } from './report-schema.js';

/**
 * The offline scorer's answer flags in words. Keyed by string, not by AnswerFlag, so a flag added
 * later still gets a generic line (never a silent drop).
 */
const FLAG_WORDS: Record<string, string> = {
  empty: 'No answer was given, so it scored 0.',
  'dont-know': 'You said you did not know, so no key point was credited.',
  gibberish: 'The answer could not be read as words, so it scored 0.',
  'off-topic': 'The answer was about something else, so it scored 0.',
  'addresses-grader': 'Part of the answer spoke to the grader instead of the question; that part earned no credit.',
  'too-short': 'The answer was very short.',
  'repeats-question': 'The answer mostly repeated the question.',
};

/** Flags that make the reply a non-answer: 0 on every criterion and key point. */
export const NON_ANSWER_FLAGS: ReadonlySet<string> = new Set(['empty', 'dont-know', 'gibberish', 'off-topic']);

/** One flag in words. */
export const flagLabel = (flag: string): string => FLAG_WORDS[flag] ?? `The scorer flagged this answer (${flag}).`;

/** Every flag of a question in words, non-answers first. */
export function flagLines(flags: readonly string[]): string[] {
  const ordered = [...new Set(flags)].sort((a, b) => Number(NON_ANSWER_FLAGS.has(b)) - Number(NON_ANSWER_FLAGS.has(a)));
  return ordered.map(flagLabel);
}

type KeyPoint = Pick<ReportQuestion['keyPoints'][number], 'statement' | 'evidence' | 'negated'>;

/** True when the answer stated the opposite of the key point (the contract of issue 11). */
export const isContradicted = (k: KeyPoint): boolean => k.negated && k.evidence.length > 0;

/** `Contradicted: you said "…"; the point is: …` (the lead's wording, used everywhere). */
export function contradictionLine(k: KeyPoint): string {
  const said = k.evidence.map((e) => `"${e}"`).join(', ');
  return `Contradicted: you said ${said}; the point is: ${k.statement}`;
}

/**
 * When the LLM judge and the offline scorer disagree on a question, both scores in a line; null
 * when they agree or only one scorer ran.
 */
export function disagreementLine(s: QuestionScoring, score: number | null): string | null {
  if (!s.disagreement || s.offlineScore === null || score === null) return null;
  return `The LLM judge scored this ${Math.round(score)}/100 and the offline scorer ${Math.round(s.offlineScore)}/100; they disagree, so read this score with care.`;
}

/** "Attempt 1, before a retry: score 30/100 · with a hint · 2 follow-ups" (one wording for every format). */
export function attemptLabel(a: Pick<EarlierAttempt, 'attempt' | 'score' | 'hints' | 'followUps'>): string {
  const score = a.score === null ? 'not scored' : `score ${Math.round(a.score)}/100`;
  const hints = a.hints.length === 0 ? 'no hint' : a.hints.length === 1 ? 'with a hint' : `with ${a.hints.length} hints`;
  return `Attempt ${a.attempt}, before a retry: ${score} · ${hints} · ${a.followUps} follow-up${a.followUps === 1 ? '' : 's'}`;
}
