// The offline interviewer's follow-up chooser: probe the heaviest missed key point, push for depth
// when everything was covered, and let an empty or off-topic answer go in a mock interview.
import type { DecideInput } from '../effects.js';
import type { Decision } from '../lines.js';

/** Flags after which a mock interviewer moves on rather than probing: there is nothing to build on. */
const NOTHING_TO_PROBE = new Set(['empty', 'off-topic', 'gibberish', 'dont-know', 'repeats-question']);

export function offlineDecide(input: DecideInput): Decision {
  const { evaluation, question, mode } = input;
  if (input.followUpsAsked >= input.maxFollowUps) return { action: 'next', reason: 'follow-up limit reached' };
  const flags = evaluation.score.flags.filter((f) => NOTHING_TO_PROBE.has(f));
  if (mode === 'mock' && flags.length > 0) return { action: 'next', reason: `answer flagged ${flags.join(', ')}` };

  const status = new Map(evaluation.score.keyPoints.map((k) => [k.id, k.status]));
  const probedCount = (id: string) => input.probed.filter((p) => p === id).length;
  // A weak-spots drill goes after the points it was built for before the heavier ones.
  const focusRank = (id: string) => {
    const i = input.focus?.indexOf(id) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const missed = question.keyPoints
    .filter((k) => (status.get(k.id) ?? 'missed') !== 'covered')
    // Drill keeps asking about the same point (up to the round limit); mock asks about each point once.
    .filter((k) => mode === 'drill' || probedCount(k.id) === 0)
    .sort((a, b) => probedCount(a.id) - probedCount(b.id) || focusRank(a.id) - focusRank(b.id) || b.weight - a.weight);
  const target = missed[0];
  if (target) return { action: 'follow-up', target: target.id, reason: `missed "${target.statement}"` };
  const allCovered = question.keyPoints.every((k) => status.get(k.id) === 'covered');
  if (mode === 'mock' && allCovered && !input.probed.includes('depth') && question.followUps.some((f) => f.target === 'depth')) {
    return { action: 'follow-up', target: 'depth', reason: 'every key point covered; pushing further' };
  }
  return { action: 'next', reason: allCovered ? 'every key point covered' : 'nothing left to probe' };
}
