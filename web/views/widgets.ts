// Small form and message pieces shared by the views.
import { ApiError } from '../api.js';
import { h } from '../dom.js';

/** A labelled control: the label's `for` points at the control's id. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

/** A radio button with its label and a one-line description. */
export function radio(name: string, value: string, label: string, description: string, checked: boolean): HTMLElement {
  const id = `${name}-${value}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', name, value, id, checked, 'aria-describedby': `${id}-desc` }),
    h('label', { for: id }, label),
    h('p', { class: 'hint', id: `${id}-desc` }, description),
  );
}

/** A failed request as a message with a way to try again. */
export function errorBox(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error-box', role: 'alert' }, h('p', {}, message), retry ? h('button', { type: 'button', onclick: () => retry() }, 'Try again') : null);
}
