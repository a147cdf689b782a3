// The "Practise my weak spots" button: starts a drill of the due and weakest key points and opens it.
import type { ApiError } from '../api.js';
import { h } from '../dom.js';
import { startWeakSpots } from '../profile-api.js';
import { saveSession } from '../storage.js';
import type { ViewContext } from './context.js';

/** The button with its own status line; `questionCount` questions at most. */
export function weakSpotsButton(ctx: ViewContext, questionCount = 3): HTMLElement {
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', 'data-testid': 'weak-spots' }, 'Practise my weak spots');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Choosing the key points you need most…';
    try {
      const created = await startWeakSpots(questionCount);
      saveSession(ctx.store, {
        id: created.id,
        token: created.token,
        websocket: created.websocket,
        mode: 'drill',
        topics: [],
        questionCount: created.questionCount,
        interviewer: created.interviewer,
        createdAt: Date.now(),
        questionTimeLimitSeconds: null,
        status: 'active',
        overall: null,
      });
      ctx.navigate({ view: 'interview', id: created.id });
    } catch (error) {
      status.textContent = (error as ApiError).message;
      button.disabled = false;
    }
  });
  return h('div', { class: 'weak-spots' }, button, status);
}
