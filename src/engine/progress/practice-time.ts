// Time practised: the gaps between consecutive turns of a session, each capped, so a session left
// open over lunch counts the minutes of work, not the hour away.
import type { PracticeSession } from './practice-history.js';

/** A pause longer than this between two turns counts as this much (thinking, then a break). */
export const MAX_GAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export function practiceTime(sessions: readonly PracticeSession[]): { totalMs: number; sessions: number; answers: number; days: number } {
  let totalMs = 0;
  const days = new Set<number>();
  for (const s of sessions) {
    const times = [...s.turnTimes].sort((a, b) => a - b);
    for (let i = 1; i < times.length; i += 1) totalMs += Math.min(MAX_GAP_MS, (times[i] as number) - (times[i - 1] as number));
    days.add(Math.floor(s.createdAt / DAY_MS));
  }
  const answers = sessions.reduce((n, s) => n + new Set(s.evaluations.map((e) => `${e.questionIndex}/${e.attempt}/${e.at}`)).size, 0);
  return { totalMs, sessions: sessions.length, answers, days: days.size };
}
