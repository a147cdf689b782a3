// Wraps an interviewer so its lines stream word by word at a set pace, as an LLM's tokens would:
// for demos of streaming, and for tests that must act while a line is still being spoken.
import type { Interviewer } from '../engine/ports.js';

export function pacedInterviewer(inner: Interviewer, msPerWord: number): Interviewer {
  return {
    id: inner.id,
    decide: (input, signal) => inner.decide(input, signal),
    speak: async (input, onDelta, signal) => {
      const line = await inner.speak(input, () => {}, signal);
      const words = line.text.match(/\S+\s*/g) ?? [line.text];
      for (const word of words) {
        await new Promise((resolve) => setTimeout(resolve, msPerWord));
        onDelta(word);
      }
      return line;
    },
  };
}
