// Session leases on SQLite: one IMMEDIATE transaction per claim, so two processes on one file
// cannot both take a lease. The clock is this machine's: every process on the file shares it.
import type { LeaseClaim } from '../../server/session-store.js';
import type { ProbeDatabase } from './open-database.js';

export interface SqliteLeases {
  claim(id: string, owner: string, ttlMs: number, steal: boolean): LeaseClaim;
  renew(id: string, owner: string, ttlMs: number): boolean;
  /** One statement for all of a node's sessions: the ids whose lease it still holds. */
  renewAll(owner: string, ids: readonly string[], ttlMs: number): Set<string>;
  release(id: string, owner: string): void;
}

export function prepareSqliteLeases(db: ProbeDatabase): SqliteLeases {
  const c = db.$client;
  const read = c.prepare<[string], { owner: string; expiresAt: number }>('select owner, expires_at as expiresAt from session_leases where session_id = ?');
  const upsert = c.prepare(
    'insert into session_leases (session_id, owner, expires_at) values (?, ?, ?) on conflict (session_id) do update set owner = excluded.owner, expires_at = excluded.expires_at',
  );
  const renew = c.prepare('update session_leases set expires_at = ? where session_id = ? and owner = ?');
  const renewAll = c.prepare<[number, string, string], { id: string }>(
    'update session_leases set expires_at = ? where owner = ? and session_id in (select value from json_each(?)) returning session_id as id',
  );
  const release = c.prepare('delete from session_leases where session_id = ? and owner = ?');
  const claim = c.transaction((id: string, owner: string, ttlMs: number, steal: boolean): LeaseClaim => {
    const now = Date.now();
    const held = read.get(id);
    if (held && held.owner !== owner && held.expiresAt > now && !steal) return { claimed: false, previousOwner: held.owner };
    upsert.run(id, owner, now + ttlMs);
    return held ? { claimed: true, previousOwner: held.owner } : { claimed: true };
  });
  return {
    claim: (id, owner, ttlMs, steal) => claim.immediate(id, owner, ttlMs, steal),
    renew: (id, owner, ttlMs) => renew.run(Date.now() + ttlMs, id, owner).changes === 1,
    renewAll: (owner, ids, ttlMs) => new Set(renewAll.all(Date.now() + ttlMs, owner, JSON.stringify(ids)).map((r) => r.id)),
    release: (id, owner) => void release.run(id, owner),
  };
}
