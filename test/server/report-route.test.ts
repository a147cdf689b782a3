import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { loadConfig } from '../../src/config.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import { ReportSchema } from '../../src/engine/report/report-schema.js';
import { CreateSessionResponseSchema, ErrorBodySchema } from '../../src/protocol/http.js';
import { createApp } from '../../src/server/app.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import { drill, endedAfterOne, HOSTILE, llmWithFallback, offlineMock } from '../engine/report/scenarios.js';
import { cueJudge } from '../engine/report/cue-judge.js';
import { realBank, Session } from '../engine/report/sessions.js';
import { testBank } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { storeSession } from './stored-sessions.js';

let dir: TempDir;
let store: SqliteSessionStore;
let app: ReturnType<typeof createApp>;
const TOKEN = 'the-right-token';

beforeAll(async () => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'));
  const bank = await testBank();
  const log = silentLogger();
  const ports = { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: Date.now };
  app = createApp({
    bank,
    store,
    registry: new SessionRegistry({ store, ports, log, interviewerId: 'offline' }),
    log,
    config: loadConfig({}),
    now: Date.now,
    interviewerId: 'offline',
    maxBodyBytes: 4096,
    allowedOrigins: [],
    limits: { maxAnswerChars: 8000, ratePerSecond: 10, rateBurst: 30 },
    webDir: '/nonexistent-probe-web',
  });
  const real = await realBank();
  for (const make of [llmWithFallback, offlineMock, drill, endedAfterOne]) await storeSession(store, make(real), TOKEN);
  const running = new Session(llmWithFallback(real).plan, { judge: cueJudge }, 'running-1');
  running.start();
  await storeSession(store, running, TOKEN);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

/** GET the report; `token: null` sends no Authorization header. */
const get = (id: string, query: string, token: string | null = TOKEN) =>
  app.request(`/api/sessions/${id}/report${query}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;

describe('GET /api/sessions/:id/report', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8'],
    ['html', 'text/html; charset=utf-8'],
    ['pdf', 'application/pdf'],
    ['json', 'application/json; charset=utf-8'],
  ])('serves %s as a download with its content type and filename', async (format, type) => {
    const res = await get('llm-1', `?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="probe-report-llm-1-2025-03-14.${format}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('rebuilds the report from the stored events: the LLM session with its fallbacks', async () => {
    const md = await (await get('llm-1', '?format=md')).text();
    expect(md).toContain('## Overall: 77/100 (solid)');
    expect(md).toContain('### 1. Transformers and attention');
    expect(md).toContain('Question 2, scoring: judge output invalid');
    const report = ReportSchema.parse(await (await get('llm-1', '?format=json')).json());
    expect(report.provenance).toMatchObject({ method: 'llm-with-fallback', usage: { totalTokens: 2060, calls: 10 } });
    expect(ReportSchema.parse(await (await get('drill-1', '?format=json')).json()).drill?.probes.find((p) => p.keyPointId === 'kl-prior')?.probes).toBe(2);
    expect(ReportSchema.parse(await (await get('ended-1', '?format=json')).json()).overall.score).toBe(70);
  });

  it('serves a real PDF and a locked-down HTML page', async () => {
    const pdf = Buffer.from(await (await get('ended-1', '?format=pdf')).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = dir.file('ended.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Overall score: 70/100 (solid)');
    const html = await get('offline-mock', '?format=html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await html.text();
    expect(page).not.toContain(HOSTILE.img);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('accepts the token as ?token= too', async () => {
    const res = await get('llm-1', `?format=json&token=${TOKEN}`, null);
    expect(res.status).toBe(200);
  });

  it('refuses a missing token (401); a wrong token and an unknown session get the same 404', async () => {
    const missing = await get('llm-1', '?format=md', null);
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).code).toBe('unauthorized');
    const wrong = await get('llm-1', '?format=md', 'wrong-token');
    const unknown = await get('no-such-session', '?format=md');
    for (const res of [wrong, unknown]) expect(res.status).toBe(404);
    const [w, u] = [await errorOf(wrong), await errorOf(unknown)];
    expect(w.code).toBe('session_not_found');
    expect(u.code).toBe('session_not_found');
    expect(w.message.replace('llm-1', 'ID')).toBe(u.message.replace('no-such-session', 'ID'));
  });

  it('refuses a missing or unknown format (400), naming the accepted ones', async () => {
    for (const query of ['', '?format=docx', '?format=PDF']) {
      const res = await get('llm-1', query);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/format.*md, html, pdf, json/);
    }
  });

  it('refuses the report of an interview still running (409), so no scores or reference answers leak mid-interview', async () => {
    const res = await get('running-1', '?format=json');
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'report_not_ready', message: expect.stringMatching(/still in progress.*end it/) });
    const created = CreateSessionResponseSchema.parse(await (await app.request('/api/sessions', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json());
    expect((await get(created.id, '?format=md', created.token)).status).toBe(409);
  });
});
