// A profile's progress, rebuilt from what it practised at time `now` (an argument: the engine has
// no clock). Mastery, trend, time and due dates are all derived here; none of it is stored.
import { observeSession, type Observation } from './observe.js';
import { keyPointKey, keyPointMastery, topicMastery, topicTrends } from './mastery.js';
import type { PracticeSession } from './practice-history.js';
import { practiceTime } from './practice-time.js';
import type { KeyPointMastery, ProgressData } from './progress-schema.js';
import { SCHEDULER } from './schedule.js';

export interface BuildProgressOptions {
  now: number;
  /** Topic titles by id (from the bank); an unknown topic is shown by its id. */
  topicTitles?: ReadonlyMap<string, string>;
  /** How many not-yet-due key points to list after the due ones. */
  upcoming?: number;
}

/** Weakest first: lowest level, then lowest estimated recall, then the longest overdue. */
export const weakestFirst = (a: KeyPointMastery, b: KeyPointMastery): number => a.level - b.level || a.recall - b.recall || a.due - b.due;

export function buildProgress(sessions: readonly PracticeSession[], options: BuildProgressOptions): ProgressData {
  const { now } = options;
  const observations: Observation[] = sessions.flatMap(observeSession);
  const points = keyPointMastery(observations, now).sort((a, b) => a.topic.localeCompare(b.topic) || a.questionId.localeCompare(b.questionId) || a.keyPointId.localeCompare(b.keyPointId));
  const weights = new Map(observations.map((o) => [keyPointKey(o.question.id, o.keyPointId), o.weight]));
  const trends = topicTrends(observations, new Map(sessions.map((s) => [s.id, s.createdAt])));
  const dueNow = points.filter((p) => p.due <= now).sort(weakestFirst);
  const later = points.filter((p) => p.due > now).sort((a, b) => a.due - b.due).slice(0, options.upcoming ?? 10);
  return {
    generatedAt: now,
    time: practiceTime(sessions),
    topics: topicMastery(points, weights, trends, options.topicTitles ?? new Map()),
    keyPoints: points,
    due: [...dueNow, ...later].map((p) => ({ questionId: p.questionId, keyPointId: p.keyPointId, due: p.due, dueNow: p.due <= now })),
    scheduler: SCHEDULER,
  };
}
