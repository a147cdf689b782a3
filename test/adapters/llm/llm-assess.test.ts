// Judge and decide in one call (llm-assess.ts), against a scripted OpenAI-protocol server through
// the real `openai` client: one request instead of two, the judge's checks still applied to the
// judgement, and the decision kept only when it fits the checked evaluation.
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmAssessor } from '../../../src/adapters/llm/llm-assess.js';
import { createLlmJudge } from '../../../src/adapters/llm/llm-judge.js';
import type { AssessContext, DecideContext } from '../../../src/engine/ports.js';
import { reply, startScriptedOpenAiServer, type ScriptedHandler, type ScriptedServer, type SeenRequest } from '../../support/scripted-openai-server.js';
import { MODE_COLLAPSE_ANSWER, askedIds, modeCollapse, repoPrompts, testClient } from './llm-fixtures.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const GOOD = MODE_COLLAPSE_ANSWER;

/** A one-question plan's context: a move on closes the interview (judge and interviewer are separate models here). */
const next = (over: Partial<DecideContext> = {}): AssessContext => ({
  mode: 'mock',
  seed: 1,
  question: modeCollapse,
  answers: [GOOD],
  followUpsAsked: 0,
  maxFollowUps: 2,
  probed: [],
  ...over,
  closing: { summary: [] },
});

type KeyPoint = { id: string; status: string; quotes: string[] };
const assessment = (keyPoints: KeyPoint[], decision: unknown) => (request: SeenRequest) =>
  reply.json({ keyPoints, criteria: askedIds(request).criteria.map((id) => ({ id, level: 3, reason: 'Scripted.' })), decision });

const HONEST: KeyPoint[] = [
  { id: 'few-modes', status: 'covered', quotes: ['only produces a limited variety of samples'] },
  { id: 'fools-discriminator', status: 'covered', quotes: ['found outputs that fool the discriminator'] },
  { id: 'mitigations', status: 'missed', quotes: [] },
];

async function assessWith(handler: ScriptedHandler, answer: string, context = next()) {
  server = await startScriptedOpenAiServer(handler);
  const client = testClient(server.url);
  const prompts = await repoPrompts();
  const assessor = createLlmAssessor(client, prompts, createLlmJudge(client, prompts));
  return { ...(await assessor.assess({ question: modeCollapse, answer }, context)), requests: server.requests };
}

describe('LLM assessor: one call that judges and decides', () => {
  it('makes one request, scores through the judge and takes the follow-up it proposed', async () => {
    const { evaluation, decision, requests } = await assessWith(assessment(HONEST, { action: 'follow-up', target: 'mitigations', reason: 'Ask about fixes.' }), GOOD);
    expect(requests).toHaveLength(1);
    const format = requests[0]?.body.response_format;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'assessment', strict: true } });
    const targets = (format?.json_schema?.schema as { properties: { decision: { properties: { target: { anyOf: { enum?: string[] }[] } } } } }).properties.decision.properties.target;
    expect(JSON.stringify(targets)).toContain('"mitigations"');
    expect(JSON.stringify(targets)).toContain('"depth"');
    expect(requests[0]?.body.messages.at(-1)?.content).toMatch(/decide your next move in the same reply/);
    expect(evaluation).toMatchObject({ model: 'scripted-judge', score: { scorer: 'llm' } });
    expect(decision).toEqual({ decision: { action: 'follow-up', target: 'mitigations', reason: 'Ask about fixes.' }, by: 'llm:scripted-judge' });
  });

  it('keeps the judge checks: a quote the answer does not contain earns nothing, and a follow-up on a point checked as covered is not taken', async () => {
    const forged: KeyPoint[] = [...HONEST.slice(0, 2), { id: 'mitigations', status: 'covered', quotes: ['use a Wasserstein loss with gradient penalty'] }];
    const { evaluation, decision } = await assessWith(assessment(forged, { action: 'follow-up', target: 'few-modes', reason: 'Probe it.' }), GOOD);
    expect(evaluation.droppedClaims.map((c) => c.keyPointId)).toContain('mitigations');
    expect(evaluation.score.keyPoints.find((k) => k.id === 'mitigations')?.status).toBe('missed');
    // few-modes was covered, with a real quote: not a target the plan allows, so the interviewer is asked on its own.
    expect(decision).toBeUndefined();
  });

  it('falls back to a separate decision when the reply has no usable decision', async () => {
    const { evaluation, decision } = await assessWith(assessment(HONEST, { action: 'follow-up', target: 'no-such-point', reason: 'x' }), GOOD);
    expect(evaluation.score.scorer).toBe('llm');
    expect(decision).toBeUndefined();
  });

  it('when the call fails, scores and decides offline, with the reason recorded on both', async () => {
    const { evaluation, decision } = await assessWith(() => reply.status(500), GOOD);
    expect(evaluation.fallback).toBe('LLM server error (500) after 1 retry');
    expect(decision).toMatchObject({ by: 'offline', fallback: 'LLM server error (500) after 1 retry' });
  });

  it('with no follow-up left, makes the plain judge call', async () => {
    const { decision, requests } = await assessWith(assessment(HONEST, null), GOOD, next({ followUpsAsked: 2 }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.response_format?.json_schema?.name).toBe('judgement');
    expect(decision).toBeUndefined();
  });
});
