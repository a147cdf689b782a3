// The bank calibration suite as a benchmark: every answer in test/fixtures/calibration is scored the
// way the interview scores it (the bank question's rubric, key points and reference, through the
// offline judge) and compared with the band a fair interviewer would give. Reports the in-band rate
// per kind of answer and the worst misses. `npm run bench:calibration` runs it alone;
// test/bench/grader.ts calls `runBankCalibration` + `renderBankCalibration` for its section.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import { offlineEvaluation } from '../../src/engine/interviewer/offline-interviewer.js';
import { AnswerKindSchema, type AnswerKind, type CalibrationAnswer } from '../fixtures/calibration/calibration-schema.js';
import { loadCalibration } from '../fixtures/calibration/load-calibration.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ScoredAnswer extends CalibrationAnswer {
  overall: number;
  flags: string[];
  /** Key points the scorer says the answer contradicts ("Contradicted: you said ..."). */
  contradicted: string[];
  /** How far outside the band (0 when inside). Positive: too high; negative: too low. */
  miss: number;
}

export interface KindSummary {
  kind: AnswerKind;
  n: number;
  inBand: number;
  meanScore: number;
  meanMiss: number;
  /** Answers with at least one key point marked contradicted. */
  contradicted: number;
}

export interface BankCalibrationResult {
  answers: ScoredAnswer[];
  kinds: KindSummary[];
  /** Questions where the wrong answer scored above the partial one. */
  wrongAbovePartial: string[];
  /** Mean of (hedged - strong-plain) over questions with both: hedging alone should cost little. */
  hedgePenalty: number;
  questions: number;
}

const missOf = (overall: number, [lo, hi]: [number, number]): number => (overall > hi ? overall - hi : overall < lo ? overall - lo : 0);
const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Scores every calibration answer against its bank question, as the interview would. */
export function scoreCalibration(bank: Bank, answers: CalibrationAnswer[]): BankCalibrationResult {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const scored: ScoredAnswer[] = answers.map((a) => {
    const question = byId.get(a.questionId);
    if (!question) throw new Error(`${a.id}: no question "${a.questionId}" in the bank`);
    const { score } = offlineEvaluation({ question, answer: a.text });
    const contradicted = score.keyPoints.filter((k) => k.negated).map((k) => k.id);
    return { ...a, overall: score.overall, flags: score.flags, contradicted, miss: missOf(score.overall, a.band) };
  });
  const kinds = AnswerKindSchema.options.map((kind) => {
    const rows = scored.filter((s) => s.kind === kind);
    return {
      kind,
      n: rows.length,
      inBand: rows.filter((r) => r.miss === 0).length,
      meanScore: mean(rows.map((r) => r.overall)),
      meanMiss: mean(rows.map((r) => Math.abs(r.miss))),
      contradicted: rows.filter((r) => r.contradicted.length > 0).length,
    };
  });
  const questionIds = [...new Set(scored.map((s) => s.questionId))];
  const wrongAbovePartial = questionIds.filter((id) => {
    const of = (kind: AnswerKind) => scored.filter((s) => s.questionId === id && s.kind === kind).map((s) => s.overall);
    const partial = of('partial');
    return partial.length > 0 && of('wrong').some((w) => w > Math.min(...partial));
  });
  const gaps = questionIds.flatMap((id) => {
    const hedged = scored.find((s) => s.questionId === id && s.kind === 'hedged');
    const plain = scored.find((s) => s.questionId === id && s.kind === 'strong-plain');
    return hedged && plain ? [plain.overall - hedged.overall] : [];
  });
  return { answers: scored, kinds, wrongAbovePartial, hedgePenalty: mean(gaps), questions: questionIds.length };
}

/** Loads the bank (rubrics/) and the suite and scores it. */
export async function runBankCalibration(bankDir: string = path.join(REPO_ROOT, 'rubrics')): Promise<BankCalibrationResult> {
  return scoreCalibration(await loadBank(bankDir), loadCalibration());
}

/** The per-kind table and the worst misses, as Markdown. */
export function renderBankCalibration(result: BankCalibrationResult, worst = 10): string {
  const total = result.answers.length;
  const inBand = result.answers.filter((a) => a.miss === 0).length;
  const rows = result.kinds.map(
    (k) =>
      `| ${k.kind} | ${k.n} | ${k.inBand} (${k.n ? Math.round((100 * k.inBand) / k.n) : 0}%) | ${k.meanScore.toFixed(1)} | ${k.meanMiss.toFixed(1)} | ${k.contradicted} |`,
  );
  const misses = [...result.answers]
    .filter((a) => a.miss !== 0)
    .sort((a, b) => Math.abs(b.miss) - Math.abs(a.miss))
    .slice(0, worst)
    .map((a) => `| ${a.questionId} | ${a.kind} | ${a.overall.toFixed(1)} | [${a.band[0]}, ${a.band[1]}] | ${a.flags.join(', ') || '-'} |`);
  return [
    `Bank calibration suite (test/fixtures/calibration, ${total} answers to ${result.questions} bank questions, written for the suite;`,
    'scored as the interview scores them: the question\'s rubric, key points and reference, offline judge).',
    '',
    '| Kind | Answers | In band | Mean score | Mean distance outside band | Told "Contradicted" |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| **all** | ${total} | ${inBand} (${total ? Math.round((100 * inBand) / total) : 0}%) | | | |`,
    '',
    'Told "Contradicted": answers with at least one key point marked as contradicted. On the wrong answers that is the',
    'detector finding the error; on strong, hedged and partial answers (all correct as far as they go) it is a false alarm.',
    '',
    `Wrong answer above the partial one: ${result.wrongAbovePartial.length} of ${result.questions} questions${result.wrongAbovePartial.length ? ` (${result.wrongAbovePartial.join(', ')})` : ''}.`,
    `Hedging: a hedged answer scores ${result.hedgePenalty.toFixed(1)} points below the same question's strong plain answer on average.`,
    '',
    ...(misses.length > 0
      ? [`Worst misses (${Math.min(worst, misses.length)}):`, '', '| Question | Kind | Score | Band | Flags |', '|---|---|---:|---|---|', ...misses]
      : ['Every answer scored inside its band.']),
  ].join('\n');
}

async function main(): Promise<void> {
  const result = await runBankCalibration();
  console.log(renderBankCalibration(result, Number(process.env.PROBE_CALIBRATION_WORST ?? 15)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
