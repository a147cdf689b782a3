// Mastery per key point (the latest status, its history, its FSRS schedule) and per topic (a
// weighted mean of its key points, the counts by status, the score trend), from observations.
import type { Observation } from './observe.js';
import type { KeyPointMastery, MasteryStatus, TopicMastery } from './progress-schema.js';
import { schedule } from './schedule.js';

const LEVEL: Record<MasteryStatus, number> = { covered: 1, partly: 0.5, missed: 0, contradicted: 0 };

/** A key point's identity: ids are unique within a question only. */
export const keyPointKey = (questionId: string, keyPointId: string): string => `${questionId}#${keyPointId}`;

export function keyPointMastery(observations: readonly Observation[], now: number): KeyPointMastery[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = keyPointKey(o.question.id, o.keyPointId);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.values()].map((group) => {
    const history = [...group].sort((a, b) => a.at - b.at);
    const latest = history[history.length - 1] as Observation;
    const { due, recall } = schedule(history, now);
    return {
      questionId: latest.question.id,
      questionPrompt: latest.question.prompt,
      keyPointId: latest.keyPointId,
      statement: latest.statement,
      topic: latest.question.topic,
      status: latest.status,
      level: LEVEL[latest.status],
      lastSeen: latest.at,
      due,
      recall,
      history: history.map((o) => ({ sessionId: o.sessionId, at: o.at, status: o.status, unprompted: o.unprompted, evidence: o.evidence })),
    };
  });
}

export interface TopicTrendPoint {
  sessionId: string;
  at: number;
  score: number;
}

/**
 * Per topic, one point per session: the mean score of the topic's questions in that session (each
 * question by its counting evaluation), placed at the session's start.
 */
export function topicTrends(observations: readonly Observation[], sessionStarts: ReadonlyMap<string, number>): Map<string, TopicTrendPoint[]> {
  const scores = new Map<string, Map<string, Map<string, number>>>();
  for (const o of observations) {
    const bySession = scores.get(o.question.topic) ?? new Map<string, Map<string, number>>();
    const byQuestion = bySession.get(o.sessionId) ?? new Map<string, number>();
    byQuestion.set(o.question.id, o.questionScore);
    bySession.set(o.sessionId, byQuestion);
    scores.set(o.question.topic, bySession);
  }
  const out = new Map<string, TopicTrendPoint[]>();
  for (const [topic, bySession] of scores) {
    const points = [...bySession].map(([sessionId, byQuestion]) => ({
      sessionId,
      at: sessionStarts.get(sessionId) ?? 0,
      score: round1(mean([...byQuestion.values()])),
    }));
    out.set(topic, points.sort((a, b) => a.at - b.at));
  }
  return out;
}

export function topicMastery(points: readonly KeyPointMastery[], weights: ReadonlyMap<string, number>, trends: ReadonlyMap<string, TopicTrendPoint[]>, titles: ReadonlyMap<string, string>): TopicMastery[] {
  const byTopic = new Map<string, KeyPointMastery[]>();
  for (const p of points) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  return [...byTopic]
    .map(([topic, list]) => {
      const weightOf = (p: KeyPointMastery) => weights.get(keyPointKey(p.questionId, p.keyPointId)) ?? 1;
      const total = list.reduce((s, p) => s + weightOf(p), 0);
      const counts = { covered: 0, partly: 0, missed: 0, contradicted: 0 };
      for (const p of list) counts[p.status] += 1;
      return {
        topic,
        title: titles.get(topic) ?? topic,
        mastery: round1(total > 0 ? (100 * list.reduce((s, p) => s + p.level * weightOf(p), 0)) / total : 0),
        counts,
        lastPractised: Math.max(...list.map((p) => p.lastSeen)),
        trend: trends.get(topic) ?? [],
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;
