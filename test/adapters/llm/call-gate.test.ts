// The gate in front of the model path: calls beyond the limit wait in line; a wait that runs out
// sheds every call to the offline interviewer for a while, and says so for admission.
import { afterEach, describe, expect, it } from 'vitest';
import { createCallGate, LlmSaturated, type CallGate } from '../../../src/adapters/llm/call-gate.js';

let gate: CallGate | undefined;
afterEach(() => gate?.close());

describe('the LLM call gate', () => {
  it('lets calls through up to the limit and the next one in when a slot frees', async () => {
    gate = createCallGate({ maxInFlight: 2, maxWaitMs: 60_000, maxLagMs: 0, shedMs: 1000 });
    const a = await gate.acquire();
    await gate.acquire();
    const third = gate.acquire();
    expect(gate.waiting).toBe(1);
    a();
    a(); // releasing twice frees one slot only
    const release = await third;
    expect(gate.inFlight).toBe(2);
    expect(gate.waiting).toBe(0);
    release();
    expect(gate.inFlight).toBe(1);
    expect(gate.saturation()).toBeUndefined();
  });

  it('sheds when a call waited too long: that call, those behind it and new ones fail at once, and admission is told', async () => {
    let clock = 0;
    gate = createCallGate({ maxInFlight: 1, maxWaitMs: 20, maxLagMs: 0, shedMs: 10_000, now: () => clock });
    await gate.acquire();
    const waited = gate.acquire();
    const behind = gate.acquire();
    await expect(waited).rejects.toBeInstanceOf(LlmSaturated);
    await expect(behind).rejects.toThrow(/LLM saturated \(1 calls in flight and a call waited 20 ms for a slot\)/);
    await expect(gate.acquire()).rejects.toThrow(/offline interviewer stands in for 10 s/);
    expect(gate.saturation()).toEqual({ reason: '1 calls in flight and a call waited 20 ms for a slot', retryAfterS: 10 });
    clock = 10_001;
    expect(gate.saturation()).toBeUndefined();
  });

  it('drops a waiting call that is cancelled', async () => {
    gate = createCallGate({ maxInFlight: 1, maxWaitMs: 60_000, maxLagMs: 0, shedMs: 1000 });
    await gate.acquire();
    const stop = new AbortController();
    const waiting = gate.acquire(stop.signal);
    stop.abort();
    await expect(waiting).rejects.toThrow(/cancelled/);
    expect(gate.waiting).toBe(0);
    expect(gate.saturation()).toBeUndefined();
  });
});
