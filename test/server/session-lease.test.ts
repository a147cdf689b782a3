// Session leases on SQLite: one timer and one statement renew all of a node's leases, a lease another
// node took is reported lost (once, for that session only), and a released lease is no longer renewed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { SessionLease } from '../../src/server/session-lease.js';
import type { SessionStore } from '../../src/server/session-store.js';
import { planFor } from '../fixtures/questions.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir;
let sqlite: SqliteSessionStore;
beforeEach(() => {
  dir = tempDir();
  sqlite = createSqliteSessionStore(dir.file('probe.db'));
});
afterEach(async () => {
  await sqlite.close();
  dir.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TTL = 600;

/** The SQLite store, counting renewals one by one and all at once. */
function counted(store: SessionStore) {
  const calls = { one: 0, all: [] as string[][] };
  const wrapped: SessionStore = {
    ...store,
    renewLease: (id, owner, ttl) => ((calls.one += 1), store.renewLease(id, owner, ttl)),
    renewLeases: (owner, ids, ttl) => (calls.all.push([...ids].sort()), store.renewLeases!(owner, ids, ttl)),
  };
  return { calls, wrapped };
}

const expiry = (id: string) => (sqlite.db.$client.prepare('select expires_at as e from session_leases where session_id = ?').get(id) as { e: number } | undefined)?.e;

describe('SessionLease renewals on SQLite', () => {
  it('renews all of a node\'s leases in one statement, reports a taken one lost once, and drops a released one', async () => {
    const ids = ['a', 'b', 'c'];
    for (const id of ids) await sqlite.create({ id, tokenHash: 'h', plan: planFor({ questionCount: 1 }), createdAt: 1 });
    const { calls, wrapped } = counted(sqlite);
    const lost: string[] = [];
    const leases = ids.map((id) => new SessionLease(id, { store: wrapped, log: silentLogger(), nodeId: 'node-a', leaseMs: TTL }, () => lost.push(id)));
    for (const lease of leases) await lease.claim(false);
    const claimed = expiry('a')!;
    await vi.waitFor(() => expect(calls.all.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    expect(calls.one).toBe(0);
    expect(calls.all[0]).toEqual(ids);
    expect(expiry('a')).toBeGreaterThan(claimed);

    // Another node takes b: the next renewal finds it gone; a and c stay held.
    await sqlite.claimLease('b', 'node-b', 60_000, { steal: true });
    await vi.waitFor(() => expect(lost).toEqual(['b']), { timeout: 10_000, interval: 20 });
    expect(leases.map((l) => l.held)).toEqual([true, false, true]);
    expect(leases[1]?.lost).toBe(true);

    await leases[0]!.release();
    const before = calls.all.length;
    await vi.waitFor(() => expect(calls.all.length).toBeGreaterThan(before + 1), { timeout: 10_000, interval: 20 });
    expect(calls.all.slice(before).every((batch) => batch.join() === 'c')).toBe(true);
    expect(lost).toEqual(['b']);
    expect(expiry('a')).toBeUndefined();
    await leases[2]!.release();
  });
});

describe('SqliteSessionStore.renewLeases', () => {
  it('extends only the leases the owner holds, and says which those are', async () => {
    for (const id of ['x', 'y', 'z']) await sqlite.create({ id, tokenHash: 'h', plan: planFor({ questionCount: 1 }), createdAt: 1 });
    await sqlite.claimLease('x', 'node-a', 1000, { steal: false });
    await sqlite.claimLease('y', 'node-b', 1000, { steal: false });
    const before = expiry('x')!;
    await sleep(5);
    const held = await sqlite.renewLeases!('node-a', ['x', 'y', 'z'], 60_000);
    expect([...held]).toEqual(['x']);
    expect(expiry('x')).toBeGreaterThan(before + 50_000);
    expect(expiry('y')).toBeLessThan(before + 50_000);
    expect(expiry('z')).toBeUndefined();
    expect(await sqlite.renewLeases!('node-a', [], 60_000)).toEqual(new Set());
  });
});
