// Drill mode: how many probes (follow-ups aimed at it) each key point needed, and where it ended.
import type { SessionState, TranscriptEntry } from '../state.js';
import { attemptEntries, countedEvaluation } from './question-report.js';
import type { DrillProbe, ReportQuestion } from './report-schema.js';

/**
 * One row per key point of every answered question. Probes and hints add up over every attempt
 * (a retry starts the question over, not the candidate's record): the current attempt's counts come
 * from the question's progress, earlier attempts' from their follow-up and hint lines.
 */
export function drillProbes(state: SessionState, questions: ReportQuestion[]): DrillProbe[] {
  return questions
    .filter((q) => q.status === 'answered')
    .flatMap((q) => {
      const index = q.number - 1;
      const progress = state.questions[index];
      const attempt = progress ? (countedEvaluation(progress)?.attempt ?? progress.attempt) : 1;
      const past: TranscriptEntry[] = [];
      for (let n = 1; n <= attempt; n += 1) if (n !== progress?.attempt) past.push(...attemptEntries(state.transcript, index, n));
      const current = progress !== undefined && attempt === progress.attempt;
      const probesOf = (id: string) => (current ? (progress?.probes[id] ?? 0) : 0) + past.filter((e) => e.kind === 'follow-up' && e.target === id).length;
      const hinted = new Set([...q.hints, ...q.earlierAttempts.flatMap((a) => a.hints)]);
      return q.keyPoints.map((k) => ({
        questionNumber: q.number,
        questionId: q.id,
        keyPointId: k.id,
        statement: k.statement,
        probes: probesOf(k.id),
        hinted: hinted.has(k.id),
        status: k.status ?? 'missed',
      }));
    });
}
