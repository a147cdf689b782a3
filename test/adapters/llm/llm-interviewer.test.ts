// The LLM interviewer against a scripted OpenAI-protocol server: streamed lines, decisions
// constrained to the allowed targets, the no-reveal guard, and the offline stand-in.
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmInterviewer } from '../../../src/adapters/llm/llm-interviewer.js';
import type { DecideInput, SpeakInput } from '../../../src/engine/effects.js';
import { offlineEvaluation } from '../../../src/engine/interviewer/offline-interviewer.js';
import { offlineLine } from '../../../src/engine/interviewer/offline-lines.js';
import type { LineRequest } from '../../../src/engine/lines.js';
import { reply, startScriptedOpenAiServer, type ScriptedHandler, type ScriptedServer } from '../../support/scripted-openai-server.js';
import type { LlmSettings } from '../../../src/adapters/llm/llm-client.js';
import { attention, modeCollapse, repoPrompts, SHORT_TIMEOUT_MS, slotOf, testClient } from './llm-fixtures.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function interviewer(handler: ScriptedHandler, settings: Partial<LlmSettings> = {}) {
  server = await startScriptedOpenAiServer(handler);
  return createLlmInterviewer(testClient(server.url, settings), await repoPrompts());
}

const ANSWER = 'The generator keeps producing the same few faces, so the samples lack diversity.';

function speakInput(request: LineRequest, extra: Partial<SpeakInput> = {}): SpeakInput {
  return { request, mode: 'mock', seed: 1, seq: 5, question: modeCollapse, questionNumber: 1, questionTotal: 3, answers: [ANSWER], ...extra };
}

async function speak(handler: ScriptedHandler, input: SpeakInput, settings: Partial<LlmSettings> = {}) {
  const deltas: string[] = [];
  const line = await (await interviewer(handler, settings)).speak(input, (d) => deltas.push(d));
  return { line, deltas, requests: server?.requests ?? [] };
}

const FOLLOW_UP: LineRequest = { kind: 'follow-up', questionIndex: 0, target: 'fools-discriminator', round: 1 };
const REVEALING = 'Right. Did you know the generator learns to produce only a few kinds of outputs because of the discriminator?';

describe('LLM interviewer: lines', () => {
  it('streams a line token by token; the deltas, in order, make the line', async () => {
    const text = 'Hello, and thanks for joining. We have three questions today, so take your time and think aloud.';
    const { line, deltas, requests } = await speak(() => reply.text(text, { usage: { promptTokens: 50, completionTokens: 20 } }), speakInput({ kind: 'opening' }));
    expect(line).toEqual({ text, by: 'llm:scripted-model', usage: { promptTokens: 50, completionTokens: 20 } });
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(text);
    expect(requests[0]?.body).toMatchObject({ model: 'scripted-model', stream: true, stream_options: { include_usage: true } });
    expect(requests[0]?.body.messages[0]?.content).toMatch(/You are Probe/);
  });

  it('bridges to the next question and then asks it word for word', async () => {
    const input = speakInput({ kind: 'question', questionIndex: 1, transition: true, retry: false }, { questionNumber: 2, answers: [] });
    const { line, deltas } = await speak(() => reply.text('Thanks, that helps. Let us switch topics.'), input);
    expect(line.text).toBe(`Thanks, that helps. Let us switch topics. Question 2 of 3. ${modeCollapse.prompt}`);
    expect(deltas.join('')).toBe(line.text);
  });

  it('never lets a line state a score: the closing falls back when the model invents one', async () => {
    const input = speakInput({ kind: 'closing', reason: 'completed' }, { summary: [{ questionId: modeCollapse.id, prompt: modeCollapse.prompt, overall: 72, status: 'answered' }] });
    const { line, deltas, requests } = await speak(() => reply.text('Thanks so much for your time today. You scored 72% overall, a solid result.'), input);
    expect(requests).toHaveLength(2);
    expect(line).toMatchObject({ text: offlineLine(input), by: 'offline', fallback: 'line stated a score twice' });
    expect(deltas.join('')).not.toMatch(/72/);
    expect(requests[0]?.body.messages[1]?.content).not.toMatch(/72/);
  });

  it('keeps authored wording for the first question, without calling the model', async () => {
    const input = speakInput({ kind: 'question', questionIndex: 0, transition: false, retry: false }, { answers: [] });
    const { line, requests } = await speak(() => reply.text('unused'), input);
    expect(line).toEqual({ text: offlineLine(input), by: 'offline' });
    expect(requests).toHaveLength(0);
  });

  it('asks a follow-up with the answers in their slot and never sends the reference answer', async () => {
    const { line, requests } = await speak(() => reply.text('You mentioned the same faces. Why would the generator settle there?'), speakInput(FOLLOW_UP));
    expect(line.by).toBe('llm:scripted-model');
    const request = requests[0];
    expect(request && slotOf(request, 'candidate_answers')).toBe(ANSWER);
    const sent = request?.body.messages.map((m) => m.content).join('\n') ?? '';
    expect(sent).not.toContain(modeCollapse.referenceAnswer.slice(0, 60));
    expect(sent).toMatch(/internal notes, never read them out/);
  });

  it('in mock mode, rejects a line that gives the reference away, before it is shown, then stands in offline', async () => {
    const input = speakInput(FOLLOW_UP);
    const { line, deltas, requests } = await speak(() => reply.text(REVEALING), input);
    expect(requests).toHaveLength(2);
    expect(line).toMatchObject({ text: offlineLine(input), by: 'offline', fallback: 'line gave away the reference answer twice' });
    expect(deltas.join('')).not.toMatch(/produce only a few kinds/);
  });

  it('guards the closing line too: it has no question in play, and may not repeat any reference answer of the session', async () => {
    const closing: LineRequest = { kind: 'closing', reason: 'completed' };
    const input = speakInput(closing, {
      question: undefined,
      questionNumber: undefined,
      answers: [],
      summary: [modeCollapse, attention].map((q) => ({ questionId: q.id, prompt: q.prompt, overall: 50, status: 'answered' })),
      session: [
        { question: modeCollapse, answers: [ANSWER] },
        { question: attention, answers: ['Queries and keys.'] },
      ],
    });
    const leak = `That's all from me. For the record, a full answer would be: ${attention.referenceAnswer} Thanks for your time.`;
    const { line, deltas } = await speak(() => reply.text(leak), input);
    expect(line).toMatchObject({ text: offlineLine(input), by: 'offline', fallback: 'line gave away the reference answer twice' });
    expect(deltas.join('')).not.toContain(attention.referenceAnswer.slice(0, 40));
    // An honest closing passes.
    const honest = await speak(() => reply.text('That was the last question. Thanks for your time today.'), input);
    expect(honest.line.by).toBe('llm:scripted-model');
  });

  it('uses the retry when only the first line gave the reference away (the final text replaces the deltas)', async () => {
    const clean = 'Why would the generator keep making those same faces?';
    const { line, deltas } = await speak((_, i) => reply.text(i === 0 ? REVEALING : clean), speakInput(FOLLOW_UP));
    expect(line).toMatchObject({ text: clean, by: 'llm:scripted-model' });
    expect(line.fallback).toBeUndefined();
    // The first attempt had shown a few harmless words; the retry is not streamed on top of them.
    expect(deltas.join('')).toBe('Right. Did you know ');
  });

  it('in drill mode, lets the line name what was missed', async () => {
    const { line } = await speak(() => reply.text(REVEALING), speakInput(FOLLOW_UP, { mode: 'drill' }));
    expect(line.text).toBe(REVEALING);
  });

  it('retries a stream cut mid-way; the retry is not streamed over the words already shown', async () => {
    const text = 'What is the generator optimising against when this happens?';
    const cut = (how: 'destroy' | 'end') => (_: unknown, i: number) => reply.text(text, i === 0 ? { cut: { afterTokens: 6, how } } : {});
    for (const how of ['destroy', 'end'] as const) {
      const { line, deltas, requests } = await speak(cut(how), speakInput(FOLLOW_UP, { mode: 'drill' }));
      expect(requests).toHaveLength(2);
      expect(line).toMatchObject({ text, by: 'llm:scripted-model' });
      // Six words arrived; the guard holds back the last four.
      expect(deltas.join('')).toBe('What is ');
      await server?.close();
    }
  });

  it('stands in offline when the stream is cut twice', async () => {
    const input = speakInput(FOLLOW_UP, { mode: 'drill' });
    const { line } = await speak(() => reply.text('What is the generator doing?', { cut: { afterTokens: 2, how: 'destroy' } }), input);
    expect(line).toMatchObject({ text: offlineLine(input), by: 'offline', fallback: 'line was cut off twice' });
  });

  it('treats a line stopped by the length limit as cut', async () => {
    const input = speakInput(FOLLOW_UP, { mode: 'drill' });
    const { line } = await speak(() => reply.text('What is the', { finishReason: 'length' }), input);
    expect(line).toMatchObject({ by: 'offline', fallback: 'line was cut off twice' });
  });

  it('stands in offline when a stream stalls mid-line, without a second wait', async () => {
    const input = speakInput(FOLLOW_UP, { mode: 'drill' });
    const { line, deltas, requests } = await speak(() => reply.text('One two three four five six seven eight.', { stallAfterTokens: 6 }), input, { timeoutMs: SHORT_TIMEOUT_MS });
    expect(requests).toHaveLength(1);
    // Either timer may fire first: the body's idle timeout (body-timeout.ts) or the stream's own.
    expect(line).toMatchObject({ text: offlineLine(input), by: 'offline', fallback: expect.stringMatching(/^LLM stopped sending (?:mid-line )?for 0\.4 s$/) });
    // Two words were shown before the stall (four held back); the final line replaces them.
    expect(deltas.join('')).toBe('One two ');
  });
});

function decideInput(extra: Partial<DecideInput> = {}): DecideInput {
  const evaluation = offlineEvaluation({ question: modeCollapse, answer: ANSWER });
  return { mode: 'mock', seed: 1, question: modeCollapse, answers: [ANSWER], evaluation, followUpsAsked: 0, maxFollowUps: 2, probed: [], ...extra };
}

describe('LLM interviewer: decisions', () => {
  it('offers only the targets the plan allows, and follows the choice', async () => {
    const probe = await interviewer(() => reply.json({ action: 'follow-up', target: 'mitigations', reason: 'No fix mentioned.' }));
    const result = await probe.decide(decideInput({ probed: ['fools-discriminator'] }));
    expect(result).toMatchObject({ decision: { action: 'follow-up', target: 'mitigations' }, by: 'llm:scripted-model' });
    const format = server?.requests[0]?.body.response_format;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'decision', strict: true } });
    const schema = JSON.stringify(format?.json_schema?.schema);
    expect(schema).toContain('"mitigations"');
    expect(schema).toContain('"depth"');
    expect(schema).not.toContain('"fools-discriminator"');
  });

  it('treats a target outside the allowed ones as invalid: one retry, then the offline decision', async () => {
    const probe = await interviewer(() => reply.json({ action: 'follow-up', target: 'the-reference-answer', reason: 'x' }));
    const input = decideInput();
    const result = await probe.decide(input);
    expect(server?.requests).toHaveLength(2);
    expect(result).toMatchObject({ by: 'offline', fallback: 'decision reply did not have the expected fields twice' });
    expect(result.decision.action).toBeDefined();
  });

  it('does not ask the model once the follow-up limit is reached', async () => {
    const probe = await interviewer(() => reply.json({ action: 'follow-up', target: 'depth', reason: 'x' }));
    const result = await probe.decide(decideInput({ followUpsAsked: 2 }));
    expect(server?.requests).toHaveLength(0);
    expect(result).toEqual({ decision: { action: 'next', reason: 'follow-up limit reached' }, by: 'offline' });
  });
});
