// A scripted OpenAI-protocol server on 127.0.0.1 for tests and benchmarks: chat completions as JSON
// or SSE (with a usage chunk), and the faults a real endpoint shows (429, 500, stalls, cut streams,
// malformed bodies, json_schema rejected). The real `openai` client talks to it over HTTP.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isTurnRequest, turnReply } from './scripted-turn.js';

export interface ScriptedUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What the server does with one request. */
export type ScriptedReply =
  /** A completion: JSON, or SSE token by token when the request asked to stream. */
  | {
      type: 'text';
      text: string;
      finishReason?: 'stop' | 'length' | 'content_filter';
      usage?: ScriptedUsage;
      /** Milliseconds between streamed tokens (overrides the server's `tokenDelayMs`). */
      tokenDelayMs?: number;
      /** Stream only: after this many tokens, drop the connection ('destroy') or end it cleanly with no finish ('end'). */
      cut?: { afterTokens: number; how: 'destroy' | 'end' };
      /** Stream only: after this many tokens, send nothing more and keep the connection open. */
      stallAfterTokens?: number;
    }
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer: the client's timeout has to fire. */
  | { type: 'stall' }
  /** Send 200 and the headers (JSON or SSE, as the request asked), then nothing: the body never comes. */
  | { type: 'headers-then-stall' }
  /** A 200 whose body is not JSON. */
  | { type: 'malformed-body' }
  /** Close the socket without any response. */
  | { type: 'destroy' };

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: ChatBody;
  /** Set when this is one part of a turn request (see scripted-turn.ts), which is `whole`. */
  part?: 'judge' | 'decide' | 'line';
  whole?: SeenRequest;
  /** The line part of a turn request: the decision the scripted reply made before it, if any. */
  decided?: unknown;
}

/** The parts of a chat-completions body tests look at (the rest stays available as unknown). */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

export type ScriptedHandler = (request: SeenRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedServerOptions {
  /** Default pace of streamed text, in milliseconds per token (0 = as fast as possible). */
  tokenDelayMs?: number;
  /** Called just before each streamed token is written (benchmarks time the relay from here). */
  onToken?: (token: { request: number; index: number; text: string; at: number }) => void;
}

export interface ScriptedServer {
  /** Base URL for the client, ending in /v1. */
  url: string;
  /** Every request seen, in order. */
  requests: SeenRequest[];
  /** Replaces the handler (e.g. between phases of a test). */
  setHandler(handler: ScriptedHandler): void;
  close(): Promise<void>;
}

/** Replies for the common cases. */
export const reply = {
  text: (text: string, extra: Omit<Extract<ScriptedReply, { type: 'text' }>, 'type' | 'text'> = {}): ScriptedReply => ({ type: 'text', text, ...extra }),
  json: (value: unknown, extra: Omit<Extract<ScriptedReply, { type: 'text' }>, 'type' | 'text'> = {}): ScriptedReply => ({ type: 'text', text: JSON.stringify(value), ...extra }),
  status: (status: number, message = `scripted ${status}`): ScriptedReply => ({
    type: 'status',
    status,
    body: { error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error', code: null } },
    // Retry quickly: the SDK honours retry-after-ms, so tests do not wait for its default backoff.
    headers: { 'retry-after-ms': '5' },
  }),
  /** What OpenAI-compatible servers without structured outputs answer to a json_schema response_format. */
  rejectJsonSchema: (): ScriptedReply => ({
    type: 'status',
    status: 400,
    body: { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", type: 'invalid_request_error', param: 'response_format', code: null } },
  }),
};

/**
 * How a lying judge backs its claims. Every lie marks every key point covered with level 4 on every
 * criterion; they differ in the quotes: 'invented' (not in the answer), 'contentless' (really in
 * the answer, but its first words and its last word, e.g. "I don't know" and "know"),
 * 'question-words' (words of the question the answer repeats), 'none' (no quotes at all), and
 * 'answer-start' (the answer's first words, whatever they are: a gullible judge).
 */
export type JudgeLie = 'invented' | 'contentless' | 'question-words' | 'none' | 'answer-start';

const userText = (request: SeenRequest) => request.body.messages.map((m) => String(m.content)).join('\n');

/** The key point and criterion ids a judge request asks about, and the answer in its slot. */
export function judgeRequestParts(request: SeenRequest): { keyPoints: string[]; criteria: string[]; answer: string; question: string } {
  const user = userText(request);
  const ids = (field: string) => [...user.matchAll(new RegExp(`\\{"id": "([^"]+)", "${field}"`, 'g'))].map((m) => m[1] as string);
  const answer = /<candidate_answer>\n([\s\S]*?)\n<\/candidate_answer>/.exec(user)?.[1] ?? '';
  const question = /Question:\n(.*)\n/.exec(user)?.[1] ?? '';
  return { keyPoints: ids('status'), criteria: ids('level'), answer, question };
}

function lieQuotes(lie: JudgeLie, answer: string, question: string): string[] {
  const words = answer.split(/\s+/).filter(Boolean);
  switch (lie) {
    case 'invented':
      return ['the candidate explained every part of this precisely'];
    case 'contentless':
      return [words.slice(0, 4).join(' '), (words[words.length - 1] ?? '').replace(/[.,!?]+$/, '')];
    case 'question-words': {
      const asked = new Set(question.toLowerCase().match(/[a-z]{3,}/g) ?? []);
      return words.map((w) => w.replace(/[^A-Za-z]/g, '')).filter((w) => asked.has(w.toLowerCase()));
    }
    case 'none':
      return [];
    case 'answer-start':
      return [words.slice(0, 5).join(' ')];
  }
}

/** A judge reply that claims everything, backed by the kind of quotes `lie` names. */
export function lyingJudgement(request: SeenRequest, lie: JudgeLie): ScriptedReply {
  const { keyPoints, criteria, answer, question } = judgeRequestParts(request);
  const quotes = lieQuotes(lie, answer, question);
  return reply.json({
    keyPoints: keyPoints.map((id) => ({ id, status: 'covered', quotes })),
    criteria: criteria.map((id) => ({ id, level: 4, reason: 'Excellent and complete.' })),
  });
}

/** Splits text into tokens the way a model streams them: each word with its trailing space. */
export const tokensOf = (text: string): string[] => text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function defaultUsage(body: ChatBody, text: string): ScriptedUsage {
  const promptChars = body.messages.reduce((n, m) => n + String(m.content).length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: tokensOf(text).length };
}

const usageJson = (u: ScriptedUsage) => ({ prompt_tokens: u.promptTokens, completion_tokens: u.completionTokens, total_tokens: u.promptTokens + u.completionTokens });

function sendJson(res: ServerResponse, body: ChatBody, r: Extract<ScriptedReply, { type: 'text' }>): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-scripted',
      object: 'chat.completion',
      created: 0,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: r.text, refusal: null }, finish_reason: r.finishReason ?? 'stop', logprobs: null }],
      usage: usageJson(r.usage ?? defaultUsage(body, r.text)),
    }),
  );
}

/** Writes and waits until the bytes are handed to the socket, so a cut after it lands after them. */
const write = (res: ServerResponse, data: string) => new Promise<void>((resolve) => res.write(data, () => resolve()));

type TokenHook = (index: number, text: string) => void;

async function sendStream(res: ServerResponse, body: ChatBody, r: Extract<ScriptedReply, { type: 'text' }>, pace: number, onToken?: TokenHook): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
  await write(res, chunk({ role: 'assistant', content: '' }, null));
  const tokens = tokensOf(r.text);
  for (const [i, token] of tokens.entries()) {
    if (r.cut && i === r.cut.afterTokens) return void (r.cut.how === 'destroy' ? res.socket?.destroy() : res.end());
    if (r.stallAfterTokens !== undefined && i === r.stallAfterTokens) return;
    if (pace > 0) await sleep(pace);
    if (res.destroyed) return;
    onToken?.(i, token);
    await write(res, chunk({ content: token }, null));
  }
  await write(res, chunk({}, r.finishReason ?? 'stop'));
  if (body.stream_options?.include_usage) {
    const usage = usageJson(r.usage ?? defaultUsage(body, r.text));
    await write(res, `data: ${JSON.stringify({ id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function respond(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, r: ScriptedReply, pace: number, onToken?: TokenHook): Promise<void> {
  switch (r.type) {
    case 'status':
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      return void res.end(JSON.stringify(r.body ?? { error: { message: `scripted ${r.status}` } }));
    case 'stall':
      return;
    case 'headers-then-stall':
      res.writeHead(200, seen.body.stream ? { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } : { 'content-type': 'application/json' });
      return void res.flushHeaders();
    case 'malformed-body':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id": "chatcmpl-scripted", "choices": [');
    case 'destroy':
      return void req.socket.destroy();
    case 'text':
      if (seen.body.stream) return sendStream(res, seen.body, r, r.tokenDelayMs ?? pace, onToken);
      return sendJson(res, seen.body, r);
  }
}

/** Starts the server on 127.0.0.1 with a free port. */
export async function startScriptedOpenAiServer(handler: ScriptedHandler, options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  let current = handler;
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const seen: SeenRequest = { path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as ChatBody };
      requests.push(seen);
      if (!seen.path.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { message: `no route ${seen.path}` } }));
      }
      const index = requests.length - 1;
      const hook = options.onToken;
      const onToken: TokenHook | undefined = hook ? (i, text) => hook({ request: index, index: i, text, at: performance.now() }) : undefined;
      const scripted = isTurnRequest(seen) ? await turnReply(current, seen, index) : await current(seen, index);
      await respond(req, res, seen, scripted, options.tokenDelayMs ?? 0, onToken);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `scripted server failed: ${String(error)}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler: (next) => void (current = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL where nothing listens: connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
