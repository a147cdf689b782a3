// `npx tsx test/bench/contradiction-check.ts [--verbose]`: the issue 11 check set (test/fixtures/contradiction-check),
// fluent wrong answers and correct answers in other words, written before the contradiction
// detector was changed and kept out of tuning (one exception: docs/benchmarks.md, issue 11 rows). Reports how many wrong answers score <= 30, how many
// correct ones score >= 70, and how many key points each side had contradicted.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { offlineEvaluation } from '../../src/engine/interviewer/offline-interviewer.js';
import { loadCalibration } from '../fixtures/calibration/load-calibration.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
export const CHECK_DIR = path.join(REPO_ROOT, 'test/fixtures/contradiction-check');

async function main(): Promise<void> {
  const bank = await loadBank(path.join(REPO_ROOT, 'rubrics'));
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const rows = loadCalibration(CHECK_DIR).map((a) => {
    const question = byId.get(a.questionId);
    if (!question) throw new Error(`${a.id}: no question "${a.questionId}" in the bank`);
    const { score } = offlineEvaluation({ question, answer: a.text });
    const negated = score.keyPoints.filter((k) => k.negated).map((k) => k.id);
    return { ...a, overall: score.overall, negated };
  });
  const wrong = rows.filter((r) => r.kind === 'wrong');
  const correct = rows.filter((r) => r.kind !== 'wrong');
  const verbose = process.argv.includes('--verbose');
  for (const r of rows) {
    const ok = r.kind === 'wrong' ? r.overall <= 30 : r.overall >= 70;
    if (verbose || !ok) console.log(`${ok ? '  ' : '! '}${r.id.split('#')[1]}: ${r.overall.toFixed(1)}  negated [${r.negated.join(', ')}]${r.kind === 'wrong' ? `  should be [${r.contradicts.join(', ')}]` : ''}`);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const hits = wrong.reduce((n, r) => n + r.contradicts.filter((c) => r.negated.includes(c)).length, 0);
  const named = wrong.reduce((n, r) => n + r.contradicts.length, 0);
  console.log(`wrong <= 30: ${wrong.filter((r) => r.overall <= 30).length} of ${wrong.length} (mean ${mean(wrong.map((r) => r.overall)).toFixed(1)}); named contradictions found: ${hits} of ${named}`);
  console.log(`correct >= 70: ${correct.filter((r) => r.overall >= 70).length} of ${correct.length} (mean ${mean(correct.map((r) => r.overall)).toFixed(1)}); correct answers with a key point marked contradicted: ${correct.filter((r) => r.negated.length > 0).length}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
