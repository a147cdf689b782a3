// The report page (#/report/:id), reached from the history.
import { h } from '../dom.js';
import { getSession } from '../storage.js';
import { announcePage, type Unmount, type ViewContext } from './context.js';
import { mountReport } from './report.js';

/** Mounts the report of session `id`, whose token this browser holds. */
export function mountReportPage(root: HTMLElement, ctx: ViewContext, id: string): Unmount {
  const record = getSession(ctx.store, id);
  const heading = h('h1', {}, 'Interview report');
  root.append(heading);
  announcePage(heading, 'Report');
  // Signed in through a sign-in proxy, the server opens the profile's own reports without the key
  // this browser lacks; elsewhere it answers 401 and the report says the key is needed.
  if (!record) return mountReport(root, { id, token: '' });
  if (record.status === 'active') {
    // The server writes a report once the interview has ended (or was ended early).
    root.append(h('p', {}, 'This interview is not finished yet. ', h('a', { href: `#/interview/${encodeURIComponent(id)}` }, 'Go back to it'), ' to answer the rest or end it; the report follows.'));
    return () => undefined;
  }
  return mountReport(root, { id: record.id, token: record.token });
}
