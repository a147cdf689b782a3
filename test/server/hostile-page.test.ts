// The server seen from a hostile web page: DNS rebinding (a foreign Host), blind cross-site POSTs
// (text/plain, a foreign Origin), a flood of new sessions, and headers on every JSON answer.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessions } from '../../src/adapters/db/schema.js';
import { createSqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { loadConfig } from '../../src/config.js';
import { ErrorBodySchema } from '../../src/protocol/http.js';
import { CreationLimiter } from '../../src/server/creation-limiter.js';
import { hostAllowed } from '../../src/server/host-check.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PROBE_ALLOWED_HOSTS: 'probe.example.org,.corp.example', PROBE_SESSION_CREATE_BURST: '1000' } });
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request (fetch will not send a Host of our choosing). */
function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const errorCode = (a: Answer) => ErrorBodySchema.parse(JSON.parse(a.body)).error.code;
const sessionCount = () => {
  const store = createSqliteSessionStore(server.dbPath);
  try {
    return store.db.select().from(sessions).all().length;
  } finally {
    void store.close();
  }
};

describe('DNS rebinding: only known host names are answered', () => {
  it('refuses a foreign Host on every route with 403 and says what to do', async () => {
    for (const path of ['/api/info', '/healthz', '/', '/api/topics']) {
      const answer = await request(path, { headers: { host: `evil.example:${server.port}` } });
      expect(answer.status, path).toBe(403);
      expect(errorCode(answer)).toBe('host_not_allowed');
      expect(answer.body).toContain('PROBE_ALLOWED_HOSTS');
    }
    const post = await request('/api/sessions', { method: 'POST', headers: { host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}`, 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(403);
  });

  it('answers localhost, loopback addresses and the names in PROBE_ALLOWED_HOSTS', async () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'probe.example.org', 'a.corp.example', 'corp.example', 'LOCALHOST']) {
      expect((await request('/api/info', { headers: { host: `${host}:${server.port}` } })).status, host).toBe(200);
    }
    for (const host of ['evilcorp.example', 'probe.example.org.evil.example', 'example.org']) {
      expect((await request('/api/info', { headers: { host } })).status, host).toBe(403);
    }
  });

  it('refuses the WebSocket upgrade for a foreign Host even with a matching Origin', async () => {
    const s = await server.createSession({});
    const url = server.socketUrl(s.id, s.token);
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}` } });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('the socket opened')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('matches names exactly, subdomains only for a leading dot', () => {
    const allowed = ['probe.example.org', '.corp.example'];
    expect(hostAllowed('probe.example.org', allowed)).toBe(true);
    expect(hostAllowed('x.probe.example.org', allowed)).toBe(false);
    expect(hostAllowed('deep.a.corp.example:443', allowed)).toBe(true);
    expect(hostAllowed('10.0.0.5:8787', allowed)).toBe(true);
    expect(hostAllowed('app.localhost', allowed)).toBe(true);
    expect(hostAllowed(undefined, allowed)).toBe(false);
    expect(hostAllowed('', allowed)).toBe(false);
  });

  it('validates PROBE_ALLOWED_HOSTS at start-up with a clear message', () => {
    expect(loadConfig({ PROBE_ALLOWED_HOSTS: ' probe.example.org , .corp.example ' }).PROBE_ALLOWED_HOSTS).toEqual(['probe.example.org', '.corp.example']);
    for (const bad of ['https://probe.example.org', 'probe.example.org:8787', 'probe.example.org/app', 'a b']) {
      expect(() => loadConfig({ PROBE_ALLOWED_HOSTS: bad }), bad).toThrow(/PROBE_ALLOWED_HOSTS=.*must be a comma-separated list of host names without scheme, port or path/);
    }
  });
});

describe('state-changing requests must be JSON from an allowed origin', () => {
  it('refuses the blind cross-site POST a browser sends without a preflight, creating nothing', async () => {
    const before = sessionCount();
    const host = `127.0.0.1:${server.port}`;
    const blind = await request('/api/sessions', { method: 'POST', headers: { host, origin: 'http://evil.example', 'content-type': 'text/plain' }, body: '{}' });
    expect(blind.status).toBe(403);
    expect(errorCode(blind)).toBe('forbidden_origin');
    const jsonFromEvil = await request('/api/sessions', { method: 'POST', headers: { host, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(jsonFromEvil.status).toBe(403);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await request('/api/sessions', { method: 'POST', headers: { host, ...(contentType ? { 'content-type': contentType } : {}) }, body: '{}' });
      expect(answer.status, String(contentType)).toBe(415);
      expect(errorCode(answer)).toBe('unsupported_media_type');
      expect(answer.body).toContain('Content-Type: application/json');
    }
    expect(sessionCount()).toBe(before);
  });

  it('accepts JSON from the same origin and from clients that send no Origin', async () => {
    for (const origin of [server.url, undefined]) {
      const answer = await request('/api/sessions', { method: 'POST', headers: { ...(origin ? { origin } : {}), 'content-type': 'application/json; charset=utf-8' }, body: '{}' });
      expect(answer.status, String(origin)).toBe(201);
    }
  });
});

describe('every answer says nosniff', () => {
  it('on JSON answers, errors included, and on pages', async () => {
    for (const path of ['/api/info', '/healthz', '/api/topics', '/api/nope', '/api/sessions/nope', '/']) {
      expect((await request(path)).headers['x-content-type-options'], path).toBe('nosniff');
    }
  });
});

describe('creating sessions is limited per client', () => {
  it('answers 429 with Retry-After and a clear message once the burst is spent', async () => {
    const limited = await startTestServer({ env: { PROBE_SESSION_CREATE_BURST: '3', PROBE_SESSION_CREATE_PER_MIN: '2' } });
    try {
      const create = () => fetch(`${limited.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      for (let i = 0; i < 3; i += 1) expect((await create()).status).toBe(201);
      const refused = await create();
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(30);
      const error = ErrorBodySchema.parse(await refused.json()).error;
      expect(error.code).toBe('too_many_sessions');
      expect(error.message).toMatch(/too many new sessions from this address; try again in \d+ s/);
    } finally {
      await limited.close();
    }
  });

  it('refills over time and keeps clients apart', () => {
    let now = 0;
    const limiter = new CreationLimiter({ perMinute: 6, burst: 2, now: () => now });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b')).toEqual({ ok: true });
    now += 4000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    now += 6000;
    expect(limiter.take('a')).toEqual({ ok: true });
  });
});

describe('other state-changing methods', () => {
  it('need an allowed origin, and JSON only when they carry a body', async () => {
    const host = `127.0.0.1:${server.port}`;
    // No such route: passing the guard shows as 404, failing it as 403 or 415.
    expect((await request('/api/nothing-here', { method: 'DELETE', headers: { host } })).status).toBe(404);
    expect((await request('/api/nothing-here', { method: 'DELETE', headers: { host, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request('/api/nothing-here', { method: 'PUT', headers: { host, 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await request('/api/nothing-here', { method: 'PUT', headers: { host, 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
