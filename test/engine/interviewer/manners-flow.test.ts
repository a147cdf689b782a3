// A whole mock interview through the engine with the offline interviewer's real lines: each
// acknowledgement fits how the previous question ended, and none is said twice. Tables, no I/O.
import { describe, expect, it } from 'vitest';
import type { AnswerOutcome } from '../../../src/engine/answer-outcome.js';
import type { Effect } from '../../../src/engine/effects.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { TRANSITION_ACKS } from '../../../src/engine/interviewer/acknowledgements.js';
import { offlineDecide } from '../../../src/engine/interviewer/offline-decide.js';
import { offlineLine } from '../../../src/engine/interviewer/offline-lines.js';
import type { Question } from '../../../src/engine/bank/schema.js';
import { createPlan, PlanOptionsSchema } from '../../../src/engine/plan.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { step } from '../../../src/engine/step.js';
import { evaluationOf, question } from '../../fixtures/questions.js';

let clock = 0;
const at = (): number => (clock += 1000);

// A scripted judge: "all" covers everything, "idk" is a don't-know, "zzz" gibberish, "some" covers one point.
function judge(q: Question, answer: string) {
  const last = answer.split('\n\n').at(-1) ?? '';
  if (last === 'idk') return evaluationOf(q, [], ['dont-know']);
  if (last === 'zzz') return evaluationOf(q, [], ['gibberish']);
  if (last === 'some') return evaluationOf(q, ['a']);
  return evaluationOf(q, q.keyPoints.map((k) => k.id));
}

function drive(state: SessionState, event: SessionEvent): SessionState {
  let current = state;
  const work: Effect[] = [];
  const apply = (e: SessionEvent): void => {
    const r = step(current, e);
    if (r.rejection) throw new Error(`${e.type}: ${r.rejection.message}`);
    current = r.state;
    work.push(...r.effects);
  };
  apply(event);
  while (work.length > 0) {
    const effect = work.shift() as Effect;
    if (effect.type === 'speak') apply({ type: 'said', at: at(), request: effect.input.request, text: offlineLine(effect.input), by: 'offline' });
    if (effect.type === 'judge') apply({ type: 'judged', at: at(), questionIndex: effect.questionIndex, evaluation: judge(effect.input.question, effect.input.answer) });
    if (effect.type === 'decide') apply({ type: 'decided', at: at(), questionIndex: effect.questionIndex, decision: offlineDecide(effect.input), by: 'offline' });
  }
  return current;
}

const QUESTIONS = Array.from({ length: 8 }, (_, i) => question(`q-${i}`, 'gans', 1));
// What the candidate does on each question (a full answer gets one depth follow-up), and how the next question's acknowledgement should read.
const SCRIPT: { events: ('all' | 'some' | 'idk' | 'zzz' | 'skip')[]; outcome: AnswerOutcome }[] = [
  { events: ['all', 'all'], outcome: 'strong' },
  { events: ['idk', 'idk'], outcome: 'dont-know' },
  { events: ['skip'], outcome: 'skipped' },
  { events: ['zzz', 'zzz'], outcome: 'gibberish' },
  { events: ['all', 'all'], outcome: 'strong' },
  { events: ['all', 'all'], outcome: 'strong' },
  { events: ['idk', 'skip'], outcome: 'skipped' },
];

describe('manners over a whole mock interview', () => {
  it.each([1, 2, 3, 42, 1234])('seed %i: acknowledgements fit and never repeat; second chances come once', (seed) => {
    const made = createPlan(QUESTIONS, { ...PlanOptionsSchema.parse({ mode: 'mock', questionCount: 8, maxFollowUps: 1 }), seed }, 'test');
    if (!made.ok) throw new Error(made.error);
    let s = drive(initialState('s', made.plan), { type: 'start', at: at() });
    for (const { events } of SCRIPT) {
      for (const e of events) s = drive(s, e === 'skip' ? { type: 'skip', at: at() } : { type: 'answer', at: at(), text: e });
    }
    const lines = s.transcript.filter((e) => e.role === 'interviewer');
    const transitions = lines.filter((e) => e.kind === 'question').slice(1);
    expect(transitions).toHaveLength(SCRIPT.length);
    const acks = transitions.map((e) => e.text.slice(0, e.text.indexOf('Question ')).trim());
    SCRIPT.forEach(({ outcome }, i) => {
      if (acks[i]) expect(TRANSITION_ACKS[outcome], `after ${outcome}`).toContain(acks[i]);
    });
    expect(acks.every((a) => a.length > 0)).toBe(true);
    const said = acks.filter(Boolean);
    expect(new Set(said).size).toBe(said.length);
    // A don't-know got a simpler way in, gibberish a request to rephrase, each once per question.
    const followUps = lines.filter((e) => e.kind === 'follow-up');
    expect(followUps.filter((e) => e.target === 'simpler').map((e) => e.questionIndex)).toEqual([1, 6]);
    expect(followUps.filter((e) => e.target === 'rephrase').map((e) => e.questionIndex)).toEqual([3]);
    expect(followUps.find((e) => e.target === 'rephrase')?.text).toMatch(/rephrase|another way|plain words/);
  });
});
