// One question of the report in the page: the prompt, what became of it, the candidate's answers
// (with the follow-ups they answered), the key points covered and missed, and the model answer.
import type { ReportQuestion } from '../../src/engine/report/report-schema.js';
import { h } from '../dom.js';
import { formatScore } from '../format.js';

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

function exchanges(q: ReportQuestion): HTMLElement | null {
  if (q.exchanges.length === 0) return null;
  const list = h('ol', { class: 'exchanges' });
  for (const x of q.exchanges) {
    list.append(
      h(
        'li',
        {},
        x.asked && x.askedKind !== 'question' ? h('p', { class: 'asked' }, x.askedKind === 'hint' ? 'After the hint: ' : 'Follow-up: ', x.asked) : null,
        h('blockquote', { class: 'answer' }, x.answer),
      ),
    );
  }
  return h('div', {}, h('h4', {}, q.exchanges.length === 1 ? 'Your answer' : 'Your answers'), list);
}

function keyPoints(q: ReportQuestion): HTMLElement {
  const list = h('ul', { class: 'points' });
  for (const kp of q.keyPoints) {
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

/** The question's section, headed at level 3. */
export function reportQuestion(q: ReportQuestion, topicTitle: string): HTMLElement {
  return h(
    'article',
    { class: 'report-question', 'data-status': q.status },
    h('h3', {}, `Question ${q.number} · ${topicTitle} · level ${q.difficulty}`),
    h('p', { class: 'prompt' }, q.prompt),
    h('p', { class: 'q-score' }, q.score === null ? STATUS_TEXT[q.status] : `${STATUS_TEXT[q.status]} · score ${formatScore(q.score)}/100`),
    exchanges(q),
    keyPoints(q),
    h('details', { class: 'reference' }, h('summary', {}, 'Model answer'), h('p', { class: 'reference-text' }, q.referenceAnswer)),
    h('p', { class: 'note' }, scorerNote(q)),
  );
}
