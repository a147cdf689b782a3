// Shared pieces of the LLM adapter tests: realistic questions, a client with short timeouts, and a
// scripted "model" that answers each kind of call (judge, decide, line) the way a test wants.
import type { Question, Rubric } from '../../../src/engine/bank/schema.js';
import { createLlmClient, type LlmClient, type LlmSettings } from '../../../src/adapters/llm/llm-client.js';
import { loadPrompts, type LoadedPrompts } from '../../../src/adapters/llm/load-prompts.js';
import { defaultPromptsDir } from '../../../src/paths.js';
import { reply, type ScriptedHandler, type ScriptedReply, type SeenRequest } from '../../support/scripted-openai-server.js';
import { isTurnRequest } from '../../support/scripted-turn.js';
import type { SessionEvent } from '../../../src/engine/events.js';
import type { Plan } from '../../../src/engine/plan.js';
import { initialState, type SessionState, type TranscriptEntry } from '../../../src/engine/state.js';
import { dispatch, type DriverHooks, type DriverPorts } from '../../../src/server/session-driver.js';

const level = (what: string): [string, string, string, string, string] => [`No ${what}.`, `Little ${what}.`, `Some ${what}.`, `Good ${what}.`, `Excellent ${what}.`];

export const technical: Rubric = {
  id: 'technical',
  kind: 'technical',
  title: 'Technical',
  criteria: [
    { id: 'accuracy', name: 'Accuracy', weight: 0.3, levels: level('accuracy') },
    { id: 'completeness', name: 'Completeness', weight: 0.3, levels: level('coverage') },
    { id: 'depth', name: 'Depth', weight: 0.2, levels: level('depth') },
    { id: 'clarity', name: 'Clarity', weight: 0.2, levels: level('clarity') },
  ],
};

export const modeCollapse: Question = {
  id: 'gan-mode-collapse',
  topic: 'gans',
  difficulty: 2,
  kind: 'technical',
  source: 'beyond-guide',
  tags: [],
  prompt: 'What is mode collapse in GANs, and how can you mitigate it?',
  referenceAnswer:
    'Mode collapse is when the generator learns to produce only a few kinds of outputs, covering a small part of the data distribution, because it has found samples that reliably fool the current discriminator. The discriminator adapts, the generator hops to another mode, and training oscillates instead of covering all modes. Mitigations include minibatch discrimination, a Wasserstein loss with gradient penalty, unrolled GANs and feature matching.',
  keyPoints: [
    { id: 'few-modes', statement: 'The generator produces only a small variety of outputs, covering few modes of the data distribution.', weight: 0.4, cues: ['few modes', 'limited variety', 'same outputs', 'lack of diversity'] },
    { id: 'fools-discriminator', statement: 'It happens because the generator finds outputs that reliably fool the current discriminator.', weight: 0.3, cues: ['fool the discriminator', 'exploit the discriminator'] },
    { id: 'mitigations', statement: 'Mitigations include minibatch discrimination, a Wasserstein loss with gradient penalty, unrolled GANs or feature matching.', weight: 0.3, cues: ['minibatch discrimination', 'wasserstein', 'gradient penalty', 'unrolled', 'feature matching'] },
  ],
  followUps: [
    { target: 'few-modes', prompt: "What do the generator's samples look like when this happens?" },
    { target: 'fools-discriminator', prompt: 'Why does the generator end up there? What is it optimising against?' },
    { target: 'mitigations', prompt: 'How would you fix it in practice?' },
    { target: 'depth', prompt: 'How does a Wasserstein loss change the gradients the generator sees?' },
  ],
  rubric: technical,
};

/** A right answer to modeCollapse, short of its fixes. */
export const MODE_COLLAPSE_ANSWER =
  'Mode collapse is when the generator only produces a limited variety of samples, a few modes, because it found outputs that fool the discriminator.';

export const attention: Question = {
  id: 'transformer-attention',
  topic: 'transformers',
  difficulty: 1,
  kind: 'technical',
  source: 'beyond-guide',
  tags: [],
  prompt: 'How does self-attention work in a transformer?',
  referenceAnswer:
    'Each token is projected into a query, a key and a value. The attention weights are the softmax of the dot products between a query and all keys, scaled by the square root of the key dimension. The output for a token is the weighted sum of the values. Several heads run in parallel so the model can attend to different relations at once.',
  keyPoints: [
    { id: 'qkv', statement: 'Each token is projected into a query, a key and a value vector.', weight: 0.35, cues: ['query', 'key', 'value'] },
    { id: 'softmax-scores', statement: 'Weights are the softmax of scaled dot products between queries and keys.', weight: 0.35, cues: ['softmax', 'dot product', 'scaled'] },
    { id: 'multi-head', statement: 'Several attention heads run in parallel to capture different relations.', weight: 0.3, cues: ['multi-head', 'several heads', 'multiple heads'] },
  ],
  followUps: [
    { target: 'qkv', prompt: 'Where do the queries, keys and values come from?' },
    { target: 'softmax-scores', prompt: 'How are the attention weights computed?' },
    { target: 'multi-head', prompt: 'Why use more than one head?' },
    { target: 'depth', prompt: 'What does attention cost as the sequence grows, and why?' },
  ],
  rubric: technical,
};

/** A timeout short enough for the timeout tests, which pass it explicitly. */
export const SHORT_TIMEOUT_MS = 400;

/** Settings for a test client: one retry keeps failure tests quick; the timeout leaves room for a loaded machine. */
export function testClient(baseUrl: string, overrides: Partial<LlmSettings> = {}): LlmClient {
  return createLlmClient({ baseUrl, model: 'scripted-model', judgeModel: 'scripted-judge', timeoutMs: 3_000, maxRetries: 1, cooldownMs: 0, ...overrides });
}

let prompts: Promise<LoadedPrompts> | undefined;
/** The repository's own prompts/. */
export const repoPrompts = (): Promise<LoadedPrompts> => (prompts ??= loadPrompts(defaultPromptsDir()));

/** 'turn': the one streamed call that judges, decides and writes the line (its parts reach handlers as judge, decide and line). */
export type CallKind = 'judge' | 'decide' | 'line' | 'turn';

/** Which port made the request: the schema name, or (json_object mode) the form the prompt spells out. */
export function callKind(request: SeenRequest): CallKind {
  if (isTurnRequest(request)) return 'turn';
  const name = request.body.response_format?.json_schema?.name;
  if (name === 'judgement') return 'judge';
  if (name === 'decision') return 'decide';
  const user = request.body.messages.map((m) => m.content).join('\n');
  if (request.body.response_format || !request.body.stream) return user.includes('"keyPoints"') ? 'judge' : 'decide';
  return 'line';
}

/** The text inside the request's <tag> ... </tag> slot. */
export function slotOf(request: SeenRequest, tag: string): string | undefined {
  const user = request.body.messages.map((m) => m.content).join('\n');
  return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(user)?.[1];
}

/** Key point ids and criterion ids the judge prompt asks about (read from the request, like a model would). */
export function askedIds(request: SeenRequest): { keyPoints: string[]; criteria: string[] } {
  const user = request.body.messages.map((m) => m.content).join('\n');
  const ids = (field: string) => [...user.matchAll(new RegExp(`\\{"id": "([^"]+)", "${field}"`, 'g'))].map((m) => m[1] as string);
  return { keyPoints: ids('status'), criteria: ids('level') };
}

export interface ScriptedModel {
  judge?: (request: SeenRequest) => ScriptedReply;
  decide?: (request: SeenRequest) => ScriptedReply;
  line?: (request: SeenRequest) => ScriptedReply;
}

/** An honest model: covers key points whose id words appear in the answer, quoting the answer's first words. */
export function honestJudgement(request: SeenRequest): ScriptedReply {
  const answer = slotOf(request, 'candidate_answer') ?? '';
  const { keyPoints, criteria } = askedIds(request);
  const quote = answer.split(/\s+/).slice(0, 6).join(' ');
  return reply.json({
    keyPoints: keyPoints.map((id, i) => (i === 0 && answer.length > 20 ? { id, status: 'covered', quotes: [quote] } : { id, status: 'missed', quotes: [] })),
    criteria: criteria.map((id) => ({ id, level: 2, reason: 'Scripted.' })),
  });
}

/** Answers each kind of call; the defaults make a well-behaved model. */
export function scriptedModel(model: ScriptedModel = {}): ScriptedHandler {
  return (request) => {
    switch (callKind(request)) {
      case 'judge':
        return (model.judge ?? honestJudgement)(request);
      case 'decide':
        return model.decide ? model.decide(request) : reply.json({ action: 'next', target: null, reason: 'Scripted: move on.' });
      case 'line':
      case 'turn':
        return model.line ? model.line(request) : reply.text('Thanks for that, it was a helpful answer to hear.');
    }
  };
}

/** What a driver run collected: the final state, the transcript, streamed deltas per line, warnings. */
export interface DriverRun {
  state: SessionState;
  entries: TranscriptEntry[];
  deltas: Map<string, string>;
  warnings: string[];
}

/**
 * Plays a mock interview through the session driver with `ports`: start, then answers (the last one
 * repeated) while the session asks for one, at most 12.
 */
export async function driveInterview(sessionId: string, plan: Plan, ports: DriverPorts, answers: readonly string[]): Promise<DriverRun> {
  const run: DriverRun = { state: initialState(sessionId, plan), entries: [], deltas: new Map(), warnings: [] };
  const hooks: DriverHooks = {
    commit: () => undefined,
    entry: (entry) => void run.entries.push(entry),
    delta: (lineId, delta) => void run.deltas.set(lineId, (run.deltas.get(lineId) ?? '') + delta),
    timer: () => undefined,
    end: () => undefined,
    warn: (message) => void run.warnings.push(message),
  };
  const send = async (event: SessionEvent) => {
    const result = await dispatch(run.state, event, ports, hooks);
    if (result.rejection) throw new Error(`rejected: ${result.rejection.message}`);
    run.state = result.state;
  };
  await send({ type: 'start', at: ports.now() });
  for (let turn = 0; run.state.phase === 'answering' && turn < 12; turn += 1) {
    await send({ type: 'answer', at: ports.now(), text: answers[Math.min(turn, answers.length - 1)] as string });
  }
  return run;
}
