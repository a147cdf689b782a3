// How the terminal interview shows the engine's output: interviewer lines, drill feedback, notices.
import type { StepResult } from '../engine/effects.js';
import type { SessionEvent } from '../engine/events.js';
import type { TranscriptEntry } from '../engine/state.js';
import type { DriverHooks } from '../server/session-driver.js';

const LABEL: Partial<Record<TranscriptEntry['kind'], string>> = { hint: 'Hint', closing: 'Interviewer' };

/**
 * Terminal hooks; `schedule` feeds timer events back into the interview loop, `commit` stores each
 * accepted event. With `stream`, lines are printed as their pieces arrive (an LLM); otherwise each
 * line is printed whole with its label.
 */
export function terminalHooks(
  schedule: (event: SessionEvent) => void,
  stream: boolean,
  commit: (event: SessionEvent, result: StepResult) => Promise<void> = async () => undefined,
): DriverHooks & { dispose(): void } {
  const timers = new Set<NodeJS.Timeout>();
  let streamed = '';
  return {
    commit,
    delta(_lineId, delta) {
      if (!stream) return;
      if (streamed === '') process.stdout.write('\nInterviewer: ');
      streamed += delta;
      process.stdout.write(delta);
    },
    entry(entry) {
      if (entry.role === 'interviewer') {
        if (streamed === '') process.stdout.write(`\n${LABEL[entry.kind] ?? 'Interviewer'}: ${entry.text}`);
        else if (streamed !== entry.text) process.stdout.write(`\n(replaced) ${entry.text}`);
        process.stdout.write(entry.fallback ? `\n  [offline stand-in: ${entry.fallback}]\n` : '\n');
        streamed = '';
        return;
      }
      if (entry.kind === 'feedback' && entry.feedback) {
        const f = entry.feedback;
        console.log(`\n  Covered: ${f.covered.map((c) => `${c.statement} ("${c.words.join('", "')}")`).join('; ') || 'nothing yet'}`);
        console.log(`  Missed:  ${f.missed.map((m) => m.statement).join('; ') || 'nothing'}`);
        for (const c of f.contradicted ?? []) console.log(`  ${c.message}`);
        if (f.nonAnswer) console.log(`  ${f.nonAnswer.message}`);
        return;
      }
      if (entry.role === 'system') console.log(`  (${entry.text})`);
    },
    timer(effect) {
      const handle = setTimeout(() => {
        timers.delete(handle);
        schedule({ type: 'timeout', at: Date.now(), scope: effect.scope, questionIndex: effect.questionIndex });
      }, Math.max(0, effect.deadline - Date.now()));
      timers.add(handle);
    },
    end: () => undefined,
    warn: (message) => console.error(`  [warning] ${message}`),
    dispose() {
      for (const t of timers) clearTimeout(t);
    },
  };
}
