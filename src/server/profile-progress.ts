// A profile's progress from the store alone: its sessions' plans, evaluations and turn times fed
// to the pure progress engine at a given time. Also the plan of a "weak spots" drill.
import type { Bank } from '../engine/bank/schema.js';
import { createPlan, PlanOptionsSchema, type PlanResult } from '../engine/plan.js';
import { buildProgress } from '../engine/progress/build-progress.js';
import type { PracticeSession } from '../engine/progress/practice-history.js';
import type { ProgressData } from '../engine/progress/progress-schema.js';
import { weakSpotTargets, type WeakSpotTarget } from '../engine/progress/weak-spots.js';
import type { ProfileHistory, ProfileStore } from './profile-store.js';

export function practiceSessions(history: ProfileHistory): PracticeSession[] {
  const bySession = new Map<string, PracticeSession['evaluations']>();
  for (const e of history.evaluations) {
    const list = bySession.get(e.sessionId) ?? [];
    list.push({ questionIndex: e.questionIndex, questionId: e.questionId, attempt: e.attempt, at: e.at, score: e.evaluation.score });
    bySession.set(e.sessionId, list);
  }
  return history.sessions.map((m) => ({
    id: m.id,
    createdAt: m.createdAt,
    questions: m.plan.questions,
    evaluations: bySession.get(m.id) ?? [],
    turnTimes: history.turnTimes.get(m.id) ?? [],
  }));
}

export async function profileProgress(profiles: ProfileStore, profileId: string, bank: Bank, now: number): Promise<ProgressData> {
  const history = await profiles.history(profileId);
  return buildProgress(practiceSessions(history), { now, topicTitles: new Map(bank.topics.map((t) => [t.id, t.title])) });
}

export type WeakSpotPlan = { ok: true; targets: WeakSpotTarget[]; plan: Extract<PlanResult, { ok: true }>['plan'] } | { ok: false; error: string };

/** A drill of the questions that hold the due and weakest key points, as far as the bank still has them. */
export function weakSpotPlan(progress: ProgressData, bank: Bank, now: number, questionCount: number, seed: number): WeakSpotPlan {
  const targets = weakSpotTargets(progress, { now, questionCount, available: new Set(bank.questions.map((q) => q.id)) });
  if (targets.length === 0) {
    const error = progress.keyPoints.length === 0 ? 'nothing to practise yet: finish an interview first, then the key points you missed come back here' : 'nothing is due and nothing is weak right now: every key point you practised was covered last time; come back when some come due';
    return { ok: false, error };
  }
  const chosen = new Set(targets.map((t) => t.questionId));
  const options = PlanOptionsSchema.parse({ mode: 'drill', questionCount: targets.length, maxFollowUps: 3 });
  const result = createPlan(bank.questions.filter((q) => chosen.has(q.id)), { ...options, seed }, bank.version);
  if (!result.ok) return result;
  return { ok: true, targets, plan: { ...result.plan, focus: Object.fromEntries(targets.map((t) => [t.questionId, t.keyPointIds])) } };
}
