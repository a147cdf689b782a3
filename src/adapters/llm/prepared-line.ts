// The line a turn call wrote after its judgement, relayed as any LLM line is: through the line guard
// (no scores, no reveals), the authored question appended to a bridge. Unusable (cut, rejected,
// empty) means the shell asks the interviewer instead.
import type { PreparedFor, PreparedLine } from '../../engine/ports.js';
import { createLineGuard } from './line-guard.js';
import { guardOptions, planLine } from './line-request.js';
import type { TurnCall } from './turn-call.js';

/** The prepared line of `call`, spoken as `by` ("llm:<model>"). */
export function preparedLine(call: TurnCall, target: PreparedFor, by: string): PreparedLine {
  return {
    for: target,
    cancel: () => call.cancel(),
    async speak(input, onDelta) {
      const plan = planLine(input);
      if (!plan.llm) return void call.cancel();
      const guard = createLineGuard(guardOptions(input));
      const emit = (text: string) => void (text === '' || onDelta(text));
      let raw = '';
      for (;;) {
        const got = await call.feed.next();
        if ('end' in got) {
          if (!got.end.ok) return undefined;
          break;
        }
        const piece = got.pieces.join('');
        raw += piece;
        emit(guard.push(piece));
        if (guard.problem) return void call.cancel();
      }
      emit(guard.flush());
      if (guard.problem || raw.trim() === '') return undefined;
      if (plan.suffix) onDelta(plan.suffix);
      const usage = call.usage();
      return { text: `${raw.trim()}${plan.suffix}`, by, ...(usage ? { usage } : {}) };
    },
  };
}
