// The chat's view model: a pure reducer from server frames (and the candidate's own sends) to the
// list of chat items, the phase, the progress and the timer anchor. Replayed frames are deduplicated
// by seq; a final `line` replaces the streamed deltas of its lineId.
import type { KeyPointFeedbackSchema, PhaseSchema, Progress, ServerFrame, ServerFrameOf } from '../src/protocol/ws-frames.js';
import type { z } from 'zod';

export type Phase = z.infer<typeof PhaseSchema>;
export type KeyPointFeedback = z.infer<typeof KeyPointFeedbackSchema>;
export type LineKind = ServerFrameOf<'line'>['kind'];
export type EndReason = ServerFrameOf<'session.ended'>['reason'];

export interface LineItem {
  type: 'line';
  key: string;
  lineId: string;
  seq: number | null;
  kind: LineKind | null;
  text: string;
  streaming: boolean;
  by: string | null;
  fallback: string | null;
}
export interface AnswerItem { type: 'answer'; key: string; seq: number | null; clientId: string | null; text: string; pending: boolean }
export interface FeedbackItem { type: 'feedback'; key: string; seq: number; questionIndex: number; feedback: KeyPointFeedback }
export interface NoticeItem { type: 'notice'; key: string; seq: number; kind: ServerFrameOf<'notice'>['kind']; text: string }
export type ChatItem = LineItem | AnswerItem | FeedbackItem | NoticeItem;

export interface ChatModel {
  mode: 'mock' | 'drill' | null;
  interviewer: string | null;
  phase: Phase;
  progress: Progress;
  /** Highest seq applied: sent as `session.resume.lastSeq` after a reconnect. */
  lastSeq: number;
  items: ChatItem[];
  /** When the question in play was asked (client clock), for the per-question timer. */
  questionStartedAt: number | null;
  ended: EndReason | null;
  report: { overall: number | null; formats: Record<string, string> } | null;
  error: { code: string; message: string; inReplyTo: string | null } | null;
  /** Texts of answers sent on this page, by clientId, to show them again when their ack is replayed. */
  sent: Record<string, string>;
  /** Known answer texts and line times by seq (from the session view), for a page that reloaded. */
  known: Record<number, { text: string; at: number }>;
}

export type ChatAction =
  | { type: 'frame'; frame: ServerFrame; now: number }
  | { type: 'submit'; clientId: string; text: string }
  | { type: 'connection-lost' }
  | { type: 'known'; entries: Record<number, { text: string; at: number }> };

const NO_PROGRESS: Progress = { questionNumber: 0, questionTotal: 0, followUp: 0, maxFollowUps: 0 };

/** The model before any frame has arrived. */
export function emptyChat(): ChatModel {
  return { mode: null, interviewer: null, phase: 'not-started', progress: NO_PROGRESS, lastSeq: 0, items: [], questionStartedAt: null, ended: null, report: null, error: null, sent: {}, known: {} };
}

/** Applies one action; returns the same object when nothing changed (a duplicate frame). */
export function reduceChat(model: ChatModel, action: ChatAction): ChatModel {
  switch (action.type) {
    case 'submit':
      return {
        ...model,
        error: null,
        sent: { ...model.sent, [action.clientId]: action.text },
        items: [...dropPending(model, action.clientId).items, { type: 'answer', key: `pending:${action.clientId}`, seq: null, clientId: action.clientId, text: action.text, pending: true }],
      };
    case 'connection-lost':
      // Unacknowledged answers leave the chat; their text stays in the input to send again.
      return { ...model, items: model.items.filter((i) => !(i.type === 'answer' && i.pending)) };
    case 'known':
      return { ...model, known: { ...model.known, ...action.entries } };
    case 'frame':
      return reduceFrame(model, action.frame, action.now);
  }
}

function reduceFrame(model: ChatModel, frame: ServerFrame, now: number): ChatModel {
  if ('seq' in frame && frame.seq <= model.lastSeq) {
    // An answer resent with its clientId is acknowledged with the seq it was first stored under.
    return frame.type === 'answer.ack' && frame.clientId !== null ? dropPending(model, frame.clientId) : model;
  }
  const next = 'seq' in frame ? { ...model, lastSeq: frame.seq } : model;
  switch (frame.type) {
    case 'session.state':
      return { ...next, mode: frame.mode, phase: frame.phase, progress: frame.progress, interviewer: frame.interviewer, ended: frame.phase === 'ended' ? (next.ended ?? 'completed') : next.ended };
    case 'line.delta':
      return onDelta(next, frame);
    case 'line':
      return onLine(next, frame, now);
    case 'answer.ack':
      return onAck(next, frame);
    case 'feedback':
      return { ...next, phase: 'deciding', items: [...next.items, { type: 'feedback', key: `feedback:${frame.seq}`, seq: frame.seq, questionIndex: frame.questionIndex, feedback: frame.feedback }] };
    case 'notice':
      return {
        ...next,
        phase: 'speaking',
        questionStartedAt: frame.kind === 'retry' ? next.questionStartedAt : null,
        items: [...next.items, { type: 'notice', key: `notice:${frame.seq}`, seq: frame.seq, kind: frame.kind, text: frame.text }],
      };
    case 'session.ended':
      return { ...next, phase: 'ended', ended: frame.reason, questionStartedAt: null, items: next.items.map(finishStreaming) };
    case 'report.ready':
      return { ...next, report: { overall: frame.overall, formats: frame.formats } };
    case 'error':
      return onError(next, frame);
    case 'pong':
      return model;
  }
}

function onDelta(model: ChatModel, frame: ServerFrameOf<'line.delta'>): ChatModel {
  const index = model.items.findIndex((i) => i.type === 'line' && i.lineId === frame.lineId);
  const found = model.items[index];
  if (found?.type === 'line') {
    if (!found.streaming) return model;
    const items = [...model.items];
    items[index] = { ...found, text: found.text + frame.delta };
    return { ...model, phase: 'speaking', items };
  }
  const item: LineItem = { type: 'line', key: `line:${frame.lineId}`, lineId: frame.lineId, seq: null, kind: null, text: frame.delta, streaming: true, by: null, fallback: null };
  return { ...model, phase: 'speaking', items: [...model.items, item] };
}

const ASKING: ReadonlySet<LineKind> = new Set(['question', 'follow-up', 'hint']);

function onLine(model: ChatModel, frame: ServerFrameOf<'line'>, now: number): ChatModel {
  const item: LineItem = { type: 'line', key: `line:${frame.lineId}`, lineId: frame.lineId, seq: frame.seq, kind: frame.kind, text: frame.text, streaming: false, by: frame.by, fallback: frame.fallback };
  const index = model.items.findIndex((i) => i.type === 'line' && i.lineId === frame.lineId);
  const items = index >= 0 ? model.items.map((i, n) => (n === index ? item : i)) : [...model.items, item];
  const phase: Phase = ASKING.has(frame.kind) ? 'answering' : frame.kind === 'closing' ? 'ended' : 'speaking';
  const questionStartedAt = frame.kind === 'question' ? (model.known[frame.seq]?.at ?? now) : model.questionStartedAt;
  return { ...model, items, phase, progress: frame.progress, questionStartedAt };
}

function onAck(model: ChatModel, frame: ServerFrameOf<'answer.ack'>): ChatModel {
  const clientId = frame.clientId;
  const text = (clientId !== null ? model.sent[clientId] : undefined) ?? frame.text ?? model.known[frame.seq]?.text ?? '(answer sent)';
  const acked: AnswerItem = { type: 'answer', key: `answer:${frame.seq}`, seq: frame.seq, clientId, text, pending: false };
  const index = model.items.findIndex((i) => i.type === 'answer' && i.pending && clientId !== null && i.clientId === clientId);
  const items = index >= 0 ? model.items.map((i, n) => (n === index ? acked : i)) : [...model.items, acked];
  return { ...model, items, phase: 'judging', error: null };
}

function dropPending(model: ChatModel, clientId: string): ChatModel {
  const items = model.items.filter((i) => !(i.type === 'answer' && i.pending && i.clientId === clientId));
  return items.length === model.items.length ? model : { ...model, items };
}

function onError(model: ChatModel, frame: ServerFrameOf<'error'>): ChatModel {
  const error = { code: frame.code, message: frame.message, inReplyTo: frame.inReplyTo };
  const items = frame.inReplyTo === 'answer.submit' ? model.items.filter((i) => !(i.type === 'answer' && i.pending)) : model.items;
  return { ...model, error, items };
}

function finishStreaming(item: ChatItem): ChatItem {
  return item.type === 'line' && item.streaming ? { ...item, streaming: false } : item;
}

/** True when the candidate may answer, ask for a hint or skip. */
export const canAnswer = (model: ChatModel): boolean => model.phase === 'answering' && model.ended === null;

/** The candidate's answers acknowledged since the question in play was asked (retry needs one). */
export function answeredCurrent(model: ChatModel): boolean {
  for (let i = model.items.length - 1; i >= 0; i -= 1) {
    const item = model.items[i];
    if (item?.type === 'answer' && !item.pending) return true;
    if (item?.type === 'line' && item.kind === 'question') return false;
  }
  return false;
}
