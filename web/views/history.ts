// The history page: this browser's sessions with date, mode, topics and score, each opening its
// report (or the interview, while it is still going). Scores not yet known are asked of the server.
import { getSessionView, getTopics } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatDate, formatScore } from '../format.js';
import { forgetSession, listSessions, updateSession, type SessionRecord } from '../storage.js';
import { announcePage, type Unmount, type ViewContext } from './context.js';

/** Refreshes at most this many stale rows per visit, so a long history does not flood the server. */
const REFRESH_LIMIT = 20;

/** Mounts the history page. */
export function mountHistory(root: HTMLElement, ctx: ViewContext): Unmount {
  const heading = h('h1', {}, 'Past interviews');
  const body = h('div', {});
  root.append(heading, h('p', { class: 'hint' }, 'Interviews started in this browser. Their keys stay here only; forgetting one removes its key.'), body);
  announcePage(heading, 'History');
  let live = true;
  let titles = new Map<string, string>();
  const render = () => live && replaceChildren(body, table(listSessions(ctx.store), ctx, (id) => titles.get(id) ?? id, render));
  render();
  void refreshStale(ctx, () => render());
  getTopics().then((topics) => {
    titles = new Map(topics.map((t) => [t.id, t.title]));
    render();
  }, () => undefined);
  return () => {
    live = false;
  };
}

async function refreshStale(ctx: ViewContext, done: () => void): Promise<void> {
  const stale = listSessions(ctx.store).filter((s) => s.status === 'active' || s.overall === null).slice(0, REFRESH_LIMIT);
  const results = await Promise.allSettled(stale.map(async (s) => ({ s, view: await getSessionView(s.id, s.token) })));
  let changed = false;
  for (const result of results) {
    if (result.status !== 'fulfilled') continue;
    const { s, view } = result.value;
    if (view.status !== s.status || view.overall !== s.overall) {
      updateSession(ctx.store, s.id, { status: view.status, overall: view.overall });
      changed = true;
    }
  }
  if (changed) done();
}

function table(sessions: SessionRecord[], ctx: ViewContext, title: (topicId: string) => string, rerender: () => void): HTMLElement {
  if (sessions.length === 0) return h('p', { 'data-testid': 'history-empty' }, 'No interviews yet. ', h('a', { href: '#/' }, 'Start one'), '.');
  const rows = sessions.map((s) => {
    const open = s.status === 'ended' ? h('a', { href: `#/report/${encodeURIComponent(s.id)}` }, 'Report') : h('a', { href: `#/interview/${encodeURIComponent(s.id)}` }, 'Resume');
    const forget = h('button', { type: 'button', class: 'quiet', 'aria-label': `Forget the interview of ${formatDate(s.createdAt)}` }, 'Forget');
    forget.addEventListener('click', () => {
      if (!window.confirm('Forget this interview? Its report will no longer open from this browser.')) return;
      forgetSession(ctx.store, s.id);
      rerender();
    });
    return h(
      'tr',
      { 'data-session': s.id },
      h('th', { scope: 'row' }, formatDate(s.createdAt)),
      h('td', { 'data-label': 'Mode' }, s.mode),
      h('td', { 'data-label': 'Topics' }, s.topics.length === 0 ? 'all' : s.topics.map(title).join(', ')),
      h('td', { 'data-label': 'Questions' }, s.questionCount),
      h('td', { 'data-label': 'Score' }, s.status === 'ended' ? formatScore(s.overall) : 'in progress'),
      h('td', { class: 'actions' }, open, ' ', forget),
    );
  });
  return h(
    'table',
    { class: 'history', 'data-testid': 'history' },
    h('caption', { class: 'visually-hidden' }, 'Past interviews, newest first'),
    h('thead', {}, h('tr', {}, ...['Date', 'Mode', 'Topics', 'Questions', 'Score'].map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, ...rows),
  );
}
