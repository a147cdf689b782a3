// The connection state above the chat: connecting, reconnecting (the interview resumes where it
// was), or why the page stopped trying.
import { h, replaceChildren } from '../dom.js';
import type { SocketStatus, SocketStatusDetail } from '../socket.js';

const STOP_MESSAGES: Record<string, string> = {
  ended: '',
  unauthorized: 'This browser’s key to the interview was refused. Start a new interview.',
  forbidden: 'The server does not accept connections from this page’s address (see PROBE_ALLOWED_ORIGINS).',
  'not-found': 'The server does not know this interview any more. Start a new one.',
  replaced: 'This interview is open in another tab or window.',
};

export interface ConnectionBanner {
  element: HTMLElement;
  show(status: SocketStatus, detail: SocketStatusDetail): void;
}

/** Builds the banner; `takeOver` reconnects after another tab took the session. */
export function createConnectionBanner(takeOver: () => void): ConnectionBanner {
  const element = h('div', { class: 'connection', role: 'status', 'data-state': 'connecting' });
  return {
    element,
    show(status, detail) {
      element.dataset.state = status;
      switch (status) {
        case 'connecting':
          replaceChildren(element, 'Connecting…');
          return;
        case 'open':
          replaceChildren(element);
          return;
        case 'reconnecting':
          replaceChildren(element, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Reconnecting… The interview will resume where it was.');
          return;
        case 'stopped': {
          const reason = detail.reason ?? '';
          const message = STOP_MESSAGES[reason] ?? `Disconnected (${reason}).`;
          replaceChildren(element, message, reason === 'replaced' ? h('button', { type: 'button', onclick: takeOver }, 'Continue here') : null);
        }
      }
    },
  };
}
