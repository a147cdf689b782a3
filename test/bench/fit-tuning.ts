// Refits the offline scorer's constants (src/engine/scoring/tuning.ts) on the SemEval training
// splits only: a coordinate search over a few candidate values each, maximizing mean 2-way
// accuracy of the two corpora with a per-corpus threshold. Prints the object to paste back.
import { scoreOffline } from '../../src/engine/scoring/offline-scorer.js';
import { clearQuestionCache } from '../../src/engine/scoring/question-model.js';
import { TUNING } from '../../src/engine/scoring/tuning.js';
import { fitThreshold, metrics, type SemEvalRow } from './semeval.js';

type TuningKey = keyof typeof TUNING;

const CANDIDATES: Partial<Record<TuningKey, number[]>> = {
  questionTermWeight: [0.1, 0.2, 0.3, 0.4, 0.6],
  lightVerbWeight: [0.1, 0.3, 0.6, 1],
  impliedCredit: [0, 0.4, 0.6, 0.8, 1],
  derivedWeightPower: [0, 0.5, 1, 1.5],
  accuracyBest: [0, 0.3, 0.6, 0.9],
  precisionFloor: [0.3, 0.6, 0.9],
  contradictionPenalty: [0.5, 1, 2],
};

function trainAccuracy(trains: SemEvalRow[][]): number {
  clearQuestionCache();
  let sum = 0;
  for (const rows of trains) {
    const gold = rows.map((r) => r.label_2way === 'correct');
    const scores = rows.map((r) => scoreOffline({ question: r.question, reference: r.references, answer: r.answer }).overall);
    const threshold = fitThreshold(scores, gold);
    sum += metrics(scores.map((s) => s > threshold), gold).accuracy;
  }
  return sum / trains.length;
}

/** Runs the search (two passes) and prints the fitted constants. Mutates TUNING while it runs. */
export function fitTuning(trains: SemEvalRow[][], log: (line: string) => void): typeof TUNING {
  let best = trainAccuracy(trains);
  log(`start: mean train accuracy ${best.toFixed(4)}`);
  for (let pass = 1; pass <= 2; pass += 1) {
    for (const [key, values] of Object.entries(CANDIDATES) as [TuningKey, number[]][]) {
      let bestValue = TUNING[key];
      for (const value of values) {
        if (value === bestValue) continue;
        TUNING[key] = value;
        const accuracy = trainAccuracy(trains);
        // Ties keep the current value, so the search does not wander.
        if (accuracy > best + 1e-9) [best, bestValue] = [accuracy, value];
      }
      TUNING[key] = bestValue;
      log(`pass ${pass}: ${key} = ${bestValue} (mean train accuracy ${best.toFixed(4)})`);
    }
  }
  clearQuestionCache();
  log(`\nPaste into src/engine/scoring/tuning.ts:\n${JSON.stringify(TUNING, null, 2)}`);
  return TUNING;
}
