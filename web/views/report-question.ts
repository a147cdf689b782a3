// One question of the report in the page: the prompt, what became of it, the candidate's answers
// (with the follow-ups they answered), the key points covered and missed, and the model answer.
import { attemptLabel, contradictionLine, isContradicted } from '../../src/engine/report/answer-labels.js';
import type { ReportQuestion } from '../../src/engine/report/report-schema.js';
import { h } from '../dom.js';
import { formatScore } from '../format.js';
import { markdownBlock } from '../markdown.js';

const STATUS_TEXT: Record<ReportQuestion['status'], string> = {
  answered: 'Answered',
  skipped: 'Skipped (counts as 0)',
  'timed-out': 'Time ran out (counts as 0)',
  unscored: 'Answered, not scored (the interview ended first)',
  unanswered: 'Not answered',
  'not-reached': 'Not reached',
};

const MARKS = { covered: ['✓', 'Covered'], partly: ['◐', 'Partly covered'], missed: ['✗', 'Missed'] } as const;

const SCORERS: Record<ReportQuestion['scoring']['scorer'], string> = {
  offline: 'Scored by the offline scorer.',
  llm: 'Scored by the model',
  'offline-fallback': 'Scored by the offline scorer, standing in for the model',
  none: 'Not scored.',
};

function exchanges(q: Pick<ReportQuestion, 'exchanges'>, heading = true): HTMLElement | null {
  if (q.exchanges.length === 0) return null;
  const list = h('ol', { class: 'exchanges' });
  for (const x of q.exchanges) {
    list.append(
      h(
        'li',
        {},
        x.asked && x.askedKind !== 'question' ? h('div', { class: 'asked' }, x.askedKind === 'hint' ? 'After the hint: ' : 'Follow-up: ', markdownBlock(x.asked, 'inline')) : null,
        h('blockquote', { class: 'answer' }, markdownBlock(x.answer)),
      ),
    );
  }
  return h('div', {}, heading ? h('h4', {}, q.exchanges.length === 1 ? 'Your answer' : 'Your answers') : null, list);
}

function keyPoints(q: ReportQuestion): HTMLElement {
  const list = h('ul', { class: 'points' });
  for (const kp of q.keyPoints) {
    if (isContradicted(kp)) {
      list.append(h('li', { 'data-status': 'contradicted' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), contradictionLine(kp)));
      continue;
    }
    const [mark, name] = kp.status ? MARKS[kp.status] : ['·', 'Not assessed'];
    list.append(
      h(
        'li',
        { 'data-status': kp.status ?? 'none' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
        h('span', { class: 'visually-hidden' }, `${name}: `),
        kp.statement,
        kp.evidence.length > 0 ? h('span', { class: 'words' }, ' — ', ...kp.evidence.flatMap((e, i) => [i > 0 ? ', ' : '', h('q', {}, e)])) : null,
      ),
    );
  }
  return h('div', {}, h('h4', {}, 'Key points'), list);
}

function scorerNote(q: ReportQuestion): string {
  const s = q.scoring;
  const base = SCORERS[s.scorer];
  if (s.scorer === 'llm') return `${base} ${s.model ?? ''}.`.replace(' .', '.');
  if (s.scorer === 'offline-fallback') return `${base}${s.fallback ? ` (${s.fallback})` : ''}.`;
  return base;
}

function notes(q: ReportQuestion): HTMLElement | null {
  const lines = q.notes;
  return lines.length === 0 ? null : h('ul', { class: 'flags', 'data-testid': 'question-notes' }, ...lines.map((l) => h('li', {}, l)));
}

/** Drill: what came before a retry stays in the report. */
function earlier(q: ReportQuestion): HTMLElement[] {
  return q.earlierAttempts.map((a) =>
    h(
      'details',
      { class: 'attempt', 'data-testid': 'earlier-attempt' },
      h('summary', {}, attemptLabel(a)),
      exchanges(a, false),
    ),
  );
}

/** The question's section, headed at level 3; its id is the anchor the gaps link to. */
export function reportQuestion(q: ReportQuestion): HTMLElement {
  return h(
    'article',
    { class: 'report-question', 'data-status': q.status, id: `report-q${q.number}`, tabindex: -1 },
    h('h3', {}, `Question ${q.number} · ${q.topicTitle} · level ${q.difficulty}`),
    markdownBlock(q.prompt, 'prompt'),
    h('p', { class: 'q-score' }, q.score === null ? STATUS_TEXT[q.status] : `${STATUS_TEXT[q.status]} · score ${formatScore(q.score)}/100`),
    notes(q),
    ...earlier(q),
    exchanges(q),
    keyPoints(q),
    h('details', { class: 'reference' }, h('summary', {}, 'Model answer'), h('p', { class: 'reference-text' }, q.referenceAnswer)),
    h('p', { class: 'note' }, scorerNote(q)),
  );
}
