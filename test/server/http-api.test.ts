import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { loadConfig } from '../../src/config.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import {
  CreateSessionResponseSchema,
  ErrorBodySchema,
  QuestionViewSchema,
  ServerInfoSchema,
  SessionViewSchema,
  TopicViewSchema,
} from '../../src/protocol/http.js';
import { createApp } from '../../src/server/app.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import { testBank } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir;
let store: SqliteSessionStore;
let bank: Bank;

function appWith(webDir = '/nonexistent-probe-web') {
  const config = loadConfig({ PROBE_MAX_FRAME_BYTES: '2048' });
  const log = silentLogger();
  const ports = { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: Date.now };
  const registry = new SessionRegistry({ store, ports, log, interviewerId: 'offline' });
  return createApp({
    bank,
    store,
    registry,
    log,
    config,
    now: Date.now,
    interviewerId: 'offline',
    maxBodyBytes: 2048,
    allowedOrigins: [],
    limits: { maxAnswerChars: 8000, ratePerSecond: 10, rateBurst: 30 },
    webDir,
  });
}

let app: ReturnType<typeof appWith>;
const post = (body: string) => app.request('/api/sessions', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;

beforeAll(async () => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'));
  bank = await testBank();
  app = appWith();
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('POST /api/sessions', () => {
  it('creates a session and returns its id and a token, storing only the token hash', async () => {
    const res = await post(JSON.stringify({ mode: 'drill', questionCount: 3, topics: ['gans'] }));
    expect(res.status).toBe(201);
    const body = CreateSessionResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ mode: 'drill', questionCount: 3, interviewer: 'offline', websocket: `/api/sessions/${body.id}/ws` });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const meta = await store.meta(body.id);
    expect(meta?.tokenHash).toBe(createHash('sha256').update(body.token).digest('hex'));
    expect(JSON.stringify(meta)).not.toContain(body.token);
  });

  it('accepts an empty body (every option has a default)', async () => {
    expect((await post('')).status).toBe(201);
  });

  it.each([
    ['{"questionCount": ', 400, 'invalid_message', /not valid JSON/],
    ['{"questionCount": "five"}', 400, 'invalid_message', /questionCount: .*number/],
    ['{"mode": "exam"}', 400, 'invalid_message', /mode: /],
    ['{"colour": "blue"}', 400, 'invalid_message', /colour/],
    ['{"topics": ["no-such-topic"]}', 422, 'plan_unsatisfiable', /unknown topic\(s\): no-such-topic/],
    ['{"topics": ["gans"], "includeBehavioral": false, "difficulty": {"min": 3, "max": 3}, "questionCount": 30}', 201, undefined, undefined],
  ])('answers %s with %i', async (body, status, code, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    if (code) expect(await errorOf(res)).toMatchObject({ code, message: expect.stringMatching(message as RegExp) });
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post(JSON.stringify({ seed: 'x'.repeat(4000) }));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });
});

describe('GET /api/sessions/:id', () => {
  it('shows the session to the holder of its token only; nothing leaks to others', async () => {
    const a = CreateSessionResponseSchema.parse(await (await post('{}')).json());
    const b = CreateSessionResponseSchema.parse(await (await post('{}')).json());
    const get = (id: string, token?: string) => app.request(`/api/sessions/${id}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const missing = await get(a.id);
    expect(missing.status).toBe(401);
    expect(ErrorBodySchema.parse(await missing.json()).error.code).toBe('unauthorized');
    // A wrong token, another session's token and an unknown id: one answer, so nothing says whether the session exists.
    const unknownId = '00000000-0000-0000-0000-000000000000';
    const answers = [];
    for (const [id, token] of [[a.id, 'wrong'], [a.id, b.token], [unknownId, a.token]] as const) {
      const res = await get(id, token);
      answers.push({ status: res.status, error: ErrorBodySchema.parse(await res.json()).error, nosniff: res.headers.get('x-content-type-options') });
    }
    const same = (id: string) => ({ status: 404, error: { code: 'session_not_found', message: `no session with id ${id} opens with this token; check the id and token, or create a session with POST /api/sessions` }, nosniff: 'nosniff' });
    expect(answers).toEqual([same(a.id), same(a.id), same(unknownId)]);
    const view = SessionViewSchema.parse(await (await get(a.id, a.token)).json());
    expect(view).toMatchObject({ id: a.id, status: 'active', phase: 'not-started', transcript: [], overall: null, progress: { questionNumber: 0 } });
    const byQuery = await app.request(`/api/sessions/${a.id}?token=${encodeURIComponent(a.token)}`);
    expect(byQuery.status).toBe(200);
  });
});

describe('the bank', () => {
  it('lists topics with question counts', async () => {
    const topics = z.array(TopicViewSchema).parse(await (await app.request('/api/topics')).json());
    expect(topics.map((t) => t.id)).toEqual(bank.topics.map((t) => t.id));
    expect(topics.reduce((n, t) => n + t.questionCount, 0)).toBe(bank.questions.length);
  });

  it('lists questions by topic and difficulty, never with reference answers or key points', async () => {
    const res = await app.request('/api/questions?topic=gans&difficulty=2');
    const text = await res.text();
    const questions = z.array(QuestionViewSchema.strict()).parse(JSON.parse(text));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((q) => q.topic === 'gans' && q.difficulty === 2)).toBe(true);
    const all = await (await app.request('/api/questions')).text();
    for (const secret of ['referenceAnswer', 'reference_answer', 'keyPoints', 'cues', bank.questions[0]!.referenceAnswer.slice(0, 60)]) {
      expect(all).not.toContain(secret);
    }
    expect((await app.request('/api/questions?difficulty=9')).status).toBe(400);
  });

  it('reports server info and limits', async () => {
    const info = ServerInfoSchema.parse(await (await app.request('/api/info')).json());
    expect(info).toEqual({ interviewer: 'offline', bankVersion: bank.version, limits: { maxAnswerChars: 8000, maxFrameBytes: 2048 } });
  });
});

describe('health, unknown routes and the web app', () => {
  it('answers 404 with a JSON error for unknown API routes, and a placeholder page at /', async () => {
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    expect(await (await app.request('/')).text()).toContain('Probe is running');
  });

  it('serves the built web app when dist/web exists, with index.html for client routes', async () => {
    const web = tempDir('probe-web-');
    writeFileSync(web.file('index.html'), '<!doctype html><title>web app</title>');
    const withWeb = appWith(web.path);
    expect(await (await withWeb.request('/')).text()).toContain('web app');
    expect(await (await withWeb.request('/sessions/abc')).text()).toContain('web app');
    web.remove();
  });

  it('checks the database in /healthz: 200 while it answers, 503 once it does not', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', database: 'ok' });
    const other = createSqliteSessionStore(dir.file('other.db'));
    const own = store;
    store = other;
    const broken = appWith();
    await other.close();
    const res = await broken.request('/healthz');
    expect(res.status).toBe(503);
    store = own;
  });
});
