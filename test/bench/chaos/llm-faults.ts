// LLM faults: Probe points at a scripted OpenAI-protocol endpoint that answers each request, at
// seeded random, correctly or with a fault (a refusal, a stall, 429, 500, a body that is not JSON,
// a reply that is not the JSON asked for, a dropped connection, a stream cut or stalled mid-line).
// Every interview must finish, and every line, decision and judgment that did not come from the
// model must say why (fallback-audit.ts). Short timeout, one retry, a short breaker cool-down.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { createRng } from '../../../src/engine/random.js';
import { createSqliteSessionStore } from '../../../src/adapters/db/sqlite-session-store.js';
import { callKind, honestJudgement } from '../../adapters/llm/llm-fixtures.js';
import { reply, startScriptedOpenAiServer, type ScriptedReply, type SeenRequest } from '../../support/scripted-openai-server.js';
import { tempDir } from '../../support/temp-dir.js';
import { startProbeProcess } from '../harness/probe-process.js';
import { auditFallbacks, type FallbackAudit } from './fallback-audit.js';
import { runResilientSession, type ClientTally, type SessionRecord } from './resilient-client.js';

export interface LlmFaultOptions {
  bank: Bank;
  clients: number;
  interviewsPerClient: number;
  /** Share of requests answered with a fault. */
  faultRate: number;
  seed: number;
}

export interface LlmFaultResult {
  interviews: number;
  finished: number;
  requests: number;
  faults: Record<string, number>;
  audit: FallbackAudit;
  seconds: number;
  settings: Record<string, string>;
}

const LINE = 'Thanks, that helps. Tell me how you would check that it holds up once real users start to rely on it?';
const SETTINGS = { PROBE_LLM_TIMEOUT_MS: '800', PROBE_LLM_MAX_RETRIES: '1', PROBE_LLM_COOLDOWN_MS: '250', PROBE_MODEL: 'scripted-model' };

function refusal(request: SeenRequest): ScriptedReply {
  const message = { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." };
  return { type: 'status', status: 200, body: { id: 'chatcmpl-refusal', object: 'chat.completion', created: 0, model: request.body.model, choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }] } };
}

/** The faults, by the kind of call; streamed lines have their own ways to fail. */
const STRUCTURED_FAULTS: Record<string, (r: SeenRequest) => ScriptedReply> = {
  refusal,
  stall: () => ({ type: 'stall' }),
  '429': () => reply.status(429),
  '500': () => reply.status(500),
  'malformed body': () => ({ type: 'malformed-body' }),
  'not the JSON asked for': () => reply.text('Sure! Here is my assessment: the answer is quite good {'),
  'connection dropped': () => ({ type: 'destroy' }),
};
const LINE_FAULTS: Record<string, (r: SeenRequest) => ScriptedReply> = {
  'refusal (empty stream)': () => reply.text(''),
  stall: () => ({ type: 'stall' }),
  '429': () => reply.status(429),
  '500': () => reply.status(500),
  'malformed body': () => ({ type: 'malformed-body' }),
  'stream cut': () => reply.text(LINE, { cut: { afterTokens: 5, how: 'destroy' } }),
  'stream stalled': () => reply.text(LINE, { stallAfterTokens: 4 }),
};

export async function runLlmFaults(o: LlmFaultOptions): Promise<LlmFaultResult> {
  const started = performance.now();
  const rng = createRng(o.seed);
  const faults: Record<string, number> = {};
  const model = await startScriptedOpenAiServer(
    (request) => {
      const kind = callKind(request);
      if (rng() < o.faultRate) {
        const table = kind === 'line' ? LINE_FAULTS : STRUCTURED_FAULTS;
        const names = Object.keys(table);
        const name = names[Math.floor(rng() * names.length)] as string;
        faults[`${kind}: ${name}`] = (faults[`${kind}: ${name}`] ?? 0) + 1;
        return (table[name] as (r: SeenRequest) => ScriptedReply)(request);
      }
      if (kind === 'judge') return honestJudgement(request);
      if (kind === 'decide') return reply.json({ action: 'follow-up', target: 'depth', reason: 'Scripted: push for depth.' });
      return reply.text(LINE);
    },
    { tokenDelayMs: 2 },
  );
  const dir = tempDir('probe-chaos-llm-');
  const dbPath = dir.file('probe.db');
  const server = await startProbeProcess({ dbPath, env: { OPENAI_BASE_URL: model.url, ...SETTINGS } });
  const tally: ClientTally = { answersSent: 0, resent: 0, ackedAfterResend: 0, errors: new Map(), textMismatches: 0, inFlight: 0 };
  const records: SessionRecord[] = [];
  const giveUpAt = performance.now() + 240_000;
  try {
    await Promise.all(
      Array.from({ length: o.clients }, async (_, index) => {
        const clientRng = createRng(o.seed * 13 + index);
        for (let n = 0; n < o.interviewsPerClient; n += 1) {
          const plan = { mode: 'mock' as const, questionCount: 3, maxFollowUps: 1 };
          const record = await runResilientSession({ url: () => server.url, bank: o.bank, plan, seed: index * 100 + n, rng: clientRng, think: [0, 50], giveUpAt: () => giveUpAt, tally });
          if (record) records.push(record);
        }
      }),
    );
  } finally {
    await server.stop('SIGTERM');
    await model.close();
  }
  const store = createSqliteSessionStore(dbPath);
  try {
    const sessions = [];
    for (const r of records) {
      const loaded = await store.load(r.id);
      if (loaded) sessions.push({ id: r.id, plan: loaded.meta.plan, events: loaded.events });
    }
    return {
      interviews: o.clients * o.interviewsPerClient,
      finished: records.filter((r) => r.ended).length,
      requests: model.requests.length,
      faults,
      audit: auditFallbacks(sessions),
      seconds: (performance.now() - started) / 1000,
      settings: SETTINGS,
    };
  } finally {
    await store.close();
    dir.remove();
  }
}
