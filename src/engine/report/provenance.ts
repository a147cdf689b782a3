// How the session was run and scored, stated exactly: offline by choice, offline because every LLM
// call failed (with the reasons), or the LLM with the count of lines and judgements it produced and
// of those the offline interviewer or scorer stood in for; plus the models, token usage, dropped
// quote claims, LLM-vs-offline disagreements and the bank version.
import type { SessionState } from '../state.js';
import type { Provenance, ReportQuestion } from './report-schema.js';

const LLM_PREFIX = 'llm:';

type Mix = NonNullable<Provenance['mix']>;

const numberOf = (index: number | undefined): number | null => (index === undefined || index < 0 ? null : index + 1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function modelsOf(state: SessionState): string[] {
  const fromLines = state.transcript.filter((e) => e.by?.startsWith(LLM_PREFIX)).map((e) => (e.by ?? '').slice(LLM_PREFIX.length));
  const fromJudge = state.questions.flatMap((p) => p.evaluations).filter((r) => r.evaluation.model && !r.evaluation.fallback).map((r) => r.evaluation.model as string);
  return [...new Set([...fromLines, ...fromJudge])];
}

/** Counts every interviewer line and every judgement of the session (earlier attempts included). */
function mixOf(state: SessionState): Mix {
  const lines = state.transcript.filter((e) => e.role === 'interviewer');
  const judgements = state.questions.flatMap((p) => p.evaluations).map((r) => r.evaluation);
  return {
    lines: { llm: lines.filter((e) => e.by?.startsWith(LLM_PREFIX)).length, standIn: lines.filter((e) => e.fallback).length, total: lines.length },
    judgements: {
      llm: judgements.filter((e) => e.model && !e.fallback).length,
      capped: judgements.filter((e) => e.capped).length,
      standIn: judgements.filter((e) => e.fallback).length,
      total: judgements.length,
    },
    decisions: { standIn: state.fallbacks.filter((f) => f.where === 'decision').length },
  };
}

function reasonsOf(state: SessionState): string {
  const reasons = [...new Set([...state.fallbacks.map((f) => f.reason), ...state.transcript.map((e) => e.fallback ?? '').filter(Boolean)])];
  return reasons.length > 0 ? reasons.join('; ') : 'no reason recorded';
}

function llmSummary(models: string[], mix: Mix, notAsked: number): string {
  const { lines, judgements, decisions } = mix;
  const parts = [
    `Run with an LLM (${models.join(', ')}): it phrased ${lines.llm} of ${plural(lines.total, 'interviewer line')} and scored ${judgements.llm} of ${plural(judgements.total, 'answer')}.`,
  ];
  const standIns = [
    lines.standIn > 0 ? plural(lines.standIn, 'line') : '',
    judgements.standIn > 0 ? plural(judgements.standIn, 'answer') : '',
    decisions.standIn > 0 ? plural(decisions.standIn, 'follow-up decision') : '',
  ].filter(Boolean);
  if (notAsked > 0) parts.push(`${plural(notAsked, 'answer')} said nothing to grade (empty, "I don't know" or unreadable): the offline scorer gave ${notAsked === 1 ? 'it' : 'them'} 0 without asking the LLM.`);
  if (standIns.length > 0) parts.push(`The offline interviewer or scorer stood in on ${standIns.join(', ')} because the LLM call failed (listed with the reason).`);
  const authored = lines.total - lines.llm - lines.standIn;
  if (authored > 0) parts.push(`${plural(authored, 'line')} kept ${authored === 1 ? 'its' : 'their'} authored wording.`);
  if (judgements.capped > 0) parts.push(`On ${plural(judgements.capped, 'answer')} a check kept the LLM's score from counting; the offline score counts and both are shown.`);
  return parts.join(' ');
}

function summaryOf(method: Provenance['method'], models: string[], mix: Mix, state: SessionState): string {
  if (method === 'offline') return 'Run and scored offline: the rubric-based offline interviewer and the deterministic offline scorer; no LLM was used.';
  if (method === 'offline-after-failure') {
    return `Run and scored offline because the LLM endpoint failed: no LLM call succeeded, so the offline interviewer and scorer stood in throughout. Reasons: ${reasonsOf(state)}.`;
  }
  const notAsked = state.questions.flatMap((p) => p.evaluations).filter((r) => r.evaluation.notAsked).length;
  return llmSummary(models, mix, notAsked);
}

/** The scoring provenance of a session, from its state and its built question sections. */
export function provenanceOf(state: SessionState, questions: ReportQuestion[]): Provenance {
  const fallbacks = state.fallbacks.map((f) => ({ at: f.at, where: f.where, questionNumber: numberOf(f.questionIndex), reason: f.reason }));
  const fallbackLines = state.transcript
    .filter((e) => e.role === 'interviewer' && e.fallback)
    .map((e) => ({ seq: e.seq, kind: e.kind, questionNumber: numberOf(e.questionIndex), by: e.by ?? 'offline', reason: e.fallback ?? '', text: e.text }));
  const models = modelsOf(state);
  const mix = mixOf(state);
  const llmWorked = mix.lines.llm > 0 || mix.judgements.llm > 0 || state.interviewers.some((i) => i.startsWith(LLM_PREFIX));
  const fellBack = fallbacks.length > 0 || fallbackLines.length > 0 || mix.judgements.standIn > 0;
  const method: Provenance['method'] = !llmWorked ? (fellBack ? 'offline-after-failure' : 'offline') : fellBack ? 'llm-with-fallback' : 'llm';
  const { promptTokens, completionTokens, calls } = state.usage;
  return {
    method,
    summary: summaryOf(method, models.length > 0 ? models : ['unnamed model'], mix, state),
    models,
    interviewers: state.interviewers,
    fallbacks,
    fallbackLines,
    droppedClaims: questions.reduce((n, q) => n + q.scoring.droppedClaims.length, 0),
    disagreements: questions
      .filter((q) => q.scoring.disagreement && q.score !== null && q.scoring.offlineScore !== null)
      .map((q) => ({ questionNumber: q.number, score: q.scoring.llmScore ?? q.score ?? 0, offlineScore: q.scoring.offlineScore ?? 0 })),
    usage: calls > 0 ? { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, calls } : null,
    bankVersion: state.plan.bankVersion,
    mix,
  };
}
