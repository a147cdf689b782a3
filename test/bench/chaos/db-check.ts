// Checks a chaos run against the database itself, opened read-only with better-sqlite3 (not
// through Probe's store): every acknowledged answer stored exactly once under its seq with its
// text, transcripts without gaps, event logs matching their session rows, every session ended.
import Database from 'better-sqlite3';
import type { SessionRecord } from './resilient-client.js';

export interface DbCheck {
  sessionsInDb: number;
  /** Acknowledged answers checked. */
  acked: number;
  /** Acknowledged but not stored (must be 0). */
  lost: number;
  /** Stored under another seq or with other text than acknowledged (must be 0). */
  mismatched: number;
  /** A clientId stored more than once in a session (must be 0). */
  duplicates: number;
  /** Sessions whose turns are not numbered 1..last_seq without gaps (must be 0). */
  seqGaps: number;
  /** Sessions whose event_count differs from their events, or whose events skip a number (must be 0). */
  eventMismatches: number;
  /** Sessions the clients ran that did not end (must be 0). */
  notEnded: number;
  /** Sessions in the database no client heard of (created as the server died, before it answered). */
  orphans: number;
  orphansEnded: number;
}

export function checkDatabase(file: string, records: readonly SessionRecord[]): DbCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const answer = db.prepare("select seq, text from turns where session_id = ? and client_id = ? and kind = 'answer'");
    const status = db.prepare('select status from sessions where id = ?');
    let acked = 0;
    let lost = 0;
    let mismatched = 0;
    let notEnded = 0;
    for (const r of records) {
      if ((status.get(r.id) as { status: string } | undefined)?.status !== 'ended') notEnded += 1;
      for (const [clientId, ack] of r.acked) {
        acked += 1;
        const rows = answer.all(r.id, clientId) as { seq: number; text: string }[];
        if (rows.length === 0) lost += 1;
        else if (rows.length > 1 || rows[0]?.seq !== ack.seq || rows[0]?.text !== ack.text) mismatched += 1;
      }
    }
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const known = new Set(records.map((r) => r.id));
    const all = db.prepare('select id, status from sessions').all() as { id: string; status: string }[];
    const orphans = all.filter((s) => !known.has(s.id));
    return {
      sessionsInDb: all.length,
      acked,
      lost,
      mismatched,
      notEnded,
      duplicates: one('select count(*) as n from (select 1 from turns where client_id is not null group by session_id, client_id having count(*) > 1)'),
      seqGaps: one(
        'select count(*) as n from sessions s where s.last_seq != (select count(*) from turns t where t.session_id = s.id) or s.last_seq != coalesce((select max(seq) from turns t where t.session_id = s.id), 0)',
      ),
      eventMismatches: one(
        'select count(*) as n from sessions s where s.event_count != (select count(*) from events e where e.session_id = s.id) or s.event_count != coalesce((select max(n) from events e where e.session_id = s.id), 0)',
      ),
      orphans: orphans.length,
      orphansEnded: orphans.filter((s) => s.status === 'ended').length,
    };
  } finally {
    db.close();
  }
}
