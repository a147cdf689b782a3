// Renders chat items (interviewer lines, answers, drill feedback, notices) as list elements, and
// keeps a list in step with the model, rebuilding only the items that changed.
import type { ChatItem, FeedbackItem, LineItem } from '../chat-model.js';
import { h } from '../dom.js';
import { formatScore } from '../format.js';

const KIND_NAMES: Record<string, string> = { opening: 'Welcome', question: 'Question', 'follow-up': 'Follow-up', hint: 'Hint', closing: 'Closing' };

function lineElement(item: LineItem): HTMLLIElement {
  const label = item.kind ? KIND_NAMES[item.kind] : 'Speaking';
  return h(
    'li',
    { class: `msg interviewer${item.streaming ? ' streaming' : ''}`, 'data-kind': item.kind ?? 'streaming', 'aria-busy': item.streaming ? 'true' : null },
    h('p', { class: 'who' }, `Interviewer · ${label}`),
    h('p', { class: 'text' }, item.text),
    item.fallback ? h('p', { class: 'note' }, `Phrased by the offline interviewer (${item.fallback}).`) : null,
  );
}

function feedbackElement(item: FeedbackItem): HTMLLIElement {
  const { covered, missed, overall } = item.feedback;
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
  const missedList = h('ul', { class: 'points missed' });
  for (const point of missed) missedList.append(h('li', {}, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), h('span', { class: 'visually-hidden' }, 'Missed: '), point.statement));
  return h(
    'li',
    { class: 'feedback', 'data-testid': 'feedback' },
    h('p', { class: 'who' }, `Feedback · this answer ${formatScore(overall)}/100`),
    h('p', { class: 'fb-head' }, `Covered (${covered.length})`),
    covered.length > 0 ? coveredList : h('p', { class: 'hint' }, 'No key point yet.'),
    h('p', { class: 'fb-head' }, `Missed (${missed.length})`),
    missed.length > 0 ? missedList : h('p', { class: 'hint' }, 'Nothing: every key point is there.'),
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
        h('p', { class: 'text' }, item.text),
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
