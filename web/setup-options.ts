// The setup form's values as plan options, and how many bank questions they match. Pure.
import type { CreateSessionBody, TopicView } from '../src/protocol/http.js';

export interface SetupValues {
  mode: 'mock' | 'drill';
  /** Chosen topic ids; none chosen means every topic. */
  topics: string[];
  difficultyMin: number;
  difficultyMax: number;
  questionCount: number;
  maxFollowUps: number;
  /** Seconds per question, or null for no limit. */
  questionTimeLimitSeconds: number | null;
}

export const DEFAULT_SETUP: SetupValues = { mode: 'mock', topics: [], difficultyMin: 1, difficultyMax: 3, questionCount: 5, maxFollowUps: 2, questionTimeLimitSeconds: null };

/** The body of POST /api/sessions for the form's values. */
export function createBody(v: SetupValues): CreateSessionBody {
  return {
    mode: v.mode,
    topics: v.topics,
    difficulty: { min: Math.min(v.difficultyMin, v.difficultyMax), max: Math.max(v.difficultyMin, v.difficultyMax) },
    questionCount: v.questionCount,
    maxFollowUps: v.maxFollowUps,
    ...(v.questionTimeLimitSeconds !== null ? { questionTimeLimitSeconds: v.questionTimeLimitSeconds } : {}),
  };
}

/** Questions in the bank that the chosen topics and difficulty range hold. */
export function matchingCount(topics: readonly TopicView[], v: Pick<SetupValues, 'topics' | 'difficultyMin' | 'difficultyMax'>): number {
  const lo = Math.min(v.difficultyMin, v.difficultyMax);
  const hi = Math.max(v.difficultyMin, v.difficultyMax);
  let count = 0;
  for (const topic of topics) {
    if (v.topics.length > 0 && !v.topics.includes(topic.id)) continue;
    for (const level of [1, 2, 3] as const) if (level >= lo && level <= hi) count += topic.byDifficulty[level];
  }
  return count;
}

export const DIFFICULTY_NAMES: Record<number, string> = { 1: 'foundational', 2: 'intermediate', 3: 'advanced' };
