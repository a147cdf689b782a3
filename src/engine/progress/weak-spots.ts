// "Practise my weak spots": which questions to drill, chosen to cover the key points that are due
// (weakest first), then the weakest of the rest. A question counts for every target it holds.
import { weakestFirst } from './build-progress.js';
import type { KeyPointMastery, ProgressData } from './progress-schema.js';

export interface WeakSpotTarget {
  questionId: string;
  /** The key points of this question the drill is for, weakest first. */
  keyPointIds: string[];
}

export interface WeakSpotOptions {
  now: number;
  questionCount: number;
  /** Questions that can still be asked (the bank may have dropped some). */
  available: ReadonlySet<string>;
}

/** Due points first; then points not covered in their latest session. Covered and not due: left alone. */
export function weakSpotTargets(progress: Pick<ProgressData, 'keyPoints'>, options: WeakSpotOptions): WeakSpotTarget[] {
  const eligible = progress.keyPoints.filter((p) => options.available.has(p.questionId));
  const due = eligible.filter((p) => p.due <= options.now).sort(weakestFirst);
  const weak = eligible.filter((p) => p.due > options.now && p.status !== 'covered').sort(weakestFirst);
  const ranked: KeyPointMastery[] = [...due, ...weak];
  const byQuestion = new Map<string, { rank: number; points: KeyPointMastery[] }>();
  ranked.forEach((p, rank) => {
    const entry = byQuestion.get(p.questionId) ?? { rank, points: [] };
    entry.points.push(p);
    byQuestion.set(p.questionId, entry);
  });
  // A question ranks as its weakest target; it then drills all of its targets.
  return [...byQuestion]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .slice(0, options.questionCount)
    .map(([questionId, { points }]) => ({ questionId, keyPointIds: points.map((p) => p.keyPointId) }));
}
