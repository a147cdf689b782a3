// A session's feedback report from the store alone: load the stored events, fold them with `step`,
// build the report. Shared by the HTTP route and `probe export`, so both give the same report.
import type { Logger } from 'pino';
import { buildReport } from '../engine/report/build-report.js';
import type { Report } from '../engine/report/report-schema.js';
import { SessionNotFound } from '../errors.js';
import { foldEvents } from './session-runner.js';
import type { SessionStore } from './session-store.js';

export interface SessionReport {
  report: Report;
  /** False while the interview is still running (its report covers what happened so far). */
  ended: boolean;
}

/** Rebuilds session `id` from its stored events and builds its report; SessionNotFound when there is none. */
export async function sessionReport(store: SessionStore, id: string, generatedAt: number, log?: Logger): Promise<SessionReport> {
  const loaded = await store.load(id);
  if (!loaded) throw new SessionNotFound(id);
  const { meta, events } = loaded;
  const state = foldEvents(meta.id, meta.plan, events, log);
  return { report: buildReport(state, { sessionId: meta.id, createdAt: meta.createdAt, generatedAt }), ended: state.phase === 'ended' };
}
