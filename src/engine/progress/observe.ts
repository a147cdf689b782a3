// From one session's evaluations to what it showed of each key point it asked about: the status
// of the evaluation that counts (the latest of the latest attempt, as the report counts it), and
// whether the point came unprompted (covered in the very first evaluation of the question).
import type { KeyPointResult } from '../scoring/types.js';
import type { PracticeEvaluation, PracticeQuestion, PracticeSession } from './practice-history.js';
import type { MasteryStatus } from './progress-schema.js';

export interface Observation {
  sessionId: string;
  question: PracticeQuestion;
  keyPointId: string;
  statement: string;
  weight: number;
  at: number;
  status: MasteryStatus;
  unprompted: boolean;
  evidence: string[];
  /** The overall score of the question's counting evaluation (0..100). */
  questionScore: number;
}

/** Contradiction is carried as `negated` on a missed point (the scoring contract of issue 11). */
export const masteryStatus = (k: KeyPointResult): MasteryStatus => (k.negated && k.status === 'missed' ? 'contradicted' : k.status);

/** The evaluation that counts for a question: its latest attempt's latest evaluation. */
export function countingEvaluation(evaluations: readonly PracticeEvaluation[]): PracticeEvaluation | undefined {
  let best: PracticeEvaluation | undefined;
  for (const e of evaluations) if (!best || e.attempt > best.attempt || (e.attempt === best.attempt && e.at >= best.at)) best = e;
  return best;
}

export function observeSession(session: PracticeSession): Observation[] {
  const byIndex = new Map<number, PracticeEvaluation[]>();
  for (const e of session.evaluations) byIndex.set(e.questionIndex, [...(byIndex.get(e.questionIndex) ?? []), e]);
  const out: Observation[] = [];
  for (const [index, evaluations] of byIndex) {
    const question = session.questions[index];
    const final = countingEvaluation(evaluations);
    const first = evaluations[0];
    if (!question || !final || !first || question.id !== final.questionId) continue;
    for (const k of final.score.keyPoints) {
      const status = masteryStatus(k);
      const firstStatus = first.score.keyPoints.find((f) => f.id === k.id);
      out.push({
        sessionId: session.id,
        question,
        keyPointId: k.id,
        statement: k.statement,
        weight: k.weight,
        at: final.at,
        status,
        unprompted: status === 'covered' && firstStatus?.status === 'covered' && !firstStatus.negated,
        evidence: k.evidence.map((e) => e.text),
        questionScore: final.score.overall,
      });
    }
  }
  return out;
}
