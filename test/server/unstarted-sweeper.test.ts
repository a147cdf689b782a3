// Sessions created and never started are deleted after the TTL; started ones, and ones a runner
// holds (a socket is open on them), stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { sessionPlans } from '../../src/adapters/db/schema.js';
import { sweepUnstarted } from '../../src/server/unstarted-sweeper.js';
import { drill } from '../engine/report/scenarios.js';
import { realBank, Session } from '../engine/report/sessions.js';
import { planFor } from '../fixtures/questions.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';
import { storeSession } from './stored-sessions.js';

const HOUR = 3_600_000;
const NOW = 10 * HOUR;
let dir: TempDir;
let store: SqliteSessionStore;

beforeEach(() => {
  dir = tempDir();
  store = createSqliteSessionStore(dir.file('probe.db'));
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

const createUnstarted = (id: string, createdAt: number) => store.create({ id, tokenHash: 'ab'.repeat(32), plan: planFor({ questionCount: 2 }), createdAt });

describe('pruning sessions never started', () => {
  it('deletes unstarted sessions older than the TTL with their plans, and keeps the rest', async () => {
    await createUnstarted('old-unstarted', NOW - 2 * HOUR);
    await createUnstarted('old-but-held', NOW - 2 * HOUR);
    await createUnstarted('fresh-unstarted', NOW - 10 * 60_000);
    const bank = await realBank();
    const started = new Session(drill(bank).plan, { judge: () => undefined as never }, 'old-started');
    started.start();
    await storeSession(store, started, 'token', NOW - 5 * HOUR);

    const pruned = await sweepUnstarted({ store, registry: { heldIds: () => new Set(['old-but-held']) }, log: silentLogger(), ttlMs: HOUR, now: () => NOW });
    expect(pruned).toBe(1);
    expect(await store.meta('old-unstarted')).toBeUndefined();
    for (const id of ['old-but-held', 'fresh-unstarted', 'old-started']) expect(await store.meta(id), id).toBeDefined();
    expect(store.db.select().from(sessionPlans).all().map((p) => p.sessionId).sort()).toEqual(['fresh-unstarted', 'old-but-held', 'old-started']);
    expect((await store.load('old-started'))?.events.length).toBeGreaterThan(0);
  });

  it('does nothing with a store that cannot prune', async () => {
    const { pruneUnstarted: _omitted, ...without } = store;
    expect(await sweepUnstarted({ store: without, registry: { heldIds: () => new Set() }, log: silentLogger(), ttlMs: HOUR, now: () => NOW })).toBe(0);
  });
});
