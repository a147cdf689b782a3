// The report in the page: overall and per-topic scores as a chart, where to study next, every
// question with its answers and key points, and downloads in each format the server offers.
// Falls back to the session's transcript when the server has no JSON report.
import type { Report } from '../../src/engine/report/report-schema.js';
import { ApiError, downloadReport, getReport, getSessionView, getTopics, reportPath } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatScore, plural } from '../format.js';
import type { Unmount } from './context.js';
import { reportQuestion } from './report-question.js';
import { scoreChart } from './score-chart.js';
import { errorBox } from './widgets.js';

export interface ReportOptions {
  id: string;
  token: string;
  /** Relative URLs by format, from `report.ready`; the standard routes when absent. */
  formats?: Record<string, string>;
  /** Move focus to the report's heading once it is shown (the interview just ended). */
  focus?: boolean;
}

const FORMATS: [string, string, string][] = [['md', 'Markdown', 'md'], ['html', 'HTML', 'html'], ['pdf', 'PDF', 'pdf'], ['json', 'JSON', 'json']];

/** Loads the session's report into `container`. */
export function mountReport(container: HTMLElement, options: ReportOptions): Unmount {
  const heading = h('h2', { id: 'report-title', tabindex: -1 }, 'Your report');
  const body = h('div', {}, h('p', { role: 'status' }, 'Preparing the report…'));
  container.append(h('section', { class: 'report', 'aria-labelledby': 'report-title', 'data-testid': 'report' }, heading, downloads(options), body));
  if (options.focus) heading.focus();
  let live = true;
  Promise.all([getReport(options.id, options.token).catch((e: unknown) => e), getTopics().catch(() => [])]).then(([report, topics]) => {
    if (!live) return;
    const titles = new Map(topics.map((t) => [t.id, t.title]));
    if (report instanceof Error) return void fallback(body, options, report);
    replaceChildren(body, ...reportBody(report as Report, (id) => titles.get(id) ?? id));
  });
  return () => {
    live = false;
  };
}

function reportBody(report: Report, title: (topicId: string) => string): (Node | null)[] {
  const o = report.overall;
  const rows = [{ label: 'Overall', score: o.score, strong: true }, ...report.topics.map((t) => ({ label: t.title || title(t.id), score: t.score }))];
  const counts = `${plural(o.total, 'question')}: ${o.answered} answered, ${o.skipped} skipped, ${o.timedOut} timed out, ${o.notCounted} not counted.`;
  return [
    h('p', { class: 'overall', 'data-testid': 'overall' }, h('span', { class: 'big' }, formatScore(o.score)), h('span', {}, ' / 100'), o.band ? h('span', { class: 'band' }, ` · ${o.band}`) : null),
    h('p', { class: 'verdict' }, report.verdict),
    h('p', { class: 'hint' }, counts, ' ', o.rule),
    h('figure', { class: 'chart' }, scoreChart(rows, 'Scores out of 100'), h('figcaption', {}, 'Overall and per-topic scores out of 100.')),
    strengths(report),
    gaps(report),
    drillProbes(report),
    h('section', { class: 'questions', 'aria-labelledby': 'questions-title' }, h('h2', { id: 'questions-title' }, 'Questions'), ...report.questions.map((q) => reportQuestion(q))),
    h('p', { class: 'note' }, report.provenance.summary),
  ];
}

function gaps(report: Report): HTMLElement | null {
  if (report.gaps.length === 0) return null;
  const list = h('ol', { class: 'gaps' });
  for (const gap of report.gaps) {
    const links = gap.questions.flatMap((q, i) => [i > 0 ? ', ' : '', questionLink(q.number)]);
    const points = h('ul', { class: 'gap-points' }, ...gap.points.map((p) => h('li', {}, `Question ${p.questionNumber} (${p.status === 'partly' ? 'partly covered' : 'missed'}): ${p.statement}`)));
    list.append(h('li', {}, h('strong', {}, gap.title), ': ', gap.study, ' See ', ...links, '.', points));
  }
  return h('section', { 'aria-labelledby': 'gaps-title', 'data-testid': 'gaps' }, h('h2', { id: 'gaps-title' }, 'Where to study next'), list);
}

function strengths(report: Report): HTMLElement | null {
  if (report.strengths.length === 0) return null;
  const list = h('ul', { class: 'strengths' }, ...report.strengths.map((s) => h('li', {}, h('strong', {}, s.title), ': ', s.detail)));
  return h('section', { 'aria-labelledby': 'strengths-title' }, h('h2', { id: 'strengths-title' }, 'Strengths'), list);
}

/** A link to a question's section of the report; it scrolls there without touching the route in the hash. */
function questionLink(n: number): HTMLAnchorElement {
  return h('a', {
    href: `#report-q${n}`,
    onclick: (event: Event) => {
      event.preventDefault();
      const target = document.getElementById(`report-q${n}`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    },
  }, `question ${n}`);
}

/** Drill mode: how many probes each key point needed before it was covered (or the rounds ran out). */
function drillProbes(report: Report): HTMLElement | null {
  const probes = report.drill?.probes ?? [];
  if (probes.length === 0) return null;
  const rows = probes.map((p) =>
    h('tr', {}, h('td', {}, `Q${p.questionNumber}`), h('td', {}, p.statement), h('td', {}, String(p.probes)), h('td', {}, p.hinted ? 'yes' : 'no'), h('td', {}, p.status)),
  );
  const head = h('tr', {}, ...(['Q', 'Key point', 'Probes', 'Hint', 'Result'] as const).map((label) => h('th', { scope: 'col', ...(label === 'Q' ? { title: 'Question' } : {}) }, label)));
  return h(
    'section',
    { 'aria-labelledby': 'probes-title', 'data-testid': 'drill-probes' },
    h('h2', { id: 'probes-title' }, 'Probes per key point'),
    h('table', { class: 'probes' }, h('thead', {}, head), h('tbody', {}, ...rows)),
  );
}

function downloads(options: ReportOptions): HTMLElement {
  const status = h('p', { class: 'box-status', role: 'status' });
  const buttons = FORMATS.map(([format, label, ext]) => {
    const path = options.formats?.[format] ?? reportPath(options.id, format);
    return h('button', {
      type: 'button',
      'data-format': format,
      onclick: () => {
        status.textContent = `Downloading the ${label} report…`;
        downloadReport(path, options.token, `probe-report-${options.id.slice(0, 8)}.${ext}`).then(
          () => (status.textContent = `${label} report downloaded.`),
          (error: unknown) => (status.textContent = `The ${label} report could not be downloaded: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    }, label);
  });
  return h('div', { class: 'downloads' }, h('span', { class: 'label' }, 'Download:'), ...buttons, status);
}

async function fallback(body: HTMLElement, options: ReportOptions, error: unknown): Promise<void> {
  if (error instanceof ApiError && error.status === 401 && options.token === '') {
    return replaceChildren(body, errorBox(new Error('This browser holds no interview with that id; reports open with the key kept when the interview was started here, or from any browser when you are signed in.')));
  }
  if (!(error instanceof ApiError) || error.status !== 404) return replaceChildren(body, errorBox(error));
  try {
    const view = await getSessionView(options.id, options.token);
    const list = h('ol', { class: 'transcript' });
    for (const item of view.transcript) list.append(h('li', { 'data-role': item.role }, h('span', { class: 'who' }, `${item.role}: `), item.text));
    replaceChildren(body, h('p', { class: 'overall' }, `Overall ${formatScore(view.overall)} / 100`), h('p', { class: 'hint' }, 'The detailed report is not available from this server; here is the transcript.'), list);
  } catch (cause) {
    replaceChildren(body, errorBox(cause));
  }
}
