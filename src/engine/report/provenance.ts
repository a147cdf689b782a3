// How the session was run and scored: offline, LLM, or LLM with offline fallbacks (where and why),
// the models, token usage, dropped quote claims, LLM-vs-offline disagreements and the bank version.
import type { SessionState } from '../state.js';
import type { Provenance, ReportQuestion } from './report-schema.js';

const LLM_PREFIX = 'llm:';

const numberOf = (index: number | undefined): number | null => (index === undefined || index < 0 ? null : index + 1);

function modelsOf(state: SessionState, questions: ReportQuestion[]): string[] {
  const fromLines = state.interviewers.filter((i) => i.startsWith(LLM_PREFIX)).map((i) => i.slice(LLM_PREFIX.length));
  const fromJudge = questions.map((q) => q.scoring.model).filter((m): m is string => m !== null);
  return [...new Set([...fromLines, ...fromJudge])];
}

function summaryOf(method: Provenance['method'], models: string[], fallbackCount: number): string {
  const named = models.length > 0 ? models.join(', ') : 'unnamed model';
  if (method === 'offline') return 'Run and scored offline: the rubric-based offline interviewer and the deterministic offline scorer; no LLM was used.';
  if (method === 'llm') return `Run and scored by an LLM (${named}); the offline scorer ran beside it as a check.`;
  return `Run and scored by an LLM (${named}), with the offline interviewer or scorer standing in on ${fallbackCount} turn${fallbackCount === 1 ? '' : 's'} (listed with the reason).`;
}

/** The scoring provenance of a session, from its state and its built question sections. */
export function provenanceOf(state: SessionState, questions: ReportQuestion[]): Provenance {
  const fallbacks = state.fallbacks.map((f) => ({ at: f.at, where: f.where, questionNumber: numberOf(f.questionIndex), reason: f.reason }));
  const fallbackLines = state.transcript
    .filter((e) => e.role === 'interviewer' && e.fallback)
    .map((e) => ({ seq: e.seq, kind: e.kind, questionNumber: numberOf(e.questionIndex), by: e.by ?? 'offline', reason: e.fallback ?? '', text: e.text }));
  const models = modelsOf(state, questions);
  const llmUsed = models.length > 0 || questions.some((q) => q.scoring.scorer === 'llm');
  const fellBack = fallbacks.length > 0 || fallbackLines.length > 0 || questions.some((q) => q.scoring.scorer === 'offline-fallback');
  const method: Provenance['method'] = fellBack ? 'llm-with-fallback' : llmUsed ? 'llm' : 'offline';
  const { promptTokens, completionTokens, calls } = state.usage;
  return {
    method,
    summary: summaryOf(method, models, Math.max(fallbacks.length, fallbackLines.length)),
    models,
    interviewers: state.interviewers,
    fallbacks,
    fallbackLines,
    droppedClaims: questions.reduce((n, q) => n + q.scoring.droppedClaims.length, 0),
    disagreements: questions
      .filter((q) => q.scoring.disagreement && q.score !== null && q.scoring.offlineScore !== null)
      .map((q) => ({ questionNumber: q.number, score: q.score ?? 0, offlineScore: q.scoring.offlineScore ?? 0 })),
    usage: calls > 0 ? { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, calls } : null,
    bankVersion: state.plan.bankVersion,
  };
}
