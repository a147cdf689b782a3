// The progress page's topics-by-key-points heat map: each cell a symbol, a colour and words (the
// statement, the status and when; a contradiction quotes what was said).
import type { KeyPointMastery, MasteryStatus, ProgressData } from '../../src/protocol/profile.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';

const MARK: Record<MasteryStatus, string> = { covered: '●', partly: '◐', missed: '○', contradicted: '✗' };
const WORDS: Record<MasteryStatus, string> = { covered: 'covered', partly: 'partly covered', missed: 'missed', contradicted: 'contradicted' };

function cell(k: KeyPointMastery): HTMLElement {
  const latest = k.history[k.history.length - 1];
  const said = k.status === 'contradicted' && latest && latest.evidence.length > 0 ? ` You said "${latest.evidence.join(' … ')}".` : '';
  const label = `${k.statement}: ${WORDS[k.status]} on ${formatDate(k.lastSeen)}.${said}`;
  return h('li', { class: `kp kp-${k.status}`, 'data-status': k.status, 'data-key-point': `${k.questionId}#${k.keyPointId}`, title: label }, h('span', { 'aria-hidden': 'true' }, MARK[k.status]), h('span', { class: 'visually-hidden' }, label));
}

export function masteryMap(p: ProgressData): HTMLElement {
  const rows = p.topics.map((t) =>
    h('tr', { 'data-topic': t.topic }, h('th', { scope: 'row' }, t.title, h('br'), h('span', { class: 'hint' }, `${Math.round(t.mastery)}/100`)), h('td', {}, h('ul', { class: 'kp-row' }, ...p.keyPoints.filter((k) => k.topic === t.topic).map(cell)))),
  );
  return h(
    'div',
    {},
    h('p', { class: 'hint' }, `${MARK.covered} covered · ${MARK.partly} partly · ${MARK.missed} missed · ${MARK.contradicted} contradicted (latest session of each key point)`),
    h('table', { class: 'mastery-map', 'data-testid': 'mastery-map' }, h('caption', { class: 'visually-hidden' }, 'Mastery of each key point, by topic'), h('tbody', {}, ...rows)),
  );
}
