// The offline interviewer's follow-up chooser. It never asks for what the answer already said (the
// evaluation's covered points, plus formulas and clauses that visibly address a point); it probes a
// contradiction first, then the heaviest missed point, then a partly covered one; it pushes for depth
// when everything was covered. A non-answer in a mock interview gets one simpler way in; an answer
// that could not be read gets one request to rephrase.
import type { DecideInput } from '../effects.js';
import { DEPTH_TARGET, REPHRASE_TARGET, SIMPLER_TARGET } from '../follow-up-targets.js';
import type { Decision } from '../lines.js';
import { answeredPoints } from './answered-points.js';

/** Flags that mean there is nothing in the answer to build a follow-up on. */
const NON_ANSWER = new Set(['empty', 'off-topic', 'gibberish', 'dont-know', 'repeats-question']);

export function offlineDecide(input: DecideInput): Decision {
  const { evaluation, question, mode } = input;
  if (input.followUpsAsked >= input.maxFollowUps) return { action: 'next', reason: 'follow-up limit reached' };
  const flags = evaluation.score.flags.filter((f) => NON_ANSWER.has(f));
  if (flags.length > 0) {
    const restart = restartFor(input, flags);
    if (restart) return restart;
    if (mode === 'mock') return { action: 'next', reason: `answer flagged ${flags.join(', ')}` };
  }

  const results = new Map(evaluation.score.keyPoints.map((k) => [k.id, k]));
  const answered = answeredPoints(question, input.answers.join('\n\n'), evaluation.score.keyPoints);
  const probedCount = (id: string) => input.probed.filter((p) => p === id).length;
  // A weak-spots drill goes after the points it was built for first.
  const focusRank = (id: string) => {
    const i = input.focus?.indexOf(id) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const rank = (id: string): number => (results.get(id)?.negated ? 0 : (results.get(id)?.status ?? 'missed') === 'missed' ? 1 : 2);
  const open = question.keyPoints
    .filter((k) => !answered.has(k.id))
    // Drill keeps asking about the same point (up to the round limit); mock asks about each point once.
    .filter((k) => mode === 'drill' || probedCount(k.id) === 0)
    .sort((a, b) => probedCount(a.id) - probedCount(b.id) || focusRank(a.id) - focusRank(b.id) || rank(a.id) - rank(b.id) || b.weight - a.weight);
  const target = open[0];
  if (target) {
    const why = results.get(target.id)?.negated ? 'contradicted' : (results.get(target.id)?.status ?? 'missed') === 'partly' ? 'partly covered' : 'missed';
    return { action: 'follow-up', target: target.id, reason: `${why} "${target.statement}"` };
  }
  const allAnswered = question.keyPoints.every((k) => answered.has(k.id));
  if (mode === 'mock' && allAnswered && !input.probed.includes(DEPTH_TARGET) && question.followUps.some((f) => f.target === DEPTH_TARGET)) {
    return { action: 'follow-up', target: DEPTH_TARGET, reason: 'every key point covered; pushing further' };
  }
  return { action: 'next', reason: allAnswered ? 'every key point covered' : 'nothing left to probe' };
}

// Gibberish: ask once to rephrase (both modes). Any other non-answer in a mock interview: offer once
// an easier way into the same question. Never both for one question: one second chance is enough.
function restartFor(input: DecideInput, flags: string[]): Decision | undefined {
  const restarted = input.probed.includes(SIMPLER_TARGET) || input.probed.includes(REPHRASE_TARGET);
  if (restarted) return undefined;
  if (flags.includes('gibberish')) return { action: 'follow-up', target: REPHRASE_TARGET, reason: 'the answer could not be read; asking to rephrase' };
  if (input.mode === 'mock') return { action: 'follow-up', target: SIMPLER_TARGET, reason: `answer flagged ${flags.join(', ')}; offering a simpler way in` };
  return undefined;
}
