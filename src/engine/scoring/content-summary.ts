// The key point outcomes of one answer reduced to the few numbers the criteria grade on.
import type { KeyPointOutcome } from './key-point-match.js';
import { countWhere } from './stable-arrays.js';

export interface ContentSummary {
  /** Weighted mean key point score, 0..1. */
  completeness: number;
  /** Best single key point score, 0..1. */
  best: number;
  /** Weight share of key points the answer contradicts, 0..1. */
  contradiction: number;
  /** Weight share of key points whose claim the answer states reversed (KeyPointOutcome.reversed), 0..1. */
  reversed: number;
  covered: number;
  partly: number;
  total: number;
  /** Share of the answer's content words that the question, references or cues use, 0..1. */
  precision: number;
}

/** Summarizes key point outcomes; `precision` is computed by the caller from the answer. */
export function summarizeContent(outcomes: KeyPointOutcome[], precision: number): ContentSummary {
  const totalWeight = outcomes.reduce((sum, o) => sum + o.result.weight, 0) || 1;
  let completeness = 0;
  let contradiction = 0;
  let reversed = 0;
  let best = 0;
  for (const o of outcomes) {
    completeness += (o.result.weight * o.score) / totalWeight;
    if (o.contradicted) contradiction += o.result.weight / totalWeight;
    if (o.reversed) reversed += o.result.weight / totalWeight;
    best = Math.max(best, o.score);
  }
  return {
    completeness,
    best,
    contradiction,
    reversed,
    covered: countWhere(outcomes, (o) => o.result.status === 'covered'),
    partly: countWhere(outcomes, (o) => o.result.status === 'partly'),
    total: outcomes.length,
    precision,
  };
}

/** Clamps to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
