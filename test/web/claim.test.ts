// Claiming the sessions this browser holds: sent once each with their tokens, remembered after the
// server answered (claimed or refused), retried after a network failure, never forgotten locally.
import { afterEach, describe, expect, it } from 'vitest';
import { claimStoredSessions } from '../../web/claim.js';
import { listSessions, memoryStore, saveSession } from '../../web/storage.js';

const record = (id: string, createdAt: number) => ({ id, token: `token-${id}`, websocket: `/api/sessions/${id}/ws`, mode: 'mock' as const, topics: [], questionCount: 1, interviewer: 'offline', createdAt, questionTimeLimitSeconds: null, status: 'ended' as const, overall: 50 });
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A stand-in server for /api/profile/claims that records what it was sent. */
function serve(answer: (ids: string[]) => { claimed: string[]; refused: string[] } | 'down') {
  const sent: { id: string; token: string }[][] = [];
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { sessions: { id: string; token: string }[] };
    sent.push(body.sessions);
    const result = answer(body.sessions.map((s) => s.id));
    if (result === 'down') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return sent;
}

describe('claimStoredSessions', () => {
  it('sends every held session once with its token, and keeps them all locally', async () => {
    const store = memoryStore();
    saveSession(store, record('a', 2));
    saveSession(store, record('b', 1));
    const sent = serve((ids) => ({ claimed: ids.filter((id) => id === 'a'), refused: ids.filter((id) => id !== 'a') }));
    expect(await claimStoredSessions(store)).toBe(1);
    expect(sent).toEqual([[{ id: 'a', token: 'token-a' }, { id: 'b', token: 'token-b' }]]);
    expect(await claimStoredSessions(store)).toBe(0);
    expect(sent).toHaveLength(1);
    saveSession(store, record('c', 3));
    await claimStoredSessions(store);
    expect(sent[1]).toEqual([{ id: 'c', token: 'token-c' }]);
    expect(listSessions(store).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });

  it('tries again on the next load when the server cannot be reached', async () => {
    const store = memoryStore();
    saveSession(store, record('a', 1));
    serve(() => 'down');
    expect(await claimStoredSessions(store)).toBe(0);
    const sent = serve((ids) => ({ claimed: ids, refused: [] }));
    expect(await claimStoredSessions(store)).toBe(1);
    expect(sent).toHaveLength(1);
  });
});
