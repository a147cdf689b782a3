// Turns the judge's reply into a Score computed by our code, never taken from the model: key point
// claims count only with a quote found in the answer, completeness follows the verified coverage,
// and the overall is the rubric-weighted mean of the levels, as the offline scorer combines them
// (src/engine/scoring/criteria.ts).
import type { Question } from '../../engine/bank/schema.js';
import type { AnswerFlag, CriterionResult, Evaluation, KeyPointResult, Score } from '../../engine/scoring/types.js';
import type { Judgement } from './judge-request.js';
import { findQuote } from './quote-check.js';

const COVERAGE_VALUE = { covered: 1, partly: 0.5, missed: 0 } as const;

/**
 * A criterion may sit at most this many levels above what the verified coverage supports
 * (4 x coverage): a judge cannot rate an answer "excellent" on accuracy or depth while it can
 * quote evidence for none of its key points.
 */
const CRITERION_SLACK = 1;

/** Flags that void an answer whatever a model reads into it; kept from the offline scorer. */
const VOIDING_FLAGS: readonly AnswerFlag[] = ['empty', 'gibberish'];
/** As in the offline scorer: a voided answer keeps this share of its score. */
const FLAGGED_FACTOR = 0.05;

export interface LlmScore {
  score: Score;
  droppedClaims: Evaluation['droppedClaims'];
}

function keyPointResults(question: Question, answer: string, judgement: Judgement): { results: KeyPointResult[]; dropped: LlmScore['droppedClaims'] } {
  const dropped: LlmScore['droppedClaims'] = [];
  const results = question.keyPoints.map((kp): KeyPointResult => {
    const claim = judgement.keyPoints.find((k) => k.id === kp.id);
    const base = { id: kp.id, statement: kp.statement, weight: kp.weight, negated: false };
    if (!claim || claim.status === 'missed') return { ...base, status: 'missed', evidence: [], matched: [] };
    const found = claim.quotes.map((quote) => ({ quote, spans: findQuote(answer, quote) }));
    const verified = found.filter((f) => f.spans !== undefined);
    if (verified.length === 0) {
      dropped.push(...(claim.quotes.length > 0 ? claim.quotes : ['']).map((quote) => ({ keyPointId: kp.id, quote })));
      return { ...base, status: 'missed', evidence: [], matched: [] };
    }
    return { ...base, status: claim.status, evidence: verified.flatMap((f) => f.spans ?? []), matched: verified.map((f) => f.quote) };
  });
  return { results, dropped };
}

function criterionResults(question: Question, judgement: Judgement, offline: Score, coverage: number, keyPoints: KeyPointResult[]): CriterionResult[] {
  const cap = Math.min(4, Math.round(4 * coverage) + CRITERION_SLACK);
  return question.rubric.criteria.map((c) => {
    if (c.id === 'completeness') {
      const covered = keyPoints.filter((k) => k.status === 'covered').length;
      const partly = keyPoints.filter((k) => k.status === 'partly').length;
      const reason = `Covers ${covered} of ${keyPoints.length} key points with quoted evidence${partly > 0 ? `, ${partly} more partly` : ''}.`;
      return { id: c.id, name: c.name, level: Math.round(4 * coverage), reason };
    }
    const given = judgement.criteria.find((j) => j.id === c.id);
    const fromOffline = offline.criteria.find((o) => o.id === c.id);
    const level = given?.level ?? fromOffline?.level ?? 0;
    const reason = given?.reason ?? `${fromOffline?.reason ?? ''} (offline estimate: the judge gave no level)`.trim();
    return level > cap
      ? { id: c.id, name: c.name, level: cap, reason: `${reason} (capped at ${cap}: the quoted evidence does not support more)` }
      : { id: c.id, name: c.name, level, reason };
  });
}

/** The LLM's score for `answer`, with the claims dropped for want of a quote found in the answer. */
export function scoreJudgement(question: Question, answer: string, judgement: Judgement, offline: Score): LlmScore {
  const { results, dropped } = keyPointResults(question, answer, judgement);
  const totalWeight = results.reduce((sum, k) => sum + k.weight, 0) || 1;
  const coverage = results.reduce((sum, k) => sum + k.weight * COVERAGE_VALUE[k.status], 0) / totalWeight;
  const criteria = criterionResults(question, judgement, offline, coverage, results);
  const criteriaWeight = question.rubric.criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
  const weighted = question.rubric.criteria.reduce((sum, c, i) => sum + (c.weight / criteriaWeight) * ((criteria[i]?.level ?? 0) / 4) * 100, 0);
  const flags = offline.flags.filter((f) => VOIDING_FLAGS.includes(f));
  const overall = flags.length > 0 ? weighted * FLAGGED_FACTOR : weighted;
  return {
    score: { scorer: 'llm', overall: Math.round(overall * 10) / 10, keyPoints: results, criteria, flags },
    droppedClaims: dropped,
  };
}
