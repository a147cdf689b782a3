// The dictation toggle: where the browser has speech recognition, what is heard goes into the
// answer box (after any text already there) for the candidate to edit before sending.
import { DICTATION_UNAVAILABLE, dictationEndMessage } from '../dictation-messages.js';
import { h } from '../dom.js';
import { canDictate, startDictation, type Dictation } from '../speech.js';

/** The button, or null where the browser offers no speech recognition (the control is hidden). */
export function dictateButton(text: HTMLTextAreaElement, status: HTMLElement, changed: () => void): HTMLButtonElement | null {
  if (!canDictate()) return null;
  let dictation: Dictation | null = null;
  const button = h('button', { type: 'button', 'aria-pressed': 'false', 'data-action': 'dictate' }, 'Dictate');
  const stopped = (message: string) => {
    dictation = null;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Dictate';
    status.textContent = message;
  };
  button.addEventListener('click', () => {
    if (dictation) return dictation.stop();
    const before = text.value.trim();
    dictation = startDictation({
      onText: (heard) => {
        text.value = before ? `${before} ${heard}` : heard;
        changed();
      },
      onEnd: (failure) => stopped(dictationEndMessage(failure)),
    });
    if (!dictation) {
      status.textContent = DICTATION_UNAVAILABLE;
      return;
    }
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Stop dictating';
    status.textContent = 'Listening… speak your answer.';
  });
  return button;
}
