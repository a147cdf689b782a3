// Realistic sessions for the report tests: questions from the real bank in rubrics/, driven
// through the real engine with `step`, with a synchronous shell that answers the engine's effects
// (offline lines and decisions by default; scripted LLM results where a test needs them).
import path from 'node:path';
import type { Bank, Question } from '../../../src/engine/bank/schema.js';
import type { DecideInput, Effect, SpeakInput } from '../../../src/engine/effects.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import { offlineDecide } from '../../../src/engine/interviewer/offline-decide.js';
import { offlineLine } from '../../../src/engine/interviewer/offline-lines.js';
import type { DecisionResult, SpokenLine } from '../../../src/engine/ports.js';
import { createPlan, PlanOptionsSchema, type Plan, type PlanOptions } from '../../../src/engine/plan.js';
import type { Evaluation } from '../../../src/engine/scoring/types.js';
import { step } from '../../../src/engine/step.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';

export const BANK_DIR = path.resolve(import.meta.dirname, '../../../rubrics');

let bank: Promise<Bank> | undefined;
/** The real question bank, loaded once per test file. */
export const realBank = (): Promise<Bank> => (bank ??= loadBank(BANK_DIR));

export function questionOf(b: Bank, id: string): Question {
  const q = b.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in the bank`);
  return q;
}

/** A plan of exactly these bank questions, in this order (createPlan fills the other fields). */
export function planOf(b: Bank, ids: string[], options: PlanOptions = {}): Plan {
  const result = createPlan(b.questions, { ...PlanOptionsSchema.parse(options), seed: 42 }, b.version);
  if (!result.ok) throw new Error(result.error);
  return { ...result.plan, questions: ids.map((id) => questionOf(b, id)) };
}

/** How the test shell answers the engine's requests. */
export interface Shell {
  judge(question: Question, answer: string, questionIndex: number): Evaluation;
  line?(input: SpeakInput): SpokenLine;
  decide?(input: DecideInput): DecisionResult;
}

export const T0 = Date.UTC(2025, 2, 14, 9, 30, 0);

/** A session under test: its state and every accepted event, as the database would store them. */
export class Session {
  state: SessionState;
  readonly events: SessionEvent[] = [];
  private clock = T0;

  constructor(
    readonly plan: Plan,
    private readonly shell: Shell,
    readonly id = 'sess-1',
  ) {
    this.state = initialState(id, plan);
  }

  at(): number {
    return (this.clock += 7_000);
  }

  /** Applies a candidate (or timer) event and everything that follows, until the engine waits. */
  send(event: SessionEvent): this {
    const first = this.apply(event);
    const work = [...first];
    while (work.length > 0) {
      const next = this.respond(work.shift() as Effect);
      if (next) work.push(...this.apply(next));
    }
    return this;
  }

  start = () => this.send({ type: 'start', at: this.at() });
  answer = (text: string) => this.send({ type: 'answer', at: this.at(), text });
  act = (type: 'hint' | 'skip' | 'retry' | 'end') => this.send({ type, at: this.at() });

  private apply(event: SessionEvent): Effect[] {
    const result = step(this.state, event);
    if (result.rejection) throw new Error(`engine refused ${event.type}: ${result.rejection.message}`);
    this.events.push(event);
    this.state = result.state;
    return result.effects;
  }

  private respond(effect: Effect): SessionEvent | undefined {
    if (effect.type === 'speak') {
      const line = this.shell.line?.(effect.input) ?? { text: offlineLine(effect.input), by: 'offline' };
      return { type: 'said', at: this.at(), request: effect.input.request, ...line };
    }
    if (effect.type === 'judge') {
      const evaluation = this.shell.judge(effect.input.question, effect.input.answer, effect.questionIndex);
      return { type: 'judged', at: this.at(), questionIndex: effect.questionIndex, evaluation };
    }
    if (effect.type === 'decide') {
      const d = this.shell.decide?.(effect.input) ?? { decision: offlineDecide(effect.input), by: 'offline' };
      return { type: 'decided', at: this.at(), questionIndex: effect.questionIndex, ...d };
    }
    return undefined;
  }
}

/** Folds stored events through `step`, as the server rebuilds a session. */
export function replay(plan: Plan, id: string, events: SessionEvent[]): SessionState {
  return events.reduce((s, e) => step(s, e).state, initialState(id, plan));
}
