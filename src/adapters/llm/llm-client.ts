// The OpenAI-compatible client Probe's interviewer and judge share, with what it has learnt about
// the server (which request options it rejects).
import OpenAI from 'openai';
import { withBodyTimeout } from './body-timeout.js';
import { createCallGate, type CallGate } from './call-gate.js';
import { createLeanFetch } from './lean-fetch.js';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.js';
import { OPENAI_BASE_URL, type LlmSettings } from './llm-settings.js';

export type { LlmSettings } from './llm-settings.js';

/** Request options some OpenAI-compatible servers reject; each is turned off on first rejection. */
export interface ServerCompat {
  jsonSchema: boolean;
  jsonObject: boolean;
  temperature: boolean;
}

export interface LlmClient {
  openai: OpenAI;
  settings: LlmSettings;
  compat: ServerCompat;
  /** Skips the endpoint for a while after it failed for good (see circuit-breaker.ts). */
  breaker: CircuitBreaker;
  /** Limits calls in flight and sheds to the offline interviewer when saturated (see call-gate.ts). */
  gate: CallGate;
}

/** Local servers (Ollama, llama.cpp...) need no key, but the SDK refuses to start without one. */
const NO_KEY = 'no-key';

/** Builds the client; retries and timeouts are the SDK's own. */
export function createLlmClient(settings: LlmSettings, breaker: CircuitBreaker = createCircuitBreaker(settings.cooldownMs), gate: CallGate = gateFor(settings)): LlmClient {
  const openai = new OpenAI({
    apiKey: settings.apiKey ?? NO_KEY,
    baseURL: settings.baseUrl ?? OPENAI_BASE_URL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    // undici's request API answered as a Response (lean-fetch.ts); the SDK's timeout ends at the
    // headers, this one covers the body (body-timeout.ts).
    fetch: withBodyTimeout(createLeanFetch(), settings.timeoutMs),
    // The SDK would read OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment; Probe configures only these.
    organization: null,
    project: null,
  });
  return { openai, settings, compat: { jsonSchema: true, jsonObject: true, temperature: true }, breaker, gate };
}

/** Saturation sheds for as long as a call may wait, at least 5 s: long enough for queues to drain. */
const gateFor = (s: LlmSettings): CallGate =>
  createCallGate({ maxInFlight: s.maxInFlight ?? 64, maxWaitMs: s.maxQueueMs ?? 2000, maxLagMs: s.maxLagMs ?? 0, shedMs: Math.max(5000, s.maxQueueMs ?? 2000) });
