// The turn benchmark's accounting (test/bench/server/turn-overhead.ts): each model call is tied to
// its turn by the marker in its prompt or the code word opening its line, and a turn's time splits
// into model time (the union of its calls) and overhead before, between and after them.
import { describe, expect, it } from 'vitest';
import { lineCode, turnMarker, type ModelCall } from '../bench/server/turn-model.js';
import { breakDown } from '../bench/server/turn-overhead.js';
import type { TurnRecord } from '../bench/server/turn-user.js';

const turn = (session: number, n: number, at: number, end: number, line: string): TurnRecord => ({ at, end, marker: turnMarker(session, n), lineText: line, lineBy: 'llm:x', fallback: false });
const call = (start: number, end: number, markers: string[], code?: string): ModelCall => ({ kind: 'x', start, end, markers, ...(code ? { code } : {}) });

describe('the turn benchmark accounting', () => {
  it('ties calls to turns by marker (the latest turn named) and line code, and splits the time', () => {
    const a1 = turn(1, 1, 1000, 1200, `${lineCode(7)} tell me more`);
    const b0 = turn(2, 0, 1000, 1100, `${lineCode(8)} next question`);
    const calls = [
      // session 1, turn 1: judge prompt names turns 0 and 1 (both answers), then the line
      call(1010, 1060, [turnMarker(1, 0), turnMarker(1, 1)]),
      call(1070, 1180, [turnMarker(1, 0), turnMarker(1, 1)], lineCode(7)),
      // session 2, turn 0: its judge, then a transition line with no answer in its prompt
      call(1005, 1050, [turnMarker(2, 0)]),
      call(1040, 1090, [], lineCode(8)),
      // a call of a turn that was not timed
      call(1000, 1500, [turnMarker(3, 0)]),
    ];
    const b = breakDown([a1, b0], calls);
    expect(b.turns).toBe(2);
    expect(b.callsPerTurn).toBe(2);
    // a1: model 50 + 110 = 160 of 200 → overhead 40; b0: union 1005..1090 = 85 of 100 → overhead 15
    expect(b.overhead.max).toBeCloseTo(40);
    expect(b.model.max).toBeCloseTo(160);
    expect(b.overhead.p50).toBeCloseTo(15);
    // before: (10 + 5) / 2; between: (10 + 0) / 2; after: (20 + 10) / 2
    expect(b.before).toBeCloseTo(7.5);
    expect(b.between).toBeCloseTo(5);
    expect(b.after).toBeCloseTo(15);
    expect(b.noCall).toBe(0);
  });

  it('counts a turn with no call (an offline line) as all overhead', () => {
    const b = breakDown([turn(1, 0, 0, 30, 'offline words')], []);
    expect(b.noCall).toBe(1);
    expect(b.overhead.p50).toBe(30);
  });
});
