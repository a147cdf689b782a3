// Times the relay of streamed tokens: for each line.delta a client receives, the time since the
// scripted model wrote the token that let it out. The line guard holds back the last few words of
// a line (so a line that starts to recite the reference answer can be stopped before it is shown),
// so the delta carrying word k is released by token k + hold, where hold is the guard's window;
// the window is read off each line (tokens written minus one-word deltas released while streaming).
// The final delta (the held-back words, released when the stream ends) is not a relayed token and
// is not counted.
import type { Arrival } from '../harness/bench-socket.js';
import type { TokenWrite } from './relay-model.js';

export interface RelaySample {
  /** When the delta arrived (performance.now()). */
  at: number;
  ms: number;
}

export interface RelayTally {
  samples: RelaySample[];
  lines: number;
  /** Lines whose deltas did not line up with the tokens written (should stay 0). */
  unmatched: number;
  holds: Map<number, number>;
}

const WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const wordCount = (text: string): number => text.match(WORDS)?.length ?? 0;

export function relayCollector(writes: Map<string, TokenWrite[]>): { tally: RelayTally; watch: () => (arrival: Arrival) => void } {
  const tally: RelayTally = { samples: [], lines: 0, unmatched: 0, holds: new Map() };
  const finish = (deltas: { text: string; at: number }[]) => {
    const code = deltas[0]?.text.trim();
    const tokens = code ? writes.get(code) : undefined;
    if (!tokens) return;
    tally.lines += 1;
    let streamed = 0;
    while (streamed < deltas.length && wordCount(deltas[streamed]?.text ?? '') === 1) streamed += 1;
    const hold = tokens.length - streamed;
    tally.holds.set(hold, (tally.holds.get(hold) ?? 0) + 1);
    for (let k = 0; k < streamed; k += 1) {
      const delta = deltas[k] as { text: string; at: number };
      const carried = tokens[k];
      const released = tokens[k + hold];
      if (!carried || !released || carried.text.trim() !== delta.text.trim()) {
        tally.unmatched += 1;
        return;
      }
      tally.samples.push({ at: delta.at, ms: delta.at - released.at });
    }
  };
  const watch = () => {
    let lineId: string | undefined;
    let deltas: { text: string; at: number }[] = [];
    return ({ frame, at }: Arrival) => {
      if (frame.type === 'line.delta') {
        if (frame.lineId !== lineId) {
          lineId = frame.lineId;
          deltas = [];
        }
        deltas.push({ text: frame.delta, at });
      } else if (frame.type === 'line' && frame.lineId === lineId) {
        finish(deltas);
        lineId = undefined;
        deltas = [];
      }
    };
  };
  return { tally, watch };
}
