// The WebSocket protocol: every frame either side may send, as zod discriminated unions.
// Imported by the server and by web/; docs/protocol.md shows a complete exchange.
import { z } from 'zod';

/** Close codes the server uses; the client reacts to each (see docs/protocol.md). */
export const CloseCode = {
  /** Normal close after the interview ended or the client left. */
  normal: 1000,
  /** The server is shutting down or restarting: reconnect and resume after a short wait. */
  serverRestarting: 1012,
  /** A frame over the size limit: the connection is closed (the session is unharmed; reconnect). */
  tooBig: 1009,
  /** Policy violation: sustained flooding after rate-limit warnings. */
  policy: 1008,
  unauthorized: 4401,
  forbiddenOrigin: 4403,
  sessionNotFound: 4404,
  /** Another connection took this session over (one connection per session). */
  replaced: 4409,
} as const;

const Text = z.string();

/** Frames the client sends. */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session.start') }),
  z.strictObject({
    type: z.literal('answer.submit'),
    text: Text,
    /** Optional idempotency key: a resent answer with the same id is acknowledged, not stored twice. */
    clientId: z.string().min(1).max(100).optional(),
  }),
  z.strictObject({ type: z.literal('hint.request') }),
  z.strictObject({ type: z.literal('question.skip') }),
  z.strictObject({ type: z.literal('question.retry') }),
  z.strictObject({ type: z.literal('session.end') }),
  /** Sent after (re)connecting: the server replays every stored frame with a higher seq. */
  z.strictObject({ type: z.literal('session.resume'), lastSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;
export type ClientFrameType = ClientFrame['type'];

export const PhaseSchema = z.enum(['not-started', 'speaking', 'answering', 'judging', 'deciding', 'ended']);

export const ProgressSchema = z.object({
  /** 1-based number of the question in play (0 before the first question). */
  questionNumber: z.number().int().min(0),
  questionTotal: z.number().int().min(0),
  /** Follow-ups asked on this question so far, and the plan's limit. */
  followUp: z.number().int().min(0),
  maxFollowUps: z.number().int().min(0),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const LineKindSchema = z.enum(['opening', 'question', 'follow-up', 'hint', 'closing']);

export const KeyPointFeedbackSchema = z.object({
  covered: z.array(z.object({ id: z.string(), statement: z.string(), status: z.enum(['covered', 'partly', 'missed']), words: z.array(z.string()) })),
  /** `negated` and `words`: the answer contradicted the point, in these words (shown as "Contradicted: you said ..."). */
  missed: z.array(z.object({ id: z.string(), statement: z.string(), negated: z.boolean().optional(), words: z.array(z.string()).optional() })),
  overall: z.number(),
  /** The scorer's flags on the answer ('dont-know', 'gibberish', ...), named in words by the page. */
  flags: z.array(z.string()).optional(),
  /** Points the answer contradicted (also in `missed` with `negated`), with the line to show. */
  contradicted: z.array(z.object({ id: z.string(), statement: z.string(), said: z.string(), message: z.string() })).optional(),
  /** A non-answer, named in words. */
  nonAnswer: z.object({ flag: z.enum(['empty', 'dont-know', 'gibberish', 'off-topic']), message: z.string() }).optional(),
  counts: z.object({ covered: z.number().int(), partly: z.number().int(), missed: z.number().int(), contradicted: z.number().int() }).optional(),
});

/** Frames the server sends. Frames with a `seq` are stored and replayed on resume. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('session.state'),
    sessionId: z.string(),
    mode: z.enum(['mock', 'drill']),
    phase: PhaseSchema,
    progress: ProgressSchema,
    interviewer: z.string(),
    /** Highest seq stored for this session. */
    lastSeq: z.number().int().min(0),
    /** The question in play, repeated on resume so the client can show it again. */
    pendingQuestion: z.object({ seq: z.number().int(), text: z.string() }).nullable(),
  }),
  /** A piece of an interviewer line while it is produced; `lineId` ties deltas to the final line. */
  z.object({ type: z.literal('line.delta'), lineId: z.string(), delta: z.string() }),
  z.object({
    type: z.literal('line'),
    seq: z.number().int().positive(),
    lineId: z.string(),
    kind: LineKindSchema,
    text: z.string(),
    questionIndex: z.number().int().nullable(),
    target: z.string().nullable(),
    by: z.string(),
    fallback: z.string().nullable(),
    progress: ProgressSchema,
  }),
  z.object({
    type: z.literal('answer.ack'),
    seq: z.number().int().positive(),
    clientId: z.string().nullable(),
    /** The answer as stored: sent when the ack is replayed on resume, so a reloaded client can show it. */
    text: z.string().optional(),
  }),
  /** Drill mode: what the last answer covered and missed. */
  z.object({ type: z.literal('feedback'), seq: z.number().int().positive(), questionIndex: z.number().int(), feedback: KeyPointFeedbackSchema }),
  /** Skip, timeout and retry, as recorded in the transcript. */
  z.object({ type: z.literal('notice'), seq: z.number().int().positive(), kind: z.enum(['skip', 'timeout', 'retry']), questionIndex: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('session.ended'), reason: z.enum(['completed', 'ended-early', 'time-up']) }),
  z.object({
    type: z.literal('report.ready'),
    overall: z.number().nullable(),
    /** Relative URLs of the report, one per format. */
    formats: z.record(z.string(), z.string()),
  }),
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    /** The client frame type that caused it, when known. */
    inReplyTo: z.string().nullable(),
  }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type ServerFrameType = ServerFrame['type'];
export type ServerFrameOf<T extends ServerFrameType> = Extract<ServerFrame, { type: T }>;
