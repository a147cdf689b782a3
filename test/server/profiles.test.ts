// Profiles over HTTP: identity from a trusted sign-in proxy header, each profile sees only its own
// sessions and reports, claiming a browser's earlier sessions by token, deleting and exporting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { loadConfig } from '../../src/config.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import { CreateSessionResponseSchema, ErrorBodySchema } from '../../src/protocol/http.js';
import { ClaimResponseSchema, DeleteResponseSchema, ProfileViewSchema } from '../../src/protocol/profile.js';
import { createApp } from '../../src/server/app.js';
import { identityMode } from '../../src/server/profile-identity.js';
import { profileStoreOf } from '../../src/server/profile-store-of.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import { drill, endedAfterOne, offlineMock } from '../engine/report/scenarios.js';
import { testBank } from '../support/start-test-server.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { storeSession } from './stored-sessions.js';

let dir: TempDir;
let store: SqliteSessionStore;
let bank: Bank;

function appFor(env: Record<string, string>) {
  const config = loadConfig(env);
  const log = silentLogger();
  const ports = { interviewer: createOfflineInterviewer(), judge: createOfflineJudge(), now: Date.now };
  return createApp({
    bank,
    store,
    profiles: profileStoreOf(store),
    identity: identityMode(config),
    registry: new SessionRegistry({ store, ports, log, interviewerId: 'offline' }),
    log,
    config,
    now: Date.now,
    interviewerId: 'offline',
    maxBodyBytes: 4096,
    allowedOrigins: [],
    limits: { maxAnswerChars: 8000, ratePerSecond: 10, rateBurst: 30 },
    webDir: '/nonexistent-probe-web',
  });
}

const PROXY = { PROBE_AUTH_HEADER: 'X-Forwarded-User', PROBE_TRUSTED_PROXIES: '10.0.0.0/8, ::1' };
const fromProxy = { incoming: { socket: { remoteAddress: '10.1.2.3' } } };
const fromElsewhere = { incoming: { socket: { remoteAddress: '192.168.5.5' } } };

type App = ReturnType<typeof appFor>;
const as = (app: App, user: string | undefined, path: string, init: RequestInit = {}, env: object = fromProxy) => {
  const headers = new Headers(init.headers);
  if (user !== undefined) headers.set('x-forwarded-user', user);
  return app.request(path, { ...init, headers }, env);
};
const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;
const count = (table: string, where = '1 = 1', ...args: unknown[]) => (store.db.$client.prepare(`select count(*) as n from ${table} where ${where}`).get(...args) as { n: number }).n;

beforeAll(async () => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'));
  bank = await testBank();
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('behind a sign-in proxy (PROBE_AUTH_HEADER)', () => {
  let app: App;
  beforeAll(() => {
    app = appFor(PROXY);
  });

  const create = async (user: string) => {
    const res = await as(app, user, '/api/sessions', { method: 'POST', body: JSON.stringify({ questionCount: 1, seed: 3 }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    return CreateSessionResponseSchema.parse(await res.json());
  };

  it('shows each user only their own sessions, reports and transcripts', async () => {
    const alice = await create('alice@example.com');
    const bob = await create('bob@example.com');
    const list = async (user: string) => ProfileViewSchema.parse(await (await as(app, user, '/api/profile')).json());
    expect((await list('alice@example.com')).sessions.map((s) => s.id)).toEqual([alice.id]);
    expect(await list('bob@example.com')).toMatchObject({ subject: 'bob@example.com', signIn: 'proxy', sessions: [{ id: bob.id }] });

    // Alice's own: readable; the report refuses only because the interview has not ended.
    expect((await as(app, 'alice@example.com', `/api/sessions/${alice.id}`, { headers: { authorization: `Bearer ${alice.token}` } })).status).toBe(200);
    expect((await as(app, 'alice@example.com', `/api/sessions/${alice.id}/report?format=json`, { headers: { authorization: `Bearer ${alice.token}` } })).status).toBe(409);
    // Bob, even holding Alice's token, is told there is no such session: the same answer as an unknown id.
    for (const path of [`/api/sessions/${alice.id}`, `/api/sessions/${alice.id}/report?format=json`]) {
      const res = await as(app, 'bob@example.com', path, { headers: { authorization: `Bearer ${alice.token}` } });
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('session_not_found');
    }
    const claim = await as(app, 'bob@example.com', '/api/profile/claims', { method: 'POST', body: JSON.stringify({ sessions: [{ id: alice.id, token: alice.token }] }), headers: { 'content-type': 'application/json' } });
    expect(ClaimResponseSchema.parse(await claim.json())).toEqual({ claimed: [], refused: [alice.id] });
    expect((await as(app, 'bob@example.com', `/api/profile/sessions/${alice.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(count('sessions', 'id = ?', alice.id)).toBe(1);
  });

  it('lets a signed-in user open their own session and report without its token, from any browser; no one else', async () => {
    const dana = await create('dana@example.com');
    expect((await as(app, 'dana@example.com', `/api/sessions/${dana.id}`)).status).toBe(200);
    // The report refuses only because the interview has not ended: the caller got through.
    expect((await as(app, 'dana@example.com', `/api/sessions/${dana.id}/report?format=json`)).status).toBe(409);
    for (const path of [`/api/sessions/${dana.id}`, `/api/sessions/${dana.id}/report?format=json`]) {
      const res = await as(app, 'erin@example.com', path);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('session_not_found');
    }
    // Without sign-in (one local profile) the token is still required.
    expect((await appFor({}).request(`/api/sessions/${dana.id}`)).status).toBe(401);
  });

  it('refuses a request without the header, and one from an address that is not a trusted proxy', async () => {
    for (const path of ['/api/profile', '/api/topics', '/api/sessions/some-id']) {
      const res = await as(app, undefined, path);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).message).toMatch(/sent no x-forwarded-user header/);
    }
    const spoofed = await as(app, 'alice@example.com', '/api/profile', {}, fromElsewhere);
    expect(spoofed.status).toBe(401);
    expect((await errorOf(spoofed)).message).toMatch(/only through its sign-in proxy/);
    const blank = await as(app, '   ', '/api/profile');
    expect(blank.status).toBe(401);
    // IPv6 loopback is listed, and an IPv4-mapped address counts as IPv4.
    expect((await as(app, 'carol', '/api/profile', {}, { incoming: { socket: { remoteAddress: '::1' } } })).status).toBe(200);
    expect((await as(app, 'carol', '/api/profile', {}, { incoming: { socket: { remoteAddress: '::ffff:10.9.9.9' } } })).status).toBe(200);
  });
});

describe('on this machine (no sign-in)', () => {
  let app: App;
  beforeAll(() => {
    app = appFor({});
  });

  it('claims the sessions a browser holds by their tokens, and refuses wrong tokens', async () => {
    const b = await bank;
    const mock = offlineMock(b);
    await storeSession(store, mock, 'mock-token');
    const res = await app.request('/api/profile/claims', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessions: [{ id: mock.id, token: 'mock-token' }, { id: 'no-such', token: 'x' }] }),
    });
    expect(ClaimResponseSchema.parse(await res.json())).toEqual({ claimed: [mock.id], refused: ['no-such'] });
    const again = await app.request('/api/profile/claims', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessions: [{ id: mock.id, token: 'mock-token' }] }) });
    expect(ClaimResponseSchema.parse(await again.json()).claimed).toEqual([mock.id]);
    const view = ProfileViewSchema.parse(await (await app.request('/api/profile')).json());
    expect(view).toMatchObject({ subject: 'local', signIn: 'local' });
    expect(view.sessions.map((s) => s.id)).toContain(mock.id);
    const bad = await app.request('/api/profile/claims', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sessions": "all"}' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/invalid claim: sessions/);
  });

  it('takes in sessions stored without an owner meanwhile (a terminal interview while the server runs)', async () => {
    const b = await bank;
    const terminal = endedAfterOne(b);
    await storeSession(store, terminal, 'terminal-token');
    expect(count('sessions', 'id = ? and profile_id is null', terminal.id)).toBe(1);
    const view = ProfileViewSchema.parse(await (await app.request('/api/profile')).json());
    expect(view.sessions.map((s) => s.id)).toContain(terminal.id);
    expect(count('sessions', 'id = ? and profile_id is null', terminal.id)).toBe(0);
  });

  it('exports everything as JSON, without token hashes', async () => {
    const res = await app.request('/api/profile/export');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="probe-export.json"/);
    const text = await res.text();
    const body = JSON.parse(text) as { format: string; sessions: { id: string; events: unknown[]; transcript: unknown[]; evaluations: unknown[] }[] };
    expect(body.format).toBe('probe-profile-export/1');
    const mock = body.sessions.find((s) => s.id === 'offline-mock');
    expect(mock?.events.length).toBeGreaterThan(5);
    expect(mock?.transcript.length).toBeGreaterThan(3);
    expect(mock?.evaluations.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/tokenHash|token_hash/);
  });

  it('deletes one session with its events, turns, evaluations and plan (checked in the database)', async () => {
    const s = drill(await bank);
    await storeSession(store, s, 'drill-token');
    await app.request('/api/profile/claims', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessions: [{ id: s.id, token: 'drill-token' }] }) });
    const before = { events: count('events', 'session_id = ?', s.id), turns: count('turns', 'session_id = ?', s.id), evaluations: count('evaluations', 'session_id = ?', s.id) };
    expect(before.evaluations).toBeGreaterThan(0);
    const res = await app.request(`/api/profile/sessions/${s.id}`, { method: 'DELETE' });
    expect(DeleteResponseSchema.parse(await res.json()).deleted).toEqual({ profiles: 0, sessions: 1, plans: 1, ...before });
    for (const table of ['sessions', 'session_plans', 'events', 'turns', 'evaluations']) expect(count(table, table === 'sessions' ? 'id = ?' : 'session_id = ?', s.id)).toBe(0);
    expect((await app.request(`/api/profile/sessions/${s.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('deletes the whole profile and every row in it, leaving other profiles alone', async () => {
    const local = count('profiles', "subject = 'local'");
    expect(local).toBe(1);
    const res = await app.request('/api/profile', { method: 'DELETE' });
    const { deleted } = DeleteResponseSchema.parse(await res.json());
    expect(deleted.profiles).toBe(1);
    expect(deleted.sessions).toBeGreaterThanOrEqual(1);
    expect(count('profiles', "subject = 'local'")).toBe(0);
    expect(count('sessions', 'id = ?', 'offline-mock')).toBe(0);
    for (const table of ['session_plans', 'events', 'turns', 'evaluations']) expect(count(table, 'session_id = ?', 'offline-mock')).toBe(0);
    // Alice's and Bob's sessions (from the proxy tests) are still there.
    expect(count('sessions s join profiles p on p.id = s.profile_id', "p.subject in ('alice@example.com', 'bob@example.com')")).toBe(2);
  });
});

describe('served beyond this machine without a sign-in proxy', () => {
  it('keeps sessions working by token but refuses profile-wide pages with what to do', async () => {
    expect(identityMode(loadConfig({ HOST: '0.0.0.0' })).kind).toBe('shared');
    const shared = appFor({ HOST: '0.0.0.0' });
    for (const [method, path] of [['GET', '/api/profile'], ['GET', '/api/profile/export'], ['DELETE', '/api/profile']] as const) {
      const res = await shared.request(path, { method });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/PROBE_AUTH_HEADER/);
    }
    expect((await shared.request('/api/sessions', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(201);
  });
});
