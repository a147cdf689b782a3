// The end-of-interview summary in the terminal: score per question and the key points missed, from
// the report itself (same statuses, same overall rule), so the terminal and the report agree.
import { buildReport } from '../engine/report/build-report.js';
import type { QuestionStatus, ReportQuestion } from '../engine/report/report-schema.js';
import type { SessionState } from '../engine/state.js';

const STATUS_WORDS: Record<QuestionStatus, string> = {
  answered: 'answered',
  skipped: 'skipped (counts as 0)',
  'timed-out': 'ran out of time (counts as 0)',
  unscored: 'answered, but could not be scored (left out of the overall)',
  unanswered: 'not answered (left out of the overall)',
  'not-reached': 'not reached',
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function questionLines(q: ReportQuestion): string[] {
  const scored = q.status === 'answered' && q.score !== null;
  const lines = [`\n${q.number}. ${q.prompt}`, `   ${scored ? `score ${Math.round(q.score ?? 0)}/100 (${q.scoring.scorer}${q.scoring.fallback ? `, fallback: ${q.scoring.fallback}` : ""})` : STATUS_WORDS[q.status]}`];
  const missed = q.keyPoints.filter((k) => k.status !== null && k.status !== 'covered');
  if (missed.length > 0) lines.push(`   missed: ${missed.map((k) => k.statement).join('\n           ')}`);
  lines.push(`   study: ${q.beyondGuide ? 'beyond the guide' : `guide section "${q.source}"`}`);
  return lines;
}

export function summaryText(state: SessionState, now: number): string {
  const report = buildReport(state, { sessionId: state.id, createdAt: state.startedAt ?? now, generatedAt: state.endedAt ?? now });
  const lines = ['\n=== Summary ==='];
  for (const q of report.questions) if (q.status !== 'not-reached') lines.push(...questionLines(q));
  const { score, counted, total } = report.overall;
  const ended = state.endReason ? `ended: ${state.endReason}` : 'not finished';
  lines.push(
    score === null
      ? `\nOverall: no question counted (of ${plural(total, 'question')} planned); ${ended}`
      : `\nOverall: ${score}/100 over ${plural(counted, 'question')} (of ${total} planned); ${ended}`,
  );
  return lines.join('\n');
}

export function printSummary(state: SessionState): void {
  console.log(summaryText(state, Date.now()));
}
