// The progress page: time practised, score over time per topic, the key point map, what is due
// (with "Practise my weak spots"), the progress report downloads, and your data: every session
// on the server with a delete button, an export, and deleting everything.
import type { ProfileView, ProgressData } from '../../src/protocol/profile.js';
import { h, replaceChildren } from '../dom.js';
import { formatDate } from '../format.js';
import { deleteProfile, deleteServerSession, EXPORT_PATH, getProfile, getProgress, progressReportPath } from '../profile-api.js';
import { forgetSession } from '../storage.js';
import { announcePage, type Unmount, type ViewContext } from './context.js';
import { masteryMap } from './progress-map.js';
import { trendChart } from './trend-chart.js';
import { weakSpotsButton } from './progress-weak-spots.js';
import { errorBox } from './widgets.js';

export function mountProgress(root: HTMLElement, ctx: ViewContext): Unmount {
  const heading = h('h1', {}, 'Your progress');
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading your progress…'));
  root.append(heading, body);
  announcePage(heading, 'Progress');
  let live = true;
  const load = () =>
    Promise.all([getProgress(), getProfile()]).then(
      ([progress, profile]) => live && replaceChildren(body, page(progress, profile, ctx, load)),
      (error: unknown) => live && replaceChildren(body, errorBox(error, load)),
    );
  void load();
  return () => {
    live = false;
  };
}

const minutes = (ms: number) => (ms < 60_000 ? 'under a minute' : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`);

function page(p: ProgressData, profile: ProfileView, ctx: ViewContext, reload: () => void): HTMLElement {
  const t = p.time;
  const summary = h('p', { 'data-testid': 'time-practised' }, t.sessions === 0 ? 'No sessions yet. ' : `${t.sessions} sessions on ${t.days} days, ${t.answers} answers judged, ${minutes(t.totalMs)} practised.`);
  if (p.topics.length === 0) return h('div', {}, summary, h('p', {}, h('a', { href: '#/' }, 'Start an interview'), ' and your progress shows here.'), yourData(profile, ctx, reload));
  return h(
    'div',
    { class: 'progress-page' },
    summary,
    h('section', {}, h('h2', {}, 'Score over time'), trendChart(p)),
    h('section', {}, h('h2', {}, 'Key points by topic'), masteryMap(p)),
    h('section', {}, h('h2', {}, 'Due to practise'), dueList(p), weakSpotsButton(ctx)),
    h('section', {}, h('h2', {}, 'Progress report'), h('p', { class: 'downloads' }, ...['md', 'html', 'pdf', 'json'].map((f) => h('a', { href: progressReportPath(f), download: '' }, f.toUpperCase())))),
    yourData(profile, ctx, reload),
  );
}

function dueList(p: ProgressData): HTMLElement {
  const byKey = new Map(p.keyPoints.map((k) => [`${k.questionId}#${k.keyPointId}`, k]));
  const items = p.due.slice(0, 12).flatMap((d) => {
    const k = byKey.get(`${d.questionId}#${d.keyPointId}`);
    if (!k) return [];
    const when = d.dueNow ? 'due now' : `due ${formatDate(d.due)}`;
    return [h('li', { 'data-due-now': d.dueNow ? 'yes' : 'no', 'data-key-point': `${d.questionId}#${d.keyPointId}` }, h('strong', {}, when), ': ', k.statement, h('br'), h('span', { class: 'hint' }, `${k.questionPrompt} · last ${k.status} · recall ${Math.round(k.recall * 100)}%`))];
  });
  return items.length === 0 ? h('p', {}, 'Nothing is scheduled yet.') : h('ul', { class: 'due-list', 'data-testid': 'due-list' }, ...items);
}

function yourData(profile: ProfileView, ctx: ViewContext, reload: () => void): HTMLElement {
  const rows = profile.sessions.map((s) => {
    const remove = h('button', { type: 'button', class: 'quiet', 'aria-label': `Delete the ${s.mode} of ${s.createdAt.slice(0, 16).replace('T', ' ')}` }, 'Delete');
    remove.addEventListener('click', async () => {
      if (!window.confirm('Delete this session, its transcript and its scores from the server? This cannot be undone.')) return;
      await deleteServerSession(s.id).catch((error: unknown) => window.alert((error as Error).message));
      forgetSession(ctx.store, s.id);
      reload();
    });
    return h('li', { 'data-session': s.id }, `${s.createdAt.slice(0, 16).replace('T', ' ')} · ${s.mode} · ${s.topics.join(', ')} · ${s.status} `, remove);
  });
  const wipe = h('button', { type: 'button', class: 'danger', 'data-testid': 'delete-profile' }, 'Delete everything');
  wipe.addEventListener('click', async () => {
    if (!window.confirm(`Delete your profile${profile.signIn === 'proxy' ? ` (${profile.subject})` : ''} and all ${profile.sessions.length} sessions with their transcripts and scores? This cannot be undone.`)) return;
    await deleteProfile().catch((error: unknown) => window.alert((error as Error).message));
    for (const s of profile.sessions) forgetSession(ctx.store, s.id);
    reload();
  });
  return h(
    'section',
    {},
    h('h2', {}, 'Your data'),
    h('p', {}, h('a', { href: EXPORT_PATH, download: '' }, 'Export everything (JSON)')),
    rows.length > 0 ? h('ul', { class: 'session-list', 'data-testid': 'server-sessions' }, ...rows) : null,
    h('div', { class: 'actions' }, wipe),
  );
}
