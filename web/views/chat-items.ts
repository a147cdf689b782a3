// Renders chat items (interviewer lines, answers, drill feedback, notices) as list elements, and
// keeps a list in step with the model, rebuilding only the items that changed.
import { contradictionLine, flagLines } from '../../src/engine/report/answer-labels.js';
import type { ChatItem, FeedbackItem, LineItem } from '../chat-model.js';
import { h } from '../dom.js';
import { formatScore } from '../format.js';
import { markdownBlock } from '../markdown.js';

const KIND_NAMES: Record<string, string> = { opening: 'Welcome', question: 'Question', 'follow-up': 'Follow-up', hint: 'Hint', closing: 'Closing' };

function lineElement(item: LineItem): HTMLLIElement {
  const label = item.kind ? KIND_NAMES[item.kind] : 'Speaking';
  return h(
    'li',
    { class: `msg interviewer${item.streaming ? ' streaming' : ''}`, 'data-kind': item.kind ?? 'streaming', 'aria-busy': item.streaming ? 'true' : null },
    h('p', { class: 'who' }, `Interviewer · ${label}`),
    // Half-streamed Markdown (an open code fence, a lone `**`) would flicker: plain text until the line is final.
    item.streaming ? h('p', { class: 'text' }, item.text) : markdownBlock(item.text, 'text'),
    item.fallback ? h('p', { class: 'note' }, `Phrased by the offline interviewer (${item.fallback}).`) : null,
  );
}

/** "Covered (3) · Partly (2) · Missed (1) · Contradicted (1)": each key point counted once, by its status. */
export function feedbackCounts(feedback: FeedbackItem['feedback']): string {
  const covered = feedback.covered.filter((p) => p.status === 'covered').length;
  const partly = feedback.covered.filter((p) => p.status === 'partly').length;
  const contradicted = feedback.missed.filter((p) => p.negated && (p.words?.length ?? 0) > 0).length;
  const parts = [`Covered (${covered})`, `Partly (${partly})`, `Missed (${feedback.missed.length - contradicted})`];
  if (contradicted > 0) parts.push(`Contradicted (${contradicted})`);
  return parts.join(' · ');
}

function missedItem(point: FeedbackItem['feedback']['missed'][number]): HTMLLIElement {
  const words = point.words ?? [];
  if (point.negated && words.length > 0) {
    return h('li', { 'data-status': 'contradicted' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), contradictionLine({ statement: point.statement, evidence: words, negated: true }));
  }
  return h('li', { 'data-status': 'missed' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), h('span', { class: 'visually-hidden' }, 'Missed: '), point.statement);
}

function feedbackElement(item: FeedbackItem): HTMLLIElement {
  const { covered, missed, overall, flags } = item.feedback;
  const coveredList = h('ul', { class: 'points covered' });
  for (const point of covered) {
    coveredList.append(
      h(
        'li',
        { 'data-status': point.status },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, point.status === 'covered' ? '✓' : '◐'),
        h('span', { class: 'visually-hidden' }, point.status === 'covered' ? 'Covered: ' : 'Partly covered: '),
        point.statement,
        point.words.length > 0 ? h('span', { class: 'words' }, ' — you said ', ...quoted(point.words)) : null,
      ),
    );
  }
  const missedList = h('ul', { class: 'points missed' }, ...missed.map(missedItem));
  const notes = flagLines(flags ?? []);
  return h(
    'li',
    { class: 'feedback', 'data-testid': 'feedback' },
    h('p', { class: 'who' }, `Feedback · this answer ${formatScore(overall)}/100`),
    h('p', { class: 'fb-head', 'data-testid': 'feedback-counts' }, feedbackCounts(item.feedback)),
    notes.length > 0 ? h('ul', { class: 'flags' }, ...notes.map((n) => h('li', {}, n))) : null,
    covered.length > 0 ? coveredList : h('p', { class: 'hint' }, 'No key point covered yet.'),
    missed.length > 0 ? missedList : h('p', { class: 'hint' }, 'Nothing missed: every key point is there.'),
  );
}

function quoted(words: string[]): Node[] {
  return words.flatMap((w, i) => [...(i > 0 ? [document.createTextNode(', ')] : []), h('q', {}, w)]);
}

/** One chat item as a list element. */
export function itemElement(item: ChatItem): HTMLLIElement {
  switch (item.type) {
    case 'line':
      return lineElement(item);
    case 'answer':
      return h(
        'li',
        { class: `msg candidate${item.pending ? ' pending' : ''}` },
        h('p', { class: 'who' }, item.pending ? 'You · sending…' : 'You'),
        markdownBlock(item.text, 'text'),
      );
    case 'feedback':
      return feedbackElement(item);
    case 'notice':
      return h('li', { class: 'notice', 'data-kind': item.kind }, item.text);
  }
}

/** Keeps `list` showing `items` in order; unchanged items (same object) keep their element. */
export function createItemList(list: HTMLElement): (items: ChatItem[]) => void {
  const shown = new Map<string, { item: ChatItem; el: HTMLLIElement }>();
  return (items) => {
    const keep = new Set<string>();
    let previous: Element | null = null;
    for (const item of items) {
      keep.add(item.key);
      let entry = shown.get(item.key);
      if (!entry || entry.item !== item) {
        const el = itemElement(item);
        entry?.el.replaceWith(el);
        entry = { item, el };
        shown.set(item.key, entry);
      }
      const expected: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== entry.el) (previous ? previous.after(entry.el) : list.prepend(entry.el));
      previous = entry.el;
    }
    for (const [key, entry] of shown) {
      if (keep.has(key)) continue;
      entry.el.remove();
      shown.delete(key);
    }
  };
}
