// The end-of-interview summary in the terminal: score per question and the key points missed.
import { latestEvaluation, type SessionState } from '../engine/state.js';

export function printSummary(state: SessionState): void {
  console.log('\n=== Summary ===');
  const scores: number[] = [];
  state.plan.questions.forEach((q, i) => {
    const progress = state.questions[i];
    const evaluation = progress ? latestEvaluation(progress) : undefined;
    const status = progress?.status ?? 'pending';
    if (status === 'pending' && !evaluation) return;
    const score = evaluation ? Math.round(evaluation.score.overall) : 0;
    scores.push(score);
    console.log(`\n${i + 1}. ${q.prompt}`);
    console.log(`   ${evaluation ? `score ${score}/100 (${evaluation.score.scorer}${evaluation.fallback ? `, fallback: ${evaluation.fallback}` : ''})` : status}`);
    const missed = q.keyPoints.filter((k) => evaluation?.score.keyPoints.find((r) => r.id === k.id)?.status !== 'covered');
    if (missed.length > 0) console.log(`   missed: ${missed.map((k) => k.statement).join('\n           ')}`);
    console.log(`   study: ${q.source === 'beyond-guide' ? 'beyond the guide' : `guide section "${q.source}"`}`);
  });
  const overall = scores.length > 0 ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
  console.log(`\nOverall: ${overall}/100 over ${scores.length} question(s); ended: ${state.endReason ?? 'not finished'}`);
}
