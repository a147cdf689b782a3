// The interview page at work: folds frames from the session's socket into the chat model and keeps
// the conversation, progress, timer, answer box, connection banner and report in step with it.
import type { ServerFrame } from '../../src/protocol/ws-frames.js';
import { answeredCurrent, canAnswer, reduceChat, type ChatAction, type ChatModel } from '../chat-model.js';
import { h } from '../dom.js';
import { progressLabel, timerView } from '../format.js';
import { openSessionSocket, sessionSocketUrl, type SessionSocket, type SocketStatus, type SocketStatusDetail } from '../socket.js';
import { stopSpeaking } from '../speech.js';
import { loadDraft, loadReadAloud, saveDraft, saveReadAloud, updateSession, type SessionRecord } from '../storage.js';
import { createAnnouncer } from './announcer.js';
import { createAnswerBox, type AnswerBox, type CandidateAction } from './answer-box.js';
import { createItemList } from './chat-items.js';
import { createConnectionBanner, type ConnectionBanner } from './connection-banner.js';
import type { Unmount, ViewContext } from './context.js';
import { mountReport } from './report.js';

const ACTION_FRAMES = { hint: 'hint.request', skip: 'question.skip', retry: 'question.retry', end: 'session.end' } as const;

export interface ChatPageOptions {
  ctx: ViewContext;
  record: SessionRecord;
  /** The page's heading: focus leaves it for the answer box when the first question arrives. */
  heading: HTMLElement;
  initial: ChatModel;
  maxChars: number | null;
}

/** One interview on the page: build it, append `element`, then `connect()`; `dispose()` when leaving. */
export class ChatPage {
  readonly element: HTMLElement;
  private model: ChatModel;
  private socket: SessionSocket | null = null;
  private startSent = false;
  private couldAnswer = false;
  /** The question whose draft the answer box holds (0 before the first question). */
  private draftQuestion = 0;
  private readAloud: boolean;
  private stopReport: Unmount = () => undefined;
  private readonly progress = h('p', { class: 'progress', 'data-testid': 'progress' });
  private readonly timer = h('p', { class: 'timer', role: 'timer', 'data-testid': 'timer' });
  private readonly list = h('ol', { class: 'chat', 'aria-label': 'Conversation' });
  private readonly showItems = createItemList(this.list);
  private readonly announcer = createAnnouncer();
  private readonly reportSlot = h('div', { class: 'report-slot' });
  private readonly banner: ConnectionBanner;
  private readonly box: AnswerBox;
  private readonly clock: ReturnType<typeof setInterval>;
  private readonly online = () => this.socket?.reconnectNow();

  constructor(private readonly options: ChatPageOptions) {
    const { ctx, record } = options;
    this.model = options.initial;
    this.readAloud = loadReadAloud(ctx.store);
    this.banner = createConnectionBanner(() => ctx.navigate({ view: 'interview', id: record.id }));
    this.box = this.answerBox();
    this.element = h(
      'div',
      { class: 'chat-page' },
      h('div', { class: 'chat-head' }, this.progress, this.timer),
      this.banner.element,
      h('div', { class: 'chat-scroll' }, this.list),
      this.box.element,
      this.announcer.element,
      this.reportSlot,
    );
    this.render();
    this.clock = setInterval(() => this.tick(), 1000);
    window.addEventListener('online', this.online);
  }

  /** Opens the session's socket; frames start flowing. */
  connect(): void {
    const { record } = this.options;
    this.socket = openSessionSocket({
      url: sessionSocketUrl(record.websocket, record.token, location.href),
      lastSeq: () => this.model.lastSeq,
      isEnded: () => this.model.ended !== null,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status, detail) => this.onStatus(status, detail),
    });
  }

  dispose(): void {
    clearInterval(this.clock);
    window.removeEventListener('online', this.online);
    this.announcer.dispose();
    this.stopReport();
    this.socket?.close();
  }

  private answerBox(): AnswerBox {
    const { ctx, record, maxChars } = this.options;
    return createAnswerBox({
      mode: record.mode,
      draft: '',
      maxChars,
      readAloud: this.readAloud,
      onDraft: (text) => {
        if (this.draftQuestion > 0) saveDraft(ctx.store, record.id, this.draftQuestion, text);
      },
      onSend: (text, clientId) => {
        if (!this.socket?.send({ type: 'answer.submit', text, clientId })) return false;
        this.dispatch({ type: 'submit', clientId, text });
        return true;
      },
      onAction: (action: CandidateAction) => this.socket?.send({ type: ACTION_FRAMES[action] }) ?? false,
      onReadAloud: (on) => {
        this.readAloud = on;
        saveReadAloud(ctx.store, on);
        if (!on) stopSpeaking();
      },
    });
  }

  private dispatch(action: ChatAction): void {
    this.model = reduceChat(this.model, action);
    this.render();
  }

  private onFrame(frame: ServerFrame): void {
    const before = this.model;
    const { ctx, record } = this.options;
    this.dispatch({ type: 'frame', frame, now: Date.now() });
    if (frame.type === 'session.state' && frame.phase === 'not-started' && !this.startSent) this.startSent = this.socket?.send({ type: 'session.start' }) ?? false;
    if (frame.type === 'line' && this.model !== before) this.announcer.say(`Interviewer: ${frame.text}`, this.readAloud && frame.kind !== 'opening' && frame.kind !== 'closing');
    if (frame.type === 'answer.ack') this.box.acked(frame.clientId);
    if (frame.type === 'error' && frame.inReplyTo === 'answer.submit') this.box.failed(frame.message);
    else if (frame.type === 'error') this.announcer.say(frame.message, false);
    if (frame.type === 'session.ended') updateSession(ctx.store, record.id, { status: 'ended' });
    if (frame.type === 'report.ready' && before.report === null) this.showReport(frame.overall, frame.formats);
  }

  private onStatus(status: SocketStatus, detail: SocketStatusDetail): void {
    this.banner.show(status, detail);
    if (status !== 'reconnecting') return;
    this.box.connectionLost();
    if (this.model.items.some((i) => i.type === 'answer' && i.pending)) this.dispatch({ type: 'connection-lost' });
  }

  private showReport(overall: number | null, formats: Record<string, string>): void {
    const { ctx, record } = this.options;
    updateSession(ctx.store, record.id, { status: 'ended', overall });
    this.reportSlot.replaceChildren();
    this.stopReport = mountReport(this.reportSlot, { id: record.id, token: record.token, formats, focus: true });
  }

  /** A new question brings its own draft: text typed for the last one never shows under this one. */
  private followQuestion(): void {
    const n = this.model.progress.questionNumber;
    if (n === 0 || n === this.draftQuestion) return;
    this.draftQuestion = n;
    this.box.setDraft(loadDraft(this.options.ctx.store, this.options.record.id, n));
  }

  private render(): void {
    this.followQuestion();
    const ended = this.model.ended !== null;
    const answering = canAnswer(this.model);
    this.progress.textContent = progressLabel(this.model.progress);
    this.showItems(this.model.items);
    this.box.update({ canAnswer: answering, canRetry: answeredCurrent(this.model), ended });
    // When the turn passes to the candidate and focus is nowhere in particular, put it in the answer box.
    const idle = document.activeElement === document.body || document.activeElement === this.options.heading;
    if (answering && !this.couldAnswer && idle) this.box.focus();
    this.couldAnswer = answering;
    this.box.element.hidden = ended;
    this.element.classList.toggle('ended', ended);
    this.tick();
    this.list.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  private tick(): void {
    const started = this.model.questionStartedAt;
    this.timer.hidden = started === null || this.model.ended !== null;
    if (started === null) return;
    const t = timerView(started, Date.now(), this.options.record.questionTimeLimitSeconds);
    this.timer.textContent = t.text;
    this.timer.classList.toggle('low', t.low);
  }
}
