// Overload in LLM mode: when the model path is saturated (every slot busy and a call waited too
// long for one), turns go to the offline interviewer, recorded as fallbacks, and new sessions are
// refused with 503 and Retry-After instead of queueing until the client times out.
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/protocol/http.js';
import { foldEvents } from '../../src/server/session-runner.js';
import { reply, startScriptedOpenAiServer, type ScriptedServer } from '../support/scripted-openai-server.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';
import { callKind, scriptedModel } from '../adapters/llm/llm-fixtures.js';

let model: ScriptedServer | undefined;
let probe: TestServer | undefined;
let unblock: (() => void) | undefined;
afterEach(async () => {
  unblock?.();
  await probe?.close();
  await model?.close();
  probe = model = unblock = undefined;
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > timeoutMs) throw new Error('the first opening line never reached the model');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const LINE = 'Thanks for that, it was helpful to hear how you think about it.';

describe('an LLM server whose model path is saturated', () => {
  it('phrases the line offline with the reason recorded, refuses new sessions with 503 + Retry-After, and carries on once the call frees', async () => {
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    let lines = 0;
    const healthy = scriptedModel({ line: () => reply.text(LINE) });
    // The first line call holds the only slot until the test lets it go.
    model = await startScriptedOpenAiServer(async (request, index) => {
      if (callKind(request) === 'line' && ++lines === 1) await blocked;
      return healthy(request, index);
    });
    probe = await startTestServer({
      env: { OPENAI_BASE_URL: model.url, PROBE_MODEL: 'scripted-model', PROBE_LLM_MAX_IN_FLIGHT: '1', PROBE_LLM_MAX_QUEUE_MS: '50', PROBE_LLM_MAX_RETRIES: '0' },
    });
    const first = await probe.createSession({ mode: 'mock', questionCount: 2, maxFollowUps: 0, seed: 3 });
    const second = await probe.createSession({ mode: 'mock', questionCount: 2, maxFollowUps: 0, seed: 4 });
    const a = await probe.connect(first.id, first.token);
    a.send({ type: 'session.start' });
    await waitFor(() => model?.requests.length === 1);

    const b = await probe.connect(second.id, second.token);
    b.send({ type: 'session.start' });
    const opening = await b.next('line', (l) => l.kind === 'opening');
    expect(opening.by).toBe('offline');
    expect(opening.fallback).toMatch(/^LLM saturated \(1 calls in flight and a call waited 50 ms for a slot\)/);

    const refused = await fetch(`${probe.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = ErrorBodySchema.parse(await refused.json());
    expect(body.error.code).toBe('server_busy');
    expect(body.error.message).toMatch(/at capacity .*interviews in progress go on/);

    // The interview in progress goes on (offline while shedding), and the stored record names the fallback.
    b.send({ type: 'answer.submit', text: 'The generator maps noise to samples and the discriminator tells real from fake.', clientId: 'b1' });
    await b.next('answer.ack');
    const next = await b.next('line', (l) => l.kind === 'question' || l.kind === 'closing');
    expect(next.by).toBe('offline');
    const loaded = await probe.services.store.load(second.id);
    const state = foldEvents(second.id, loaded!.meta.plan, loaded!.events);
    expect(state.fallbacks.length).toBeGreaterThanOrEqual(2);
    for (const f of state.fallbacks) expect(f.reason).toMatch(/^LLM saturated/);
    expect(state.fallbacks.map((f) => f.where)).toContain('line');

    unblock?.();
    const aOpening = await a.next('line', (l) => l.kind === 'opening');
    expect(aOpening).toMatchObject({ by: 'llm:scripted-model', text: LINE, fallback: null });
  });
});
