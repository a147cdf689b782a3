// Loading the SemEval-2013 Task 7 JSON Lines files and the 2-way metrics the benchmark reports.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SemEvalRow {
  id: string;
  corpus: string;
  split: string;
  question_id: string;
  question: string;
  references: string[];
  answer: string;
  label_2way: 'correct' | 'incorrect';
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Root of the development data: --data DIR, PROBE_DATA_DIR, or ../shared/data beside the repository. */
export function dataRoot(): string {
  const flag = process.argv.indexOf('--data');
  const fromFlag = flag >= 0 ? process.argv[flag + 1] : undefined;
  return resolve(fromFlag ?? process.env.PROBE_DATA_DIR ?? resolve(REPO_ROOT, '../shared/data'));
}

/** The data folder: PROBE_SEMEVAL_DIR, or <--data DIR, PROBE_DATA_DIR or ../shared/data>/semeval2013. */
export function semevalDir(): string {
  const dir = process.env.PROBE_SEMEVAL_DIR ?? join(dataRoot(), 'semeval2013');
  if (!existsSync(dir)) throw new Error(`SemEval data not found at ${dir}; set PROBE_SEMEVAL_DIR to the folder holding *_train.jsonl.`);
  return dir;
}

export function loadSplit(corpus: string, split: string): SemEvalRow[] {
  const file = join(semevalDir(), `${corpus}_${split}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SemEvalRow);
}

export interface Metrics {
  accuracy: number;
  macroF1: number;
}

/** 2-way accuracy and macro-F1 of predictions (true = correct). */
export function metrics(predicted: boolean[], gold: boolean[]): Metrics {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  predicted.forEach((p, i) => {
    const g = gold[i];
    if (p && g) tp += 1;
    else if (p && !g) fp += 1;
    else if (!p && g) fn += 1;
    else tn += 1;
  });
  const f1 = (a: number, b: number, c: number): number => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return { accuracy: (tp + tn) / Math.max(1, predicted.length), macroF1: (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2 };
}

/** The threshold on `scores` that maximizes accuracy against `gold` (ties: the midpoint of the best run). */
export function fitThreshold(scores: number[], gold: boolean[]): number {
  const order = scores.map((s, i) => [s, gold[i] ? 1 : 0] as const).sort((a, b) => a[0] - b[0]);
  let correctAbove = order.reduce((sum, [, g]) => sum + g, 0);
  let incorrectBelow = 0;
  let best = correctAbove;
  let threshold = (order[0]?.[0] ?? 0) - 1e-9;
  for (let i = 0; i < order.length; i += 1) {
    const [score, g] = order[i] as readonly [number, number];
    if (g) correctAbove -= 1;
    else incorrectBelow += 1;
    const next = order[i + 1]?.[0];
    if (next !== undefined && next === score) continue;
    const value = correctAbove + incorrectBelow;
    if (value > best) {
      best = value;
      threshold = next === undefined ? score + 1e-9 : (score + next) / 2;
    }
  }
  return threshold;
}

/** Area under the ROC curve: the chance a correct answer outscores an incorrect one (ties count half). */
export function auc(scores: number[], gold: boolean[]): number {
  const order = scores.map((s, i) => [s, gold[i] ? 1 : 0] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && (order[j] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]) j += 1;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if ((order[k] as readonly [number, number])[1]) {
      rankSum += midRank;
      positives += 1;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
