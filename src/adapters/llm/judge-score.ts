// Turns the judge's reply into a Score computed by our code, never taken from the model: a key
// point claim counts only with a quote that is in the answer and carries content relevant to that
// key point; completeness follows the verified coverage; other criteria need that evidence too;
// and the overall is the rubric-weighted mean of the levels, as the offline scorer combines them
// (src/engine/scoring/criteria.ts).
import type { Question } from '../../engine/bank/schema.js';
import type { AnswerFlag, CriterionResult, Evaluation, Evidence, KeyPointResult, Score } from '../../engine/scoring/types.js';
import type { Judgement } from './judge-request.js';
import { NON_ANSWER_FLAGS } from './judge-policy.js';
import { findQuote, foldText, type FoldedText } from './quote-check.js';
import { relevantTerms } from './quote-relevance.js';

const COVERAGE_VALUE = { covered: 1, partly: 0.5, missed: 0 } as const;

/**
 * A criterion may sit at most this many levels above what the verified coverage supports
 * (4 x coverage): a judge cannot rate an answer "excellent" on accuracy or depth while it can
 * quote relevant evidence for little of it.
 */
const CRITERION_SLACK = 1;

/** Offline findings under which there is no answer to judge the form of (a copy of the question is none either). */
const NOT_AN_ANSWER: readonly AnswerFlag[] = [...NON_ANSWER_FLAGS, 'repeats-question'];

/** Criteria about form, not content: judged without key point evidence, but only on a real answer. */
const FORM_CRITERIA = new Set(['clarity', 'communication', 'structure']);

export interface LlmScore {
  score: Score;
  /** Claims whose quote is not in the answer, or is but says nothing about the key point. */
  droppedClaims: Evaluation['droppedClaims'];
}

type Dropped = LlmScore['droppedClaims'];

function keyPointResult(question: Question, answer: () => FoldedText, kp: Question['keyPoints'][number], claim: Judgement['keyPoints'][number] | undefined, dropped: Dropped): KeyPointResult {
  const base = { id: kp.id, statement: kp.statement, weight: kp.weight, negated: false };
  const missed = { ...base, status: 'missed' as const, evidence: [], matched: [] };
  if (!claim || claim.status === 'missed') return missed;
  const verified: { quote: string; spans: Evidence[] }[] = [];
  for (const quote of claim.quotes) {
    const spans = findQuote(answer(), quote);
    // A quote that is in the answer but says nothing about this key point ("I don't know") proves nothing.
    if (spans && relevantTerms(question, kp.id, spans.map((sp) => sp.text).join(' ')).length > 0) verified.push({ quote, spans });
  }
  if (verified.length === 0) {
    dropped.push(...(claim.quotes.length > 0 ? claim.quotes : ['']).map((quote) => ({ keyPointId: kp.id, quote })));
    return missed;
  }
  return { ...base, status: claim.status, evidence: verified.flatMap((v) => v.spans), matched: verified.map((v) => v.quote) };
}

interface CriteriaInput {
  question: Question;
  judgement: Judgement;
  offline: Score;
  coverage: number;
  keyPoints: KeyPointResult[];
  /** The offline analysis saw an answer (no flag on it): clarity may be judged. */
  realAnswer: boolean;
}

function criterionCap(id: string, input: CriteriaInput): { cap: number; why: string } {
  const verified = input.keyPoints.some((k) => k.status !== 'missed');
  if (FORM_CRITERIA.has(id)) {
    return input.realAnswer ? { cap: 4, why: '' } : { cap: 0, why: 'there is no real answer to judge the form of' };
  }
  if (!verified) return { cap: 0, why: 'no key point is backed by a relevant quote from the answer' };
  return { cap: Math.min(4, Math.round(4 * input.coverage) + CRITERION_SLACK), why: 'the quoted evidence does not support more' };
}

function criterionResults(input: CriteriaInput): CriterionResult[] {
  const { question, judgement, offline, coverage, keyPoints } = input;
  return question.rubric.criteria.map((c) => {
    if (c.id === 'completeness') {
      const covered = keyPoints.filter((k) => k.status === 'covered').length;
      const partly = keyPoints.filter((k) => k.status === 'partly').length;
      const reason = `Covers ${covered} of ${keyPoints.length} key points with relevant quoted evidence${partly > 0 ? `, ${partly} more partly` : ''}.`;
      return { id: c.id, name: c.name, level: Math.round(4 * coverage), reason };
    }
    const given = judgement.criteria.find((j) => j.id === c.id);
    const fromOffline = offline.criteria.find((o) => o.id === c.id);
    const level = given?.level ?? fromOffline?.level ?? 0;
    const reason = given?.reason ?? `${fromOffline?.reason ?? ''} (offline estimate: the judge gave no level)`.trim();
    const { cap, why } = criterionCap(c.id, input);
    return level > cap ? { id: c.id, name: c.name, level: cap, reason: `${reason} (capped at ${cap}: ${why})` } : { id: c.id, name: c.name, level, reason };
  });
}

/**
 * The LLM's score for `answer` (the text the judge saw, with any grader-addressed sentences
 * blanked so offsets still point into the original), with the claims dropped for want of a
 * relevant quote found in the answer. The offline score's flags are carried over.
 */
export function scoreJudgement(question: Question, answer: string, judgement: Judgement, offline: Score): LlmScore {
  const dropped: Dropped = [];
  // Folded once, for every quote of the reply, and only if there is a quote to check.
  let folded: FoldedText | undefined;
  const foldedAnswer = () => (folded ??= foldText(answer));
  const results = question.keyPoints.map((kp) => keyPointResult(question, foldedAnswer, kp, judgement.keyPoints.find((k) => k.id === kp.id), dropped));
  const totalWeight = results.reduce((sum, k) => sum + k.weight, 0) || 1;
  const coverage = results.reduce((sum, k) => sum + k.weight * COVERAGE_VALUE[k.status], 0) / totalWeight;
  const realAnswer = !offline.flags.some((f) => NOT_AN_ANSWER.includes(f));
  const criteria = criterionResults({ question, judgement, offline, coverage, keyPoints: results, realAnswer });
  const criteriaWeight = question.rubric.criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
  const overall = question.rubric.criteria.reduce((sum, c, i) => sum + (c.weight / criteriaWeight) * ((criteria[i]?.level ?? 0) / 4) * 100, 0);
  return {
    score: { scorer: 'llm', overall: Math.round(overall * 10) / 10, keyPoints: results, criteria, flags: [...offline.flags] },
    droppedClaims: dropped,
  };
}
