// Session leases on PostgreSQL: one statement per claim, timed by the database's clock so the
// nodes' clocks need not agree. ON CONFLICT ... WHERE takes the row only when it is free, ours,
// expired, or being stolen; RETURNING tells whether it was.
import { sql } from 'drizzle-orm';
import type { LeaseClaim } from '../../server/session-store.js';
import type { PgDatabase } from './open-pg-database.js';

/** The database's clock in ms since the epoch: lease expiries never depend on a node's clock. */
export const NOW_MS = sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

export async function claimPgLease(db: PgDatabase, id: string, owner: string, ttlMs: number, steal: boolean): Promise<LeaseClaim> {
  const result = await db.execute<{ previous: string | null }>(sql`
    with prev as (select owner from session_leases where session_id = ${id})
    insert into session_leases (session_id, owner, expires_at) values (${id}, ${owner}, ${NOW_MS} + ${ttlMs}::bigint)
    on conflict (session_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
      where session_leases.owner = excluded.owner or session_leases.expires_at <= ${NOW_MS} or ${steal}::boolean
    returning (select owner from prev) as previous`);
  const row = result.rows[0];
  if (!row) return { claimed: false };
  return row.previous === null ? { claimed: true } : { claimed: true, previousOwner: row.previous };
}

export async function renewPgLease(db: PgDatabase, id: string, owner: string, ttlMs: number): Promise<boolean> {
  const result = await db.execute(sql`update session_leases set expires_at = ${NOW_MS} + ${ttlMs}::bigint where session_id = ${id} and owner = ${owner}`);
  return result.rowCount === 1;
}

export async function releasePgLease(db: PgDatabase, id: string, owner: string): Promise<void> {
  await db.execute(sql`delete from session_leases where session_id = ${id} and owner = ${owner}`);
}
