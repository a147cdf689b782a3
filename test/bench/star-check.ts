// The behavioural (STAR) check set as a benchmark: every answer in test/fixtures/star-check is scored as
// the interview scores it (the bank question's STAR rubric, key points and reference, offline scorer)
// and compared with its band. Prints the in-band rate and mean score per kind, the mean STAR level per
// criterion and kind, and the misses. `npm run bench:star`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import { scoreOffline } from '../../src/engine/scoring/offline-scorer.js';
import { readStory } from '../../src/engine/scoring/star-story.js';
import { foldText } from '../../src/engine/scoring/tokenize.js';
import type { Score } from '../../src/engine/scoring/types.js';
import { StarKindSchema, type StarCheckAnswer, type StarKind } from '../fixtures/star-check/check-schema.js';
import { loadStarCheck, STAR_CHECK_DIR } from '../fixtures/star-check/load-star-check.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CRITERIA = ['situation', 'action', 'result', 'reflection'] as const;

export interface StarScored extends StarCheckAnswer {
  score: Score;
  /** How far outside the band (0 inside; positive too high, negative too low). */
  miss: number;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const missOf = (x: number, [lo, hi]: [number, number]): number => (x > hi ? x - hi : x < lo ? x - lo : 0);

/** Scores every check answer against its bank question. */
export function scoreStarCheck(bank: Bank, answers: StarCheckAnswer[]): StarScored[] {
  return answers.map((a) => {
    const q = bank.questions.find((x) => x.id === a.questionId);
    if (!q) throw new Error(`${a.id}: no question "${a.questionId}" in the bank`);
    const score = scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer: a.text });
    return { ...a, score, miss: missOf(score.overall, a.band) };
  });
}

/** Per-kind table (in band, mean score, mean level per STAR criterion) and the misses, as Markdown. */
export function renderStarCheck(scored: StarScored[], title = 'STAR check set (test/fixtures/star-check'): string {
  const level = (s: StarScored, id: string) => s.score.criteria.find((c) => c.id === id)?.level ?? 0;
  const rows = StarKindSchema.options.map((kind: StarKind) => {
    const of = scored.filter((s) => s.kind === kind);
    const levels = CRITERIA.map((c) => mean(of.map((s) => level(s, c))).toFixed(1)).join(' / ');
    return `| ${kind} | ${of.length} | ${of.filter((s) => s.miss === 0).length} | ${mean(of.map((s) => s.score.overall)).toFixed(1)} | ${levels} |`;
  });
  const inBand = scored.filter((s) => s.miss === 0).length;
  const misses = scored
    .filter((s) => s.miss !== 0)
    .sort((a, b) => Math.abs(b.miss) - Math.abs(a.miss))
    .map((s) => `| ${s.id} | ${s.score.overall.toFixed(1)} | [${s.band[0]}, ${s.band[1]}] | ${CRITERIA.map((c) => level(s, c)).join(' ')} | ${s.score.flags.join(', ') || '-'} |`);
  return [
    `${title}, ${scored.length} answers to ${new Set(scored.map((s) => s.questionId)).size} behavioural bank questions).`,
    '',
    '| Kind | Answers | In band | Mean score | Mean level S / A / R / Refl |',
    '|---|---:|---:|---:|---|',
    ...rows,
    `| **all** | ${scored.length} | ${inBand} (${Math.round((100 * inBand) / Math.max(1, scored.length))}%) | | |`,
    '',
    ...(misses.length > 0 ? ['Misses:', '', '| Answer | Score | Band | Levels S A R Refl | Flags |', '|---|---:|---|---|---|', ...misses] : ['Every answer scored inside its band.']),
  ].join('\n');
}

/** CPU time of `run` over `rounds` passes, as items per CPU-second. */
function perCpuSecond(items: number, rounds: number, run: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i += 1) run();
  const used = process.cpuUsage(start);
  return (items * rounds) / ((used.user + used.system) / 1e6);
}

/**
 * Throughput on the check set's answers, question models warm: the whole offline scorer on the STAR
 * rubric, and the story reader alone (its share of the cost).
 */
export function starThroughput(bank: Bank, answers: StarCheckAnswer[], rounds = 40): string {
  const jobs = answers.map((a) => {
    const q = bank.questions.find((x) => x.id === a.questionId);
    if (!q) throw new Error(`${a.id}: no question "${a.questionId}" in the bank`);
    return { question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer: a.text };
  });
  scoreStarCheck(bank, answers);
  const scorer = perCpuSecond(jobs.length, rounds, () => jobs.forEach((j) => scoreOffline(j)));
  const folded = answers.map((a) => foldText(a.text));
  const reader = perCpuSecond(folded.length, rounds * 5, () => folded.forEach((f) => readStory(f)));
  return `Throughput (one thread, CPU time, ${jobs.length} answers x ${rounds} rounds): ${Math.round(scorer)} behavioural answers per CPU-second through scoreOffline; the story reader alone ${Math.round(reader)} per CPU-second (${((100 * scorer) / reader).toFixed(1)}% of the scorer's time).`;
}

async function main(): Promise<void> {
  const bank = await loadBank(path.join(REPO_ROOT, 'rubrics'));
  const answers = loadStarCheck();
  console.log(renderStarCheck(scoreStarCheck(bank, answers), 'STAR check set (test/fixtures/star-check; written before the STAR rework by its author, so a check, not an independent test'));
  console.log('');
  const later = loadStarCheck(path.join(STAR_CHECK_DIR, 'after-tuning'));
  console.log(renderStarCheck(scoreStarCheck(bank, later), 'Second set (test/fixtures/star-check/after-tuning: written after the first tuning, then its misses informed a second round'));
  console.log('');
  const heldBack = loadStarCheck(path.join(STAR_CHECK_DIR, 'held-back'));
  console.log(renderStarCheck(scoreStarCheck(bank, heldBack), 'Held back (test/fixtures/star-check/held-back: written after all tuning and never tuned on; same author, so not blind'));
  console.log('');
  console.log(starThroughput(bank, answers));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
