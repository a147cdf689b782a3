// The answer area: a labelled text box (Ctrl/Cmd+Enter sends), dictation where the browser has
// speech recognition, the drill actions (hint, skip, retry), end, and reading questions aloud.
// The text stays in the box until the server acknowledges it, so a failed send loses nothing.
import { AnswerSending } from '../answer-sending.js';
import { newClientId } from '../client-id.js';
import { h } from '../dom.js';
import { canSpeak } from '../speech.js';
import { dictateButton } from './dictate-button.js';

export type CandidateAction = 'hint' | 'skip' | 'retry' | 'end';

export interface AnswerBoxOptions {
  mode: 'mock' | 'drill';
  draft: string;
  maxChars: number | null;
  readAloud: boolean;
  onDraft(text: string): void;
  /** Sends the answer; false when it could not leave the browser. */
  onSend(text: string, clientId: string): boolean;
  onAction(action: CandidateAction): boolean;
  onReadAloud(on: boolean): void;
}

export interface AnswerBoxState {
  canAnswer: boolean;
  canRetry: boolean;
  ended: boolean;
}

export interface AnswerBox {
  element: HTMLElement;
  update(state: AnswerBoxState): void;
  /** The server stored the answer with this id: clear the box. */
  acked(clientId: string | null): void;
  /** The answer was not stored: keep the text and say why. */
  failed(message: string): void;
  /** The socket dropped while an answer waited for its acknowledgement. */
  connectionLost(): void;
  /** The question changed: show its own draft (and forget any error about the last one). */
  setDraft(text: string): void;
  focus(): void;
}

const MESSAGES = {
  empty: 'Type an answer first (or skip the question).',
  notYourTurn: 'Wait for the interviewer’s question; your text stays here.',
  offline: 'Not connected, so the answer was not sent. It is kept here: send it again once the connection is back.',
  actionOffline: 'Not connected; try again once the connection is back.',
  lost: 'The connection dropped before the server confirmed your answer. It is kept here: send it again once the connection is back.',
  confirmEnd: 'End the interview now? Questions not answered yet will not count.',
};

/** Builds the answer area. */
export function createAnswerBox(options: AnswerBoxOptions): AnswerBox {
  return new AnswerBoxView(options);
}

class AnswerBoxView implements AnswerBox {
  readonly element: HTMLFormElement;
  private readonly text = h('textarea', { id: 'answer', name: 'answer', rows: 5, 'aria-describedby': 'answer-help' });
  private readonly status = h('p', { class: 'box-status', role: 'status' });
  private readonly error = h('p', { class: 'box-error', role: 'alert' });
  private readonly sending = new AnswerSending(newClientId);
  private readonly buttons: ReturnType<typeof actionButtons>;
  private state: AnswerBoxState = { canAnswer: false, canRetry: false, ended: false };

  constructor(private readonly options: AnswerBoxOptions) {
    this.text.value = options.draft;
    if (options.maxChars !== null) this.text.maxLength = options.maxChars;
    this.text.addEventListener('input', () => options.onDraft(this.text.value));
    this.text.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      this.submit();
    });
    this.buttons = actionButtons((action) => this.act(action));
    const dictate = dictateButton(this.text, this.status, () => options.onDraft(this.text.value));
    const drill = options.mode === 'drill';
    this.element = h(
      'form',
      { class: 'answer-box', 'aria-label': 'Reply to the interviewer', onsubmit: (event: Event) => (event.preventDefault(), this.submit()) },
      h('label', { for: 'answer' }, 'Your answer'),
      this.text,
      h('p', { id: 'answer-help', class: 'hint' }, 'Ctrl+Enter (⌘+Enter on a Mac) sends.', dictate ? ' Dictated text can be edited before sending.' : ''),
      this.error,
      h('div', { class: 'buttons' }, this.buttons.send, dictate, drill ? this.buttons.hint : null, this.buttons.skip, drill ? this.buttons.retry : null, this.buttons.end),
      readAloudToggle(options),
      this.status,
    );
    this.refresh();
  }

  update(next: AnswerBoxState): void {
    this.state = next;
    this.refresh();
  }

  acked(clientId: string | null): void {
    const sent = this.sending.acked(clientId);
    if (!sent) return;
    this.error.textContent = '';
    if (this.text.value.trim() === sent.text) this.text.value = '';
    this.options.onDraft(this.text.value);
    this.refresh();
  }

  failed(message: string): void {
    this.sending.refused();
    this.error.textContent = message;
    this.refresh();
  }

  connectionLost(): void {
    if (this.sending.lost()) this.error.textContent = MESSAGES.lost;
    this.refresh();
  }

  setDraft(text: string): void {
    this.text.value = text;
    this.error.textContent = '';
    this.refresh();
  }

  focus(): void {
    this.text.focus();
  }

  private submit(): void {
    const answer = this.text.value.trim();
    if (this.sending.pending) return;
    this.error.textContent = answer === '' ? MESSAGES.empty : !this.state.canAnswer ? MESSAGES.notYourTurn : '';
    if (this.error.textContent) return;
    const sent = this.sending.begin(answer);
    if (!this.options.onSend(answer, sent.clientId)) {
      this.sending.lost();
      this.error.textContent = MESSAGES.offline;
    }
    this.refresh();
  }

  private act(action: CandidateAction): void {
    this.error.textContent = '';
    if (action === 'end' && !window.confirm(MESSAGES.confirmEnd)) return;
    if (!this.options.onAction(action)) this.error.textContent = MESSAGES.actionOffline;
  }

  private refresh(): void {
    const { canAnswer, canRetry, ended } = this.state;
    const { send, hint, skip, retry, end } = this.buttons;
    send.disabled = !canAnswer || this.sending.pending !== null;
    send.textContent = this.sending.pending ? 'Sending…' : 'Send';
    this.text.readOnly = this.sending.pending !== null || ended;
    hint.disabled = skip.disabled = !canAnswer;
    retry.disabled = !canAnswer || !canRetry;
    end.disabled = ended;
  }
}

function actionButtons(act: (action: CandidateAction) => void) {
  const button = (label: string, action: CandidateAction, extra: Record<string, string> = {}) =>
    h('button', { type: 'button', 'data-action': action, ...extra, onclick: () => act(action) }, label);
  return {
    send: h('button', { type: 'submit', class: 'primary' }, 'Send'),
    hint: button('Hint', 'hint', { title: 'A nudge towards a key point not covered yet' }),
    skip: button('Skip', 'skip'),
    retry: button('Retry', 'retry', { title: 'Start this question over' }),
    end: button('End interview', 'end', { class: 'quiet' }),
  };
}

function readAloudToggle(options: AnswerBoxOptions): HTMLElement | null {
  if (!canSpeak()) return null;
  const box = h('input', { type: 'checkbox', id: 'read-aloud', checked: options.readAloud, onchange: (e: Event) => options.onReadAloud((e.target as HTMLInputElement).checked) });
  return h('div', { class: 'toggle' }, box, h('label', { for: 'read-aloud' }, 'Read questions aloud'));
}
