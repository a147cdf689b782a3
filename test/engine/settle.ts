// Test shell for the pure engine: applies an event, then answers speak/judge/decide effects
// synchronously (scripted judge, offline chooser) until the engine waits for the candidate.
import type { Effect } from '../../src/engine/effects.js';
import type { SessionEvent } from '../../src/engine/events.js';
import { offlineDecide } from '../../src/engine/interviewer/offline-decide.js';
import type { Question } from '../../src/engine/bank/schema.js';
import type { Evaluation } from '../../src/engine/scoring/types.js';
import { step } from '../../src/engine/step.js';
import type { SessionState } from '../../src/engine/state.js';

export type ScriptedJudge = (q: Question, answer: string) => Evaluation;

export interface Settled {
  state: SessionState;
  effects: Effect[];
  rejection?: string;
}

let clock = 1_000;
export const tick = (): number => (clock += 1_000);
export const advance = (ms: number): number => (clock += ms);

export function settle(state: SessionState, event: SessionEvent, judge: ScriptedJudge): Settled {
  const first = step(state, event);
  if (first.rejection) return { state, effects: [], rejection: first.rejection.code };
  const seen: Effect[] = [];
  let current = first.state;
  const work = [...first.effects];
  while (work.length > 0) {
    const effect = work.shift() as Effect;
    seen.push(effect);
    let next: SessionEvent | undefined;
    if (effect.type === 'speak') next = { type: 'said', at: tick(), request: effect.input.request, text: `[${effect.input.request.kind}]`, by: 'offline' };
    if (effect.type === 'judge') next = { type: 'judged', at: tick(), questionIndex: effect.questionIndex, evaluation: judge(effect.input.question, effect.input.answer) };
    if (effect.type === 'decide') next = { type: 'decided', at: tick(), questionIndex: effect.questionIndex, decision: offlineDecide(effect.input), by: 'offline' };
    if (!next) continue;
    const result = step(current, next);
    if (result.rejection) throw new Error(`engine refused ${next.type}: ${result.rejection.message}`);
    current = result.state;
    work.push(...result.effects);
  }
  return { state: current, effects: seen };
}

/** A judge that marks as covered every key point whose id appears as a word in the answer. */
export const wordJudge =
  (make: (q: Question, covered: string[], flags?: Evaluation['score']['flags']) => Evaluation): ScriptedJudge =>
  (q, answer) => {
    if (/don'?t know/i.test(answer)) return make(q, [], ['dont-know']);
    const words = new Set(answer.toLowerCase().split(/\W+/));
    return make(q, q.keyPoints.filter((k) => words.has(k.id)).map((k) => k.id));
  };
