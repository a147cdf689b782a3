// One streamed call per turn (turn-call.ts, prepared-line.ts, the session driver), against a
// scripted OpenAI-protocol server through the real `openai` client: the judgement and decision
// arrive first as a JSON object and pass the judge's checks; only then is the line after them
// relayed, through the line guard. An overruled decision or an unusable line falls back to the
// separate calls.
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmAssessor } from '../../../src/adapters/llm/llm-assess.js';
import { createLlmInterviewer } from '../../../src/adapters/llm/llm-interviewer.js';
import { createLlmJudge } from '../../../src/adapters/llm/llm-judge.js';
import { JsonObjectEnd } from '../../../src/adapters/llm/turn-stream.js';
import type { Question } from '../../../src/engine/bank/schema.js';
import { createPlan, PlanOptionsSchema } from '../../../src/engine/plan.js';
import type { DriverPorts } from '../../../src/server/session-driver.js';
import { asksForClosing, onLastQuestion } from '../../support/scripted-turn.js';
import { reply, startScriptedOpenAiServer, type ScriptedHandler, type ScriptedServer, type SeenRequest } from '../../support/scripted-openai-server.js';
import { MODE_COLLAPSE_ANSWER, askedIds, attention, callKind, driveInterview, honestJudgement, modeCollapse, repoPrompts, scriptedModel, testClient, type DriverRun } from './llm-fixtures.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const GOOD = MODE_COLLAPSE_ANSWER;
const TURN_LINE = 'You said it finds outputs that fool the discriminator; what would you change in training to stop that?';
const SEPARATE_LINE = 'Thanks. And how would you fix it in practice, if you had to?';
const TURN_CLOSING = 'Thank you, that is the end; the way you explained the discriminator was clear, and your report is ready.';
/** The turn call's line: the closing when the request asks for one (the last question), else TURN_LINE. */
const turnLine = (r: SeenRequest) => (asksForClosing(r) ? TURN_CLOSING : TURN_LINE);


/** A mock interview through the driver with the LLM ports (judge and interviewer on one model). */
async function interview(handler: ScriptedHandler, questions: Question[], answers: string[]): Promise<DriverRun> {
  server = await startScriptedOpenAiServer(handler);
  const client = testClient(server.url, { judgeModel: 'scripted-model' });
  const prompts = await repoPrompts();
  const judge = createLlmJudge(client, prompts);
  const plan = createPlan(questions, { ...PlanOptionsSchema.parse({ questionCount: questions.length, maxFollowUps: 1 }), seed: 3 }, 'test-bank');
  if (!plan.ok) throw new Error(plan.error);
  let clock = 1_000;
  const ports: DriverPorts = { interviewer: createLlmInterviewer(client, prompts), judge, assessor: createLlmAssessor(client, prompts, judge), now: () => (clock += 1_000) };
  return driveInterview('turn-session', plan.plan, ports, answers);
}

/** Claims the judgement of GOOD honestly: two points covered with real quotes, mitigations missed (other questions: honestJudgement). */
const honest = (request: SeenRequest) =>
  !askedIds(request).keyPoints.includes('few-modes') ? honestJudgement(request) : reply.json({
    keyPoints: [
      { id: 'few-modes', status: 'covered', quotes: ['only produces a limited variety of samples'] },
      { id: 'fools-discriminator', status: 'covered', quotes: ['found outputs that fool the discriminator'] },
      { id: 'mitigations', status: 'missed', quotes: [] },
    ],
    criteria: askedIds(request).criteria.map((id) => ({ id, level: 3, reason: 'Scripted.' })),
  });

const kinds = () => server?.requests.map((r) => callKind(r)) ?? [];
const followUps = (run: DriverRun) => run.entries.filter((e) => e.kind === 'follow-up');
const interviewerLines = (run: DriverRun) => run.entries.filter((e) => e.role === 'interviewer');

describe('one streamed call per turn', () => {
  it('judges, decides and speaks in one call; the line goes out only after the judgement passed the checks', async () => {
    const handler = scriptedModel({
      judge: honest,
      decide: (r) => reply.json({ action: 'follow-up', target: r.body.messages.some((m) => m.content.includes('- mitigations:')) ? 'mitigations' : 'depth', reason: 'Open.' }),
      line: (r) => reply.text(r.part === 'line' ? turnLine(r) : SEPARATE_LINE),
    });
    const run = await interview(handler, [modeCollapse, attention], [GOOD]);
    expect(run.state.phase).toBe('ended');
    expect(run.state.fallbacks).toEqual([]);
    expect(run.warnings).toEqual([]);
    // Opening line; then one turn call per answer, the last answer's writing the closing line.
    expect(kinds()).toEqual(['line', 'turn', 'turn', 'turn', 'turn']);
    expect(run.entries.filter((e) => e.kind === 'closing').map((e) => [e.text, e.by])).toEqual([[TURN_CLOSING, 'llm:scripted-model']]);
    expect(followUps(run).map((e) => [e.target, e.text, e.by]).sort()).toEqual([
      ['depth', TURN_LINE, 'llm:scripted-model'],
      ['mitigations', TURN_LINE, 'llm:scripted-model'],
    ]);
    // The bridge to question 2 is the turn call's line with the question appended word for word.
    const bridge = run.entries.find((e) => e.kind === 'question' && e.questionIndex === 1);
    expect(bridge?.text).toBe(`${TURN_LINE} Question 2 of 2. ${run.state.plan.questions[1]?.prompt}`);
    for (const line of interviewerLines(run)) expect(run.deltas.get(String(line.seq))).toBe(line.text);
    for (const q of run.state.questions) for (const e of q.evaluations) expect(e.evaluation).toMatchObject({ model: 'scripted-model', score: { scorer: 'llm' } });
  });

  it('the last answer\'s call writes the closing from a summary of the questions before it, by band and never by score', async () => {
    const handler = scriptedModel({ judge: honest, line: (r) => reply.text(r.part === 'line' ? turnLine(r) : SEPARATE_LINE) });
    const run = await interview(handler, [modeCollapse, attention], [GOOD]);
    const closingCall = server?.requests.at(-1);
    expect(closingCall && callKind(closingCall)).toBe('turn');
    const asked = closingCall?.body.messages.at(-1)?.content ?? '';
    expect(asked).toContain(`- Question 1 (${run.state.plan.questions[0]?.prompt}): `);
    expect(asked).toMatch(/- Question 1 \([^\n]*\): (strong|partial|weak)\n/);
    expect(asked).toContain('Question 2 is the one whose answer you judged above.');
    // No score reaches the prompt: the summary's only digits are the question numbers.
    expect(asked.split('How the session went')[1]?.replace(/Question \d/g, '')).not.toMatch(/\d/);
    expect(run.entries.at(-1)).toMatchObject({ kind: 'closing', text: TURN_CLOSING, by: 'llm:scripted-model' });
  });

  it('when the checks drop a claim of the last judgement, the model\'s closing is not used: the interviewer closes from the checked scores', async () => {
    const invented = (r: SeenRequest) => {
      if (!onLastQuestion(r)) return honest(r);
      const { keyPoints, criteria } = askedIds(r);
      return reply.json({
        keyPoints: keyPoints.map((id, i) => (i === 0 ? { id, status: 'covered', quotes: ['a sentence the candidate never wrote'] } : { id, status: 'missed', quotes: [] })),
        criteria: criteria.map((id) => ({ id, level: 4, reason: 'Scripted.' })),
      });
    };
    const handler = scriptedModel({ judge: invented, line: (r) => reply.text(r.part === 'line' ? turnLine(r) : SEPARATE_LINE) });
    const run = await interview(handler, [modeCollapse, attention], [GOOD]);
    expect(kinds().slice(-2)).toEqual(['turn', 'line']);
    const last = run.state.questions[1]?.evaluations.at(-1)?.evaluation;
    expect(last?.droppedClaims.map((c) => c.quote)).toEqual(['a sentence the candidate never wrote']);
    expect(run.entries.at(-1)).toMatchObject({ kind: 'closing', text: SEPARATE_LINE, by: 'llm:scripted-model' });
    expect([...run.deltas.values()].join(' ')).not.toContain(TURN_CLOSING);
  });

  it('when the checks lower a level the last judgement claimed, the model\'s closing is not used either', async () => {
    // One point verified, the rest missed, yet top levels everywhere: the levels need evidence.
    const inflated = (r: SeenRequest) => {
      if (!onLastQuestion(r) || !askedIds(r).keyPoints.includes('few-modes')) return honest(r);
      return reply.json({
        keyPoints: askedIds(r).keyPoints.map((id) => (id === 'few-modes' ? { id, status: 'covered', quotes: ['only produces a limited variety of samples'] } : { id, status: 'missed', quotes: [] })),
        criteria: askedIds(r).criteria.map((id) => ({ id, level: 4, reason: 'Scripted.' })),
      });
    };
    const handler = scriptedModel({ judge: inflated, line: (r) => reply.text(r.part === 'line' ? turnLine(r) : SEPARATE_LINE) });
    const run = await interview(handler, [attention, modeCollapse], [GOOD]);
    expect(run.state.plan.questions.at(-1)?.id).toBe(modeCollapse.id);
    const last = run.state.questions.at(-1)?.evaluations.at(-1)?.evaluation;
    expect(last).toMatchObject({ droppedClaims: [], disagreement: false });
    expect(last?.capped).toBeUndefined();
    expect(last?.score.criteria.some((c) => c.id !== 'completeness' && c.level < 4)).toBe(true);
    expect(kinds().slice(-2)).toEqual(['turn', 'line']);
    expect(run.entries.at(-1)).toMatchObject({ kind: 'closing', text: SEPARATE_LINE });
  });

  it('a closing line that gives a reference answer away is stopped by the line guard; the interviewer closes', async () => {
    const handler = scriptedModel({
      judge: honest,
      line: (r) => reply.text(r.part === 'line' ? (asksForClosing(r) ? `Thanks. For the record: ${modeCollapse.referenceAnswer}` : TURN_LINE) : SEPARATE_LINE),
    });
    const run = await interview(handler, [modeCollapse, attention], [GOOD]);
    expect(kinds().slice(-2)).toEqual(['turn', 'line']);
    expect(run.entries.at(-1)).toMatchObject({ kind: 'closing', text: SEPARATE_LINE });
    expect([...run.deltas.values()].join(' ')).not.toContain(modeCollapse.referenceAnswer.slice(0, 60));
  });

  it('a follow-up on a point the checked evaluation found covered is overruled: its line is dropped, the interviewer decides and speaks', async () => {
    const handler = scriptedModel({
      judge: honest,
      // In the turn call the model asks about a covered point; asked on its own, about the missed one.
      decide: (r) => reply.json(r.part === 'decide' ? { action: 'follow-up', target: 'few-modes', reason: 'x' } : { action: 'follow-up', target: 'mitigations', reason: 'Missed.' }),
      line: (r) => reply.text(r.part === 'line' ? turnLine(r) : SEPARATE_LINE),
    });
    const run = await interview(handler, [modeCollapse], [GOOD]);
    expect(kinds().slice(0, 4)).toEqual(['line', 'turn', 'decide', 'line']);
    expect(followUps(run)[0]).toMatchObject({ target: 'mitigations', text: SEPARATE_LINE, by: 'llm:scripted-model' });
    expect([...run.deltas.values()].join(' ')).not.toContain(TURN_LINE);
    expect(run.state.fallbacks).toEqual([]);
  });

  it('a prepared line that gives the reference answer away is stopped by the line guard; the interviewer phrases the follow-up', async () => {
    const handler = scriptedModel({
      judge: honest,
      decide: () => reply.json({ action: 'follow-up', target: 'mitigations', reason: 'Missed.' }),
      line: (r) => reply.text(r.part === 'line' ? `Good. For the record: ${modeCollapse.referenceAnswer}` : SEPARATE_LINE),
    });
    const run = await interview(handler, [modeCollapse], [GOOD]);
    expect(kinds().slice(0, 3)).toEqual(['line', 'turn', 'line']);
    expect(followUps(run)[0]).toMatchObject({ text: SEPARATE_LINE, by: 'llm:scripted-model' });
    expect([...run.deltas.values()].join(' ')).not.toContain(modeCollapse.referenceAnswer.slice(0, 60));
  });

  it('a turn reply whose JSON is broken is asked again as the structured judge-and-decide call, without the line', async () => {
    const handler = scriptedModel({
      judge: (r) => (r.part === 'judge' ? reply.text('{"keyPoints": [oops') : honest(r)),
      decide: () => reply.json({ action: 'follow-up', target: 'mitigations', reason: 'Missed.' }),
      line: (r) => reply.text(r.part === 'line' ? TURN_LINE : SEPARATE_LINE),
    });
    const run = await interview(handler, [modeCollapse], [GOOD]);
    const assessment = server?.requests.find((r) => r.body.response_format?.json_schema?.name === 'assessment');
    expect(assessment).toBeDefined();
    // The structured reply carries no decision here, so the interviewer is asked for one.
    expect(kinds().slice(0, 5)).toEqual(['line', 'turn', 'judge', 'decide', 'line']);
    expect(run.state.questions[0]?.evaluations[0]?.evaluation).toMatchObject({ model: 'scripted-model', score: { scorer: 'llm' } });
    expect(followUps(run)[0]).toMatchObject({ target: 'mitigations', text: SEPARATE_LINE });
  });

  it('with separate judge and interviewer models the line is not written by the judge', async () => {
    server = await startScriptedOpenAiServer(scriptedModel({ judge: honest, decide: () => reply.json({ action: 'follow-up', target: 'mitigations', reason: 'Missed.' }) }));
    const client = testClient(server.url);
    const prompts = await repoPrompts();
    const assessor = createLlmAssessor(client, prompts, createLlmJudge(client, prompts));
    const result = await assessor.assess(
      { question: modeCollapse, answer: GOOD },
      { mode: 'mock', seed: 1, question: modeCollapse, answers: [GOOD], followUpsAsked: 0, maxFollowUps: 1, probed: [], upcoming: { questionIndex: 1, question: attention, number: 2, total: 2 } },
    );
    expect(result.line).toBeUndefined();
    expect(kinds()).toEqual(['judge']);
  });
});

describe('a sure non-answer', () => {
  it.each([
    ["I don't know.", 'simpler'],
    ['', 'simpler'],
    ['asdfgh qwerty zxcvbn', 'rephrase'],
  ])('%j is scored 0 offline without any model call, and says so', async (answer, target) => {
    server = await startScriptedOpenAiServer(scriptedModel());
    const client = testClient(server.url, { judgeModel: 'scripted-model' });
    const prompts = await repoPrompts();
    const assessor = createLlmAssessor(client, prompts, createLlmJudge(client, prompts));
    const result = await assessor.assess(
      { question: modeCollapse, answer },
      { mode: 'mock', seed: 1, question: modeCollapse, answers: [answer], followUpsAsked: 0, maxFollowUps: 1, probed: [], upcoming: { questionIndex: 1, question: attention, number: 2, total: 2 } },
    );
    expect(server.requests).toEqual([]);
    expect(result.evaluation.score.overall).toBe(0);
    expect(result.evaluation.model).toBeUndefined();
    expect(result.evaluation.notAsked).toMatch(/the LLM judge was not asked/);
    // The offline interviewer's move for a non-answer in a mock interview: one simpler way in, or a request to rephrase.
    expect(result.decision).toMatchObject({ decision: { action: 'follow-up', target }, by: 'offline' });
  });
});

describe('JsonObjectEnd', () => {
  it.each([
    ['{"a": 1}\nline', 8],
    ['{"a": "}"} rest', 10],
    ['{"a": "\\"}"}x', 12],
    ['```json\n{"a": {"b": [1, {}]}}\n```\nline', 29],
    ['{"a": 1', undefined],
  ])('finds the end of the object in %j', (text, end) => {
    const scan = new JsonObjectEnd();
    // Fed piece by piece, as a stream arrives.
    for (let i = 1; i <= text.length; i += 3) scan.scan(text.slice(0, i));
    scan.scan(text);
    expect(scan.end).toBe(end);
  });
});
