// GET /api/sessions/:id/report?format=md|html|pdf|json: the feedback report of an ended session,
// rebuilt from its stored events and served as a download. Mounted behind requireSession (token).
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { REPORT_CSP } from '../adapters/report/render-html.js';
import { REPORT_FORMATS, ReportFormatSchema } from '../adapters/report/report-format.js';
import { renderReport } from '../adapters/report/render-report.js';
import { InvalidMessage, ReportNotReady } from '../errors.js';
import type { SessionEnv } from './require-session.js';
import { sessionReport } from './session-report.js';
import type { SessionStore } from './session-store.js';

export interface ReportRouteDeps {
  store: SessionStore;
  log: Logger;
  now: () => number;
}

/** The handler; `c.var.session` is set by requireSession, so the token has been checked. */
export function reportHandler(deps: ReportRouteDeps) {
  return async (c: Context<SessionEnv>): Promise<Response> => {
    const requested = c.req.query('format');
    const format = ReportFormatSchema.safeParse(requested);
    if (!format.success) {
      const what = requested === undefined ? 'no report format given' : `unknown report format "${requested.slice(0, 40)}"`;
      throw new InvalidMessage(`${what}; add ?format= with one of ${REPORT_FORMATS.join(', ')}`);
    }
    const { report, ended } = await sessionReport(deps.store, c.var.session.id, deps.now(), deps.log);
    if (!ended) throw new ReportNotReady(c.var.session.id);
    const rendered = await renderReport(report, format.data);
    const body = typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body);
    return c.body(body, 200, {
      'Content-Type': rendered.contentType,
      'Content-Disposition': `attachment; filename="${rendered.filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The HTML gets the same lock-down over HTTP as the file itself declares.
      ...(format.data === 'html' ? { 'Content-Security-Policy': REPORT_CSP } : {}),
    });
  };
}
