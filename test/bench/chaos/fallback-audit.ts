// Audits an LLM run from the stored event logs: folds each session through the engine and, for
// every line, decision and judgment the LLM was asked for, checks that it came from the model or
// that the offline stand-in's use is recorded with a reason. Authored lines (the first question,
// hints) and decisions with nothing left to probe never go to the model and are not counted.
import { planLine } from '../../../src/adapters/llm/line-request.js';
import { allowedTargets } from '../../../src/adapters/llm/decide-request.js';
import { decideEffect, speakEffect } from '../../../src/engine/effect-inputs.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import type { Plan } from '../../../src/engine/plan.js';
import { initialState, type SessionState } from '../../../src/engine/state.js';
import { step } from '../../../src/engine/step.js';

export interface FallbackAudit {
  /** Lines, decisions and judgments the LLM was asked for. */
  llmCalls: number;
  byModel: number;
  /** Stood in for by the offline interviewer or scorer, with the reason recorded. */
  recorded: number;
  /** Offline with no reason recorded (must be 0). */
  unrecorded: number;
  /** Sessions whose state.fallbacks does not list exactly the recorded fallbacks (must be 0). */
  fallbackListMismatches: number;
  notEnded: number;
  reasons: Map<string, number>;
}

type Outcome = 'model' | 'recorded' | 'unrecorded' | 'not-asked';

function outcomeOf(state: SessionState, event: SessionEvent): { outcome: Outcome; reason?: string } | undefined {
  if (event.type === 'said') {
    const head = state.queue[0];
    const effect = head ? speakEffect(state, head) : undefined;
    if (effect?.type !== 'speak' || !planLine(effect.input).llm) return { outcome: 'not-asked' };
    if (event.by.startsWith('llm:') && !event.fallback) return { outcome: 'model' };
    return event.fallback ? { outcome: 'recorded', reason: event.fallback } : { outcome: 'unrecorded' };
  }
  if (event.type === 'decided') {
    const effect = decideEffect(state);
    if (effect.type !== 'decide' || allowedTargets(effect.input).length === 0) return { outcome: 'not-asked' };
    if (event.by.startsWith('llm:') && !event.fallback) return { outcome: 'model' };
    return event.fallback ? { outcome: 'recorded', reason: event.fallback } : { outcome: 'unrecorded' };
  }
  if (event.type === 'judged') {
    const e = event.evaluation;
    if (e.fallback) return { outcome: 'recorded', reason: e.fallback };
    return e.model ? { outcome: 'model' } : { outcome: 'unrecorded' };
  }
  return undefined;
}

/** Groups reasons by their wording with numbers blanked ("LLM skipped for # s more after: ..."). */
const reasonKey = (reason: string): string => reason.replace(/\d+(\.\d+)?/g, '#').replace(/after: .*/, 'after: ...').slice(0, 90);

export function auditFallbacks(sessions: readonly { id: string; plan: Plan; events: SessionEvent[] }[]): FallbackAudit {
  const audit: FallbackAudit = { llmCalls: 0, byModel: 0, recorded: 0, unrecorded: 0, fallbackListMismatches: 0, notEnded: 0, reasons: new Map() };
  for (const s of sessions) {
    let state = initialState(s.id, s.plan);
    let recorded = 0;
    for (const event of s.events) {
      const o = outcomeOf(state, event);
      if (o && o.outcome !== 'not-asked') {
        audit.llmCalls += 1;
        if (o.outcome === 'model') audit.byModel += 1;
        if (o.outcome === 'unrecorded') audit.unrecorded += 1;
        if (o.outcome === 'recorded') {
          audit.recorded += 1;
          recorded += 1;
          const key = reasonKey(o.reason ?? '');
          audit.reasons.set(key, (audit.reasons.get(key) ?? 0) + 1);
        }
      }
      state = step(state, event).state;
    }
    if (state.fallbacks.length !== recorded) audit.fallbackListMismatches += 1;
    if (state.phase !== 'ended') audit.notEnded += 1;
  }
  return audit;
}
