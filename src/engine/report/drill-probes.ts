// Drill mode: how many probes (follow-ups aimed at it) each key point needed, and where it ended.
import type { SessionState } from '../state.js';
import { attemptEntries, countedEvaluation } from './question-report.js';
import type { DrillProbe, ReportQuestion } from './report-schema.js';

/**
 * One row per key point of every answered question. Counts come from the question's progress for
 * the current attempt, and from the attempt's follow-up lines when an earlier attempt is the one
 * that counts (a retry that was never answered).
 */
export function drillProbes(state: SessionState, questions: ReportQuestion[]): DrillProbe[] {
  return questions
    .filter((q) => q.status === 'answered')
    .flatMap((q) => {
      const index = q.number - 1;
      const progress = state.questions[index];
      const attempt = progress ? (countedEvaluation(progress)?.attempt ?? progress.attempt) : 1;
      const current = progress !== undefined && attempt === progress.attempt;
      const entries = current ? [] : attemptEntries(state.transcript, index, attempt);
      const probesOf = (id: string) => (current ? (progress?.probes[id] ?? 0) : entries.filter((e) => e.kind === 'follow-up' && e.target === id).length);
      return q.keyPoints.map((k) => ({
        questionNumber: q.number,
        questionId: q.id,
        keyPointId: k.id,
        statement: k.statement,
        probes: probesOf(k.id),
        hinted: q.hints.includes(k.id),
        status: k.status ?? 'missed',
      }));
    });
}
