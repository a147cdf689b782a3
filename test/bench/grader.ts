// `npm run bench:grader`: the offline scorer against human grades, beside a bag-of-words cosine
// baseline: SemEval-2013 Task 7 (2-way; accuracy and macro-F1 with thresholds fitted on each
// corpus's *_train.jsonl, and AUC, which needs no threshold), SAF (expert scores; Pearson and the
// mean gap on validation, train shown beside it), and the bank calibration suite per kind of
// answer. Data: `--data DIR`, PROBE_DATA_DIR, or ../shared/data beside the repository.
// Writes its section of docs/benchmarks.md. Never part of `npm test`.
// `npm run bench:grader -- --fit` first refits the scorer's constants on train (fit-tuning.ts),
// prints them for src/engine/scoring/tuning.ts, and benchmarks with them.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { scoreOffline } from '../../src/engine/scoring/offline-scorer.js';
import { clearQuestionCache } from '../../src/engine/scoring/question-model.js';
import { upsertSection } from './benchmarks-doc.js';
import { bowScore } from './bow-baseline.js';
import { fitTuning } from './fit-tuning.js';
import { renderBankCalibration, runBankCalibration } from './bank-calibration.js';
import { renderOwnWords } from './own-words.js';
import { renderBlind } from './blind-check.js';
import { loadSaf, mean, pearson, type SafRow } from './saf.js';
import { auc, dataRoot, fitThreshold, loadSplit, metrics, REPO_ROOT, type Metrics, type SemEvalRow } from './semeval.js';

const CORPORA: Record<string, string[]> = {
  sciEntsBank: ['test-unseen-answers', 'test-unseen-questions', 'test-unseen-domains'],
  beetle: ['test-unseen-answers', 'test-unseen-questions'],
};
const SHORT: Record<string, string> = {
  'test-unseen-answers': 'UA', 'test-unseen-questions': 'UQ', 'test-unseen-domains': 'UD',
};

interface Row {
  corpus: string;
  split: string;
  n: number;
  ours: Metrics;
  bow: Metrics;
  bowNeg: Metrics;
  oursAuc: number;
  bowAuc: number;
}

const ours = (r: SemEvalRow): number => scoreOffline({ question: r.question, reference: r.references, answer: r.answer }).overall;
const bow = (r: SemEvalRow): number => bowScore(r.answer, r.references);
const bowNeg = (r: SemEvalRow): number => bowScore(r.answer, r.references, true);
const gold = (rows: SemEvalRow[]): boolean[] => rows.map((r) => r.label_2way === 'correct');

function evaluate(): { rows: Row[]; thresholds: string[]; rate: number } {
  const rows: Row[] = [];
  const thresholds: string[] = [];
  let graded = 0;
  let elapsed = 0;
  for (const [corpus, splits] of Object.entries(CORPORA)) {
    const train = loadSplit(corpus, 'train');
    const tOurs = fitThreshold(train.map(ours), gold(train));
    const tBow = fitThreshold(train.map(bow), gold(train));
    const tBowNeg = fitThreshold(train.map(bowNeg), gold(train));
    thresholds.push(`${corpus}: ours overall > ${tOurs.toFixed(1)}, BoW cosine > ${tBow.toFixed(3)}, BoW keeping negations > ${tBowNeg.toFixed(3)}`);
    for (const split of splits) {
      const test = loadSplit(corpus, split);
      clearQuestionCache();
      // CPU time, not wall time: the figure should not depend on what else the machine is running.
      const start = process.cpuUsage();
      const scores = test.map(ours);
      const used = process.cpuUsage(start);
      elapsed += (used.user + used.system) / 1000;
      graded += test.length;
      const bowScores = test.map(bow);
      rows.push({
        corpus,
        split,
        n: test.length,
        oursAuc: auc(scores, gold(test)),
        bowAuc: auc(bowScores, gold(test)),
        ours: metrics(scores.map((s) => s > tOurs), gold(test)),
        bow: metrics(bowScores.map((s) => s > tBow), gold(test)),
        bowNeg: metrics(test.map(bowNeg).map((s) => s > tBowNeg), gold(test)),
      });
    }
  }
  return { rows, thresholds, rate: graded / (elapsed / 1000) };
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

interface SafResult {
  split: string;
  n: number;
  pearson: number;
  bowPearson: number;
  mean: number;
  expertMean: number;
}

function evaluateSaf(): SafResult[] {
  return (['train', 'validation'] as const).map((split) => {
    const rows: SafRow[] = loadSaf(split);
    const ours = rows.map((r) => scoreOffline({ question: r.question, reference: r.reference, answer: r.answer }).overall / 100);
    const experts = rows.map((r) => r.normalised);
    const bowScores = rows.map((r) => bowScore(r.answer, [r.reference]));
    return { split, n: rows.length, pearson: pearson(ours, experts), bowPearson: pearson(bowScores, experts), mean: mean(ours), expertMean: mean(experts) };
  });
}

function render(result: ReturnType<typeof evaluate>, saf: SafResult[], bank: string): string {
  const f = (x: number): string => x.toFixed(3);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const table = result.rows.map(
    (r) =>
      `| ${r.corpus} | ${SHORT[r.split] ?? r.split} | ${r.n} | **${f(r.oursAuc)}** | ${f(r.bowAuc)} | ${signed(r.oursAuc - r.bowAuc)} | ${f(r.ours.accuracy)} / ${f(r.ours.macroF1)} | ` +
      `${f(r.bow.accuracy)} / ${f(r.bow.macroF1)} | ${f(r.bowNeg.accuracy)} / ${f(r.bowNeg.macroF1)} |`,
  );
  const safRows = saf.map(
    (r) => `| ${r.split}${r.split === 'validation' ? ' (check)' : ' (tuning)'} | ${r.n} | **${f(r.pearson)}** | ${f(r.bowPearson)} | ${f(r.mean)} | ${f(r.expertMean)} | ${signed(r.mean - r.expertMean)} |`,
  );
  const val = saf.find((r) => r.split === 'validation');
  return [
    'Command: `npm run bench:grader` (test/bench/grader.ts; `-- --data DIR` or `PROBE_DATA_DIR` for the data folder, default',
    '`../shared/data` beside the repository). Not part of `npm test`. Each SemEval answer is scored against all of its reference',
    'answers (best match kept). Tuning used the train splits only (SemEval *_train.jsonl, SAF train.csv); SemEval test splits',
    'and SAF validation were only measured.',
    '',
    `Run: ${new Date().toISOString().slice(0, 10)} on ${cpu} (${cpus().length} cores), Node ${process.version}.`,
    '',
    '### SemEval-2013 Task 7 (2-way)',
    '',
    'AUC: the chance that a correct answer outscores an incorrect one (no threshold). Accuracy / macro-F1 use one threshold per',
    'corpus fitted on train. UA = unseen answers, UQ = unseen questions, UD = unseen domains.',
    '',
    '| Corpus | Split | Answers | AUC, offline scorer | AUC, BoW | AUC gain | Offline acc / F1 | BoW acc / F1 | BoW keeping negations acc / F1 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...table,
    '',
    `Thresholds (fitted on train): ${result.thresholds.join('; ')}.`,
    '',
    '### SAF (expert-graded networking answers)',
    '',
    'Expert score divided by the question\'s maximum (0..1) against the offline overall / 100, no per-question fitting.',
    '',
    '| Split | Answers | Pearson, offline | Pearson, BoW cosine | Mean, offline | Mean, experts | Gap |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...safRows,
    '',
    val
      ? `Targets on SAF validation: Pearson >= 0.60 (${val.pearson >= 0.6 ? 'met' : '**not met**'}: ${f(val.pearson)}), mean within 0.10 of the experts' (${Math.abs(val.mean - val.expertMean) <= 0.1 ? 'met' : '**not met**'}: ${signed(val.mean - val.expertMean)}).`
      : '',
    '',
    '### Bank calibration suite',
    '',
    bank,
    '',
    '### Throughput',
    '',
    `${Math.round(result.rate)} answers per CPU-second on one thread (all ${result.rows.reduce((n, r) => n + r.n, 0)} SemEval test answers, question cache emptied before each split, so per-question compilation is included). Target: >= 5,000.`,
    '',
    'Baseline: lowercase words, stop words removed (a standard English list, which includes "no" and "not"), cosine between word',
    'sets, best reference, one threshold per corpus; it lands near the data README (SciEntsBank 0.66/0.69/0.69, Beetle 0.75/0.71).',
    'The second baseline keeps no/not/nor/same/more/most/few/other/own, which Beetle rewards.',
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(`data: ${dataRoot()}`);
  if (process.argv.includes('--fit')) {
    fitTuning(['sciEntsBank', 'beetle'].map((c) => loadSplit(c, 'train')), (line) => console.log(line));
  }
  const result = evaluate();
  const saf = evaluateSaf();
  const bank = `${renderBankCalibration(await runBankCalibration(), 10)}\n\n${await renderOwnWords()}\n\n${await renderBlind()}`;
  const body = render(result, saf, bank);
  console.log(body);
  upsertSection(join(REPO_ROOT, 'docs/benchmarks.md'), '## Offline grader (npm run bench:grader)', body);
  console.log('\nupdated docs/benchmarks.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
