// The end-of-interview summary in the terminal: score per question and the key points missed.
import { buildReport } from '../engine/report/build-report.js';
import { latestEvaluation, type SessionState } from '../engine/state.js';

export function printSummary(state: SessionState): void {
  console.log('\n=== Summary ===');
  let shown = 0;
  state.plan.questions.forEach((q, i) => {
    const progress = state.questions[i];
    const evaluation = progress ? latestEvaluation(progress) : undefined;
    const status = progress?.status ?? 'pending';
    if (status === 'pending' && !evaluation) return;
    const score = evaluation ? Math.round(evaluation.score.overall) : 0;
    shown += 1;
    console.log(`\n${i + 1}. ${q.prompt}`);
    console.log(`   ${evaluation ? `score ${score}/100 (${evaluation.score.scorer}${evaluation.fallback ? `, fallback: ${evaluation.fallback}` : ''})` : status}`);
    const missed = q.keyPoints.filter((k) => evaluation?.score.keyPoints.find((r) => r.id === k.id)?.status !== 'covered');
    if (missed.length > 0) console.log(`   missed: ${missed.map((k) => k.statement).join('\n           ')}`);
    console.log(`   study: ${q.source === 'beyond-guide' ? 'beyond the guide' : `guide section "${q.source}"`}`);
  });
  // The report's own rule (difficulty-weighted, skipped counts 0), so the terminal and the report agree.
  const overall = buildReport(state, { sessionId: state.id, createdAt: state.startedAt ?? 0, generatedAt: state.endedAt ?? 0 }).overall.score ?? 0;
  console.log(`\nOverall: ${overall}/100 over ${shown} question(s); ended: ${state.endReason ?? 'not finished'}`);
}
