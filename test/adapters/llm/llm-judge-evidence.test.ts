// A judge that lies about the evidence, scripted on the OpenAI-protocol server and read through
// the real `openai` client: invented quotes, real quotes that carry nothing ("I don't know",
// "know", the question's own words), no quotes, and top levels throughout. Issue 12's two
// "I don't know." cases (17.5 and 100 before) must end at 0; a real answer still earns credit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmJudge } from '../../../src/adapters/llm/llm-judge.js';
import type { Question } from '../../../src/engine/bank/schema.js';
import { lyingJudgement, reply, startScriptedOpenAiServer, type JudgeLie, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { attention, modeCollapse, repoPrompts, testClient } from './llm-fixtures.js';

let lie: JudgeLie = 'invented';
let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedOpenAiServer((request) => lyingJudgement(request, lie));
});
afterAll(() => server.close());

async function judgeWith(how: JudgeLie, answer: string, question: Question = modeCollapse) {
  lie = how;
  return createLlmJudge(testClient(server.url), await repoPrompts()).judge({ question, answer });
}

const NON_ANSWERS = ["I don't know.", 'No idea, sorry.', 'dunno', '', 'asdfgh qwerty zxcvbn'];
const LIES: JudgeLie[] = ['invented', 'contentless', 'question-words', 'none', 'answer-start'];

describe('LLM judge: lies about the evidence', () => {
  it('"I don\'t know." with invented quotes and top levels ends at 0 (it was 17.5)', async () => {
    const evaluation = await judgeWith('invented', "I don't know.");
    expect(evaluation.score.overall).toBe(0);
    expect(evaluation.score.flags).toContain('dont-know');
    expect(evaluation.droppedClaims.length).toBe(modeCollapse.keyPoints.length);
  });

  it('"I don\'t know." quoted back as evidence ("I don\'t know", "know") ends at 0 (it was 100)', async () => {
    const evaluation = await judgeWith('contentless', "I don't know.");
    expect(evaluation.score.overall).toBe(0);
    expect(evaluation.score.keyPoints.every((k) => k.status === 'missed')).toBe(true);
    expect(evaluation.droppedClaims.map((d) => d.quote)).toContain("I don't know.");
  });

  it('the same holds when the server has no json_schema and the judge replies in JSON mode', async () => {
    server.setHandler((request) => (request.body.response_format?.type === 'json_schema' ? reply.rejectJsonSchema() : lyingJudgement(request, 'contentless')));
    try {
      const evaluation = await createLlmJudge(testClient(server.url), await repoPrompts()).judge({ question: modeCollapse, answer: "I don't know." });
      expect(server.requests.at(-1)?.body.response_format?.type).toBe('json_object');
      expect(evaluation.model).toBe('scripted-judge');
      expect(evaluation.score.overall).toBe(0);
    } finally {
      server.setHandler((request) => lyingJudgement(request, lie));
    }
  });

  it.each(LIES.flatMap((how) => NON_ANSWERS.map((answer) => [how, answer] as const)))('lie %s on the non-answer %j earns nothing', async (how, answer) => {
    const evaluation = await judgeWith(how, answer);
    expect(evaluation.score.overall).toBeLessThanOrEqual(evaluation.offline.overall);
    expect(evaluation.score.overall).toBeLessThan(5);
  });

  it('quotes made of the question\'s own words credit nothing', async () => {
    const evaluation = await judgeWith('question-words', 'Mode collapse in GANs, and how can you mitigate it, is a question about GANs.');
    expect(evaluation.score.keyPoints.every((k) => k.status === 'missed')).toBe(true);
    expect(evaluation.score.criteria.filter((c) => c.id !== 'clarity').every((c) => c.level === 0)).toBe(true);
  });

  it('a fluent non-answer the offline analysis finds no content in cannot be lifted far by the model', async () => {
    const evaluation = await judgeWith('answer-start', 'Honestly that is beyond me, I never got round to studying generative models properly.');
    expect(evaluation.score.overall).toBeLessThanOrEqual(evaluation.offline.overall + 35);
  });

  it('a real answer quoted honestly still earns the credit its quotes support', async () => {
    const answer = 'Each token is projected into a query, a key and a value; the weights are a softmax of scaled dot products, and several heads run in parallel.';
    const evaluation = await judgeWith('answer-start', answer, attention);
    // The quote "Each token is projected into" names the projection, so only the first key point stands.
    const status = Object.fromEntries(evaluation.score.keyPoints.map((k) => [k.id, k.status]));
    expect(status).toEqual({ qkv: 'covered', 'softmax-scores': 'missed', 'multi-head': 'missed' });
    expect(evaluation.score.scorer).toBe('llm');
    expect(evaluation.score.overall).toBeGreaterThan(30);
  });

  it('a relevant quote credits the key point it is about, not every key point', async () => {
    server.setHandler(() => {
      const quotes = ['limited variety of samples'];
      return reply.json({
        keyPoints: modeCollapse.keyPoints.map((k) => ({ id: k.id, status: 'covered', quotes })),
        criteria: modeCollapse.rubric.criteria.map((c) => ({ id: c.id, level: 3, reason: 'Scripted.' })),
      });
    });
    try {
      const evaluation = await createLlmJudge(testClient(server.url), await repoPrompts()).judge({
        question: modeCollapse,
        answer: 'Mode collapse is when the generator only produces a limited variety of samples.',
      });
      const status = Object.fromEntries(evaluation.score.keyPoints.map((k) => [k.id, k.status]));
      expect(status).toEqual({ 'few-modes': 'covered', 'fools-discriminator': 'missed', mitigations: 'missed' });
    } finally {
      server.setHandler((request) => lyingJudgement(request, lie));
    }
  });
});
