// Whole interviews through the session driver with the LLM ports against a scripted server: one
// well-behaved, and one per failure kind, each ending in a completed interview with the fallback
// recorded where it happened and never an invented score.
import { afterEach, describe, expect, it } from 'vitest';
import type { LlmSettings } from '../../../src/adapters/llm/llm-client.js';
import { createLlmInterviewer } from '../../../src/adapters/llm/llm-interviewer.js';
import { createLlmJudge } from '../../../src/adapters/llm/llm-judge.js';
import { createPlan, PlanOptionsSchema } from '../../../src/engine/plan.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import type { FallbackRecord, SessionState } from '../../../src/engine/state.js';
import type { DriverPorts } from '../../../src/server/session-driver.js';
import { closedPortUrl, reply, startScriptedOpenAiServer, type ScriptedHandler, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { attention, callKind, driveInterview, modeCollapse, repoPrompts, scriptedModel, SHORT_TIMEOUT_MS, slotOf, testClient, type DriverRun } from './llm-fixtures.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ANSWERS = [
  'Mode collapse is when the generator produces only a few modes, a limited variety, because it found outputs that fool the discriminator.',
  'A Wasserstein loss gives smoother gradients, so the generator keeps being pushed towards the whole distribution.',
  'Each token gets a query, a key and a value; the weights are a softmax of scaled dot products.',
  'Heads attend to different relations, and the cost grows quadratically with the sequence length.',
];

/** The model of a healthy run: follows up on depth once, answers every line. */
const healthy = scriptedModel({
  decide: () => reply.json({ action: 'follow-up', target: 'depth', reason: 'Solid; push further.' }),
  line: () => reply.text('Thanks. Could you say a little more about why that happens?'),
});


async function interview(baseUrl: string, settings: Partial<LlmSettings> = {}, answers: readonly string[] = ANSWERS): Promise<DriverRun> {
  const client = testClient(baseUrl, settings);
  const prompts = await repoPrompts();
  const plan = createPlan([modeCollapse, attention], { ...PlanOptionsSchema.parse({ questionCount: 2, maxFollowUps: 1 }), seed: 3 }, 'test-bank');
  if (!plan.ok) throw new Error(plan.error);
  let clock = 1_000;
  const ports: DriverPorts = { interviewer: createLlmInterviewer(client, prompts), judge: createLlmJudge(client, prompts), now: () => (clock += 1_000) };
  return driveInterview('llm-session', plan.plan, ports, answers);
}

const evaluations = (state: SessionState) => state.questions.flatMap((q) => q.evaluations.map((e) => e.evaluation));

function expectCompleted(run: DriverRun) {
  expect(run.state.phase).toBe('ended');
  expect(run.state.endReason).toBe('completed');
  expect(run.state.questions.map((q) => q.status)).toEqual(['answered', 'answered']);
  // The ports never threw: the driver's last-resort catch was not needed.
  expect(run.warnings).toEqual([]);
  // No invented score: an evaluation the LLM did not produce is the offline score itself.
  for (const e of evaluations(run.state)) if (e.fallback && !e.model) expect(e.score).toEqual(e.offline);
}

const fallbacks = (run: DriverRun, where: FallbackRecord['where']) => run.state.fallbacks.filter((f) => f.where === where).map((f) => f.reason);

describe('a whole LLM interview through the session driver', () => {
  it('runs on the LLM, streams each line, and records usage and who spoke', async () => {
    server = await startScriptedOpenAiServer(healthy);
    const run = await interview(server.url);
    expectCompleted(run);
    expect(run.state.fallbacks).toEqual([]);
    expect(run.state.interviewers).toEqual(expect.arrayContaining(['llm:scripted-model', 'llm:scripted-judge']));
    expect(run.state.usage.calls).toBeGreaterThan(5);
    expect(run.state.usage.promptTokens).toBeGreaterThan(0);
    expect(evaluations(run.state).every((e) => e.score.scorer === 'llm')).toBe(true);
    const followUps = run.entries.filter((e) => e.kind === 'follow-up');
    expect(followUps.map((e) => [e.target, e.by])).toEqual([
      ['depth', 'llm:scripted-model'],
      ['depth', 'llm:scripted-model'],
    ]);
    for (const entry of run.entries.filter((e) => e.role === 'interviewer')) expect(run.deltas.get(String(entry.seq))).toBe(entry.text);
    const judged = server.requests.filter((r) => callKind(r) === 'judge').map((r) => slotOf(r, 'candidate_answer'));
    expect(judged[0]).toBe(ANSWERS[0]);
  });

  it('refused connection: every turn falls back, and the interview completes offline', async () => {
    const run = await interview(await closedPortUrl(), { maxRetries: 0 });
    expectCompleted(run);
    expect(new Set(run.state.fallbacks.map((f) => f.reason))).toEqual(new Set(['LLM connection refused after 0 retries']));
    expect(new Set(run.state.fallbacks.map((f) => f.where))).toEqual(new Set(['line', 'judge', 'decision']));
    expect(evaluations(run.state).every((e) => e.score.scorer === 'offline' && e.fallback)).toBe(true);
    expect(run.entries.filter((e) => e.role === 'interviewer' && e.kind !== 'question').every((e) => e.by === 'offline' && e.fallback)).toBe(true);
    // The report says what happened: offline, because the endpoint failed, with the reason.
    const { provenance } = buildReport(run.state, { sessionId: 'llm-session', createdAt: 0, generatedAt: 1 });
    expect(provenance.method).toBe('offline-after-failure');
    expect(provenance.summary).toBe(
      'Run and scored offline because the LLM endpoint failed: no LLM call succeeded, so the offline interviewer and scorer stood in throughout. Reasons: LLM connection refused after 0 retries.',
    );
    expect(provenance.summary).not.toMatch(/scored by an LLM/);
    // Four judgements: the off-topic first answers each get one simpler way in (offline manners), then an answer.
    expect(provenance.mix?.judgements).toEqual({ llm: 0, capped: 0, standIn: 4, total: 4 });
  });

  it('a closing line that repeats a reference answer is stopped before it is shown (issue 12: 219 words got through)', async () => {
    const leaky: ScriptedHandler = (r, i) =>
      callKind(r) === 'line' && r.body.messages.some((m) => m.content.includes('The interview is over'))
        ? reply.text(`Thanks for your time today. For your notes: ${modeCollapse.referenceAnswer} ${attention.referenceAnswer}`)
        : healthy(r, i);
    server = await startScriptedOpenAiServer(leaky);
    const run = await interview(server.url);
    expectCompleted(run);
    const closing = run.entries.find((e) => e.kind === 'closing');
    expect(closing).toMatchObject({ by: 'offline', fallback: 'line gave away the reference answer twice' });
    const shown = run.deltas.get(String(closing?.seq)) ?? '';
    for (const q of [modeCollapse, attention]) expect(`${shown} ${closing?.text}`).not.toContain(q.referenceAnswer.slice(0, 50));
  });

  it('a far higher LLM score on answers with no offline content is not counted: the report carries both scores and says so', async () => {
    const vague = 'The generator keeps emitting nearly identical pictures.';
    const generous: ScriptedHandler = (r, i) => {
      if (callKind(r) !== 'judge') return healthy(r, i);
      const answer = slotOf(r, 'candidate_answer') ?? '';
      const quote = answer.split(/[.;]/)[0] ?? '';
      const ids = [...(r.body.messages[1]?.content ?? '').matchAll(/\{"id": "([^"]+)", "status"/g)].map((m) => m[1]);
      const criteria = [...(r.body.messages[1]?.content ?? '').matchAll(/\{"id": "([^"]+)", "level"/g)].map((m) => m[1]);
      return reply.json({ keyPoints: ids.map((id) => ({ id, status: 'covered', quotes: [quote] })), criteria: criteria.map((id) => ({ id, level: 4, reason: 'Excellent.' })) });
    };
    server = await startScriptedOpenAiServer(generous);
    const run = await interview(server.url, { cooldownMs: 0 }, [vague]);
    const index = run.state.plan.questions.findIndex((q) => q.id === modeCollapse.id);
    const first = run.state.questions[index]?.evaluations[0]?.evaluation;
    expect(first?.offline.keyPoints.every((k) => k.status === 'missed')).toBe(true);
    expect(first?.capped).toMatch(/found no key point/);
    expect(first?.llmScore).toBeGreaterThanOrEqual((first?.offline.overall ?? 0) + 35);
    expect(first?.score).toEqual(first?.offline);
    const report = buildReport(run.state, { sessionId: 'llm-session', createdAt: 0, generatedAt: 1 });
    const section = report.questions[index];
    expect(section?.scoring).toMatchObject({ scorer: 'offline', disagreement: true, llmScore: first?.llmScore, offlineScore: first?.offline.overall, capped: first?.capped });
    expect(section?.score).toBe(run.state.questions[index]?.evaluations.at(-1)?.evaluation.score.overall);
    expect(report.provenance.summary).toMatch(/a check kept the LLM's score from counting; the offline score counts and both are shown/);
    expect(report.provenance.disagreements).toContainEqual({ questionNumber: index + 1, score: section?.scoring.llmScore, offlineScore: section?.scoring.offlineScore });
  });

  it('timeout: the judge of the first answer never replies; that answer is scored offline', async () => {
    server = await startScriptedOpenAiServer((r, i) => (callKind(r) === 'judge' && slotOf(r, 'candidate_answer') === ANSWERS[0] ? { type: 'stall' } : healthy(r, i)));
    const run = await interview(server.url, { timeoutMs: SHORT_TIMEOUT_MS });
    expectCompleted(run);
    expect(fallbacks(run, 'judge')).toEqual(['LLM timed out after 1 retry']);
    expect(evaluations(run.state)[0]).toMatchObject({ fallback: 'LLM timed out after 1 retry', score: { scorer: 'offline' } });
    expect(evaluations(run.state)[1]?.score.scorer).toBe('llm');
  });

  it('429: decisions stay rate-limited after the retry and are made offline', async () => {
    server = await startScriptedOpenAiServer((r, i) => (callKind(r) === 'decide' ? reply.status(429) : healthy(r, i)));
    const run = await interview(server.url);
    expectCompleted(run);
    expect(fallbacks(run, 'decision').length).toBeGreaterThan(0);
    expect(new Set(fallbacks(run, 'decision'))).toEqual(new Set(['LLM rate limit (429) after 1 retry']));
    expect(fallbacks(run, 'judge')).toEqual([]);
    // The SDK retried each decision once.
    expect(server.requests.filter((r) => callKind(r) === 'decide')).toHaveLength(2 * fallbacks(run, 'decision').length);
  });

  it('500: the judge fails on the second question only', async () => {
    server = await startScriptedOpenAiServer((r, i) => (callKind(r) === 'judge' && slotOf(r, 'candidate_answer')?.includes('query') ? reply.status(500) : healthy(r, i)));
    const run = await interview(server.url);
    expectCompleted(run);
    // The answer and the follow-up's answer are judged together, so both judge calls failed.
    expect(fallbacks(run, 'judge')).toEqual(['LLM server error (500) after 1 retry', 'LLM server error (500) after 1 retry']);
    expect(run.state.fallbacks.map((f) => f.questionIndex)).toEqual([1, 1]);
    expect(evaluations(run.state).map((e) => e.score.scorer)).toEqual(['llm', 'llm', 'offline', 'offline']);
  });

  it('malformed JSON: a judge body that is not JSON is retried once, then scored offline', async () => {
    server = await startScriptedOpenAiServer((r, i) => (callKind(r) === 'judge' && slotOf(r, 'candidate_answer') === ANSWERS[0] ? { type: 'malformed-body' } : healthy(r, i)));
    const run = await interview(server.url);
    expectCompleted(run);
    expect(fallbacks(run, 'judge')).toEqual(['LLM reply was not valid JSON twice']);
  });

  it('a stream cut mid-way, twice: the follow-up is asked offline and marked so in the transcript', async () => {
    const cutFollowUps: ScriptedHandler = (r, i) =>
      callKind(r) === 'line' && r.body.messages.some((m) => m.content.includes('one follow-up question'))
        ? reply.text('So what happens to the gradients when the discriminator wins?', { cut: { afterTokens: 4, how: 'destroy' } })
        : healthy(r, i);
    server = await startScriptedOpenAiServer(cutFollowUps);
    const run = await interview(server.url);
    expectCompleted(run);
    expect(fallbacks(run, 'line')).toEqual(['line was cut off twice', 'line was cut off twice']);
    const followUps = run.entries.filter((e) => e.kind === 'follow-up');
    expect(followUps.every((e) => e.by === 'offline' && e.fallback === 'line was cut off twice')).toBe(true);
    // Mock mode holds back the last words of a line for the no-reveal guard, so none of the cut
    // line was shown and the offline line went out as the deltas.
    for (const entry of followUps) expect(run.deltas.get(String(entry.seq))).toBe(entry.text);
  });
});

describe('the circuit breaker', () => {
  async function breakerClient(url: string, now: () => number) {
    const client = testClient(url, { timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 1 });
    const { createCircuitBreaker } = await import('../../../src/adapters/llm/circuit-breaker.js');
    client.breaker = createCircuitBreaker(30_000, now);
    return client;
  }

  it('a judge endpoint that sends headers and then nothing times out once and opens the breaker', async () => {
    server = await startScriptedOpenAiServer(() => ({ type: 'headers-then-stall' }));
    let now = 0;
    const judge = createLlmJudge(await breakerClient(server.url, () => now), await repoPrompts());
    const input = { question: modeCollapse, answer: ANSWERS[0] as string };
    const started = performance.now();
    const first = await judge.judge(input);
    const waited = performance.now() - started;
    expect(first.fallback).toBe('LLM stopped sending for 0.4 s');
    expect(first.score).toEqual(first.offline);
    // One idle timeout, not the SDK's retries or the whole-call deadline ((0.4 + 8) s x 2).
    expect(server.requests).toHaveLength(1);
    expect(waited).toBeLessThan(8_000);
    now = 10_000;
    const second = await judge.judge(input);
    expect(second.fallback).toBe('LLM skipped for 20 s more after: LLM stopped sending for 0.4 s');
    expect(server.requests).toHaveLength(1);
  });

  it('a streamed line whose body never starts times out once and opens the breaker for the judge too', async () => {
    server = await startScriptedOpenAiServer(() => ({ type: 'headers-then-stall' }));
    let now = 0;
    const client = await breakerClient(server.url, () => now);
    const prompts = await repoPrompts();
    const interviewer = createLlmInterviewer(client, prompts);
    const line = await interviewer.speak({ mode: 'mock', request: { kind: 'opening' }, questionTotal: 2, answers: [] } as never, () => undefined);
    expect(line).toMatchObject({ by: 'offline', fallback: expect.stringMatching(/^LLM stopped sending/) });
    expect(server.requests).toHaveLength(1);
    const judged = await createLlmJudge(client, prompts).judge({ question: modeCollapse, answer: ANSWERS[0] as string });
    expect(judged.fallback).toMatch(/^LLM skipped for 30 s more after: LLM stopped sending/);
    expect(server.requests).toHaveLength(1);
  });

  it('a whole interview against a stalling endpoint waits once per cooldown (measured)', async () => {
    server = await startScriptedOpenAiServer(() => ({ type: 'headers-then-stall' }));
    const started = performance.now();
    const run = await interview(server.url, { timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 1, cooldownMs: 60_000 });
    const wall = performance.now() - started;
    expectCompleted(run);
    // Every later call is skipped: one request reached the endpoint in the whole interview.
    expect(server.requests).toHaveLength(1);
    expect(new Set(run.state.fallbacks.map((f) => f.reason.replace(/skipped for \d+ s/, 'skipped for N s')))).toEqual(
      new Set(['LLM stopped sending for 0.4 s', 'LLM skipped for N s more after: LLM stopped sending for 0.4 s']),
    );
    console.info(`stalling endpoint: whole interview took ${Math.round(wall)} ms with a ${SHORT_TIMEOUT_MS} ms timeout, ${server.requests.length} request`);
    expect(wall).toBeLessThan(15_000);
  });

  it('a stalled endpoint costs one wait: later turns go straight offline, then it is tried again', async () => {
    server = await startScriptedOpenAiServer(() => ({ type: 'stall' }));
    let now = 0;
    const client = testClient(server.url, { timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 0 });
    const { createCircuitBreaker } = await import('../../../src/adapters/llm/circuit-breaker.js');
    client.breaker = createCircuitBreaker(30_000, () => now);
    const judge = createLlmJudge(client, await repoPrompts());
    const input = { question: modeCollapse, answer: ANSWERS[0] as string };
    const first = await judge.judge(input);
    expect(first.fallback).toBe('LLM timed out after 0 retries');
    const seen = server.requests.length;
    now = 10_000;
    const second = await judge.judge(input);
    expect(second.fallback).toBe('LLM skipped for 20 s more after: LLM timed out after 0 retries');
    expect(second.score).toEqual(second.offline);
    expect(server.requests.length).toBe(seen);
    now = 31_000;
    server.setHandler(healthy);
    server.setHandler((r, i) => (callKind(r) === 'judge' ? reply.json({ keyPoints: [], criteria: [] }) : healthy(r, i)));
    await judge.judge(input);
    expect(server.requests.length).toBeGreaterThan(seen);
  });
});
