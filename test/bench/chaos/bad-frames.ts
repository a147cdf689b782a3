// The malformed, oversized, out-of-order and wrong-type frames the bad-input test sends, each with
// the answer docs/protocol.md promises for it: an error code (depending on the session's state for
// out-of-order frames) or a close code.

export type SessionKind = 'not-started' | 'answering' | 'ended';

export interface BadFrame {
  kind: string;
  data: string | Buffer;
  /** Acceptable error codes, or the close code the connection must get. */
  expect: { codes: readonly string[] } | { close: number };
}

const KB = 1024;

const garbage = (rng: () => number, max: number): string =>
  Array.from({ length: 1 + Math.floor(rng() * max) }, () => String.fromCharCode(33 + Math.floor(rng() * 90))).join('');

const pick = <T>(items: readonly T[], rng: () => number): T => items[Math.floor(rng() * items.length)] as T;

const INVALID_JSON = ['{', 'not json', '{"type":"answer.submit",', '{"type": "session.start"}}', "{'type':'ping'}", '[1, 2', 'undefined', '{"type":"ping"', 'NaN'];
const NOT_A_FRAME = ['42', 'null', '[]', '"session.start"', '{}', '{"type":5}', '{"type":null}', '{"text":"hello"}', 'true', '[{"type":"ping"}]'];
const UNKNOWN = ['answer.delete', '__proto__', 'constructor', 'SESSION.START', '', 'session.start ', 'x'.repeat(500), 'toString'];
const WRONG_FIELDS = [
  { type: 'answer.submit', text: 42 },
  { type: 'answer.submit' },
  { type: 'answer.submit', text: ['an', 'array'] },
  { type: 'answer.submit', text: 'fine', clientId: '' },
  { type: 'answer.submit', text: 'fine', clientId: 'x'.repeat(101) },
  { type: 'answer.submit', text: 'fine', clientId: 7 },
  { type: 'session.resume' },
  { type: 'session.resume', lastSeq: -1 },
  { type: 'session.resume', lastSeq: '3' },
  { type: 'session.resume', lastSeq: 1.5 },
  { type: 'session.start', extra: true },
  { type: 'ping', payload: {} },
  { type: 'hint.request', text: 'please' },
];

/** Out-of-order frames and what the interview answers in each session state (mock mode). */
const OUT_OF_ORDER: Record<SessionKind, { frame: object; codes: string[] }[]> = {
  'not-started': [
    { frame: { type: 'answer.submit', text: 'an answer before the interview started' }, codes: ['not-started'] },
    { frame: { type: 'question.skip' }, codes: ['not-started'] },
    { frame: { type: 'hint.request' }, codes: ['not-started'] },
    { frame: { type: 'question.retry' }, codes: ['not-started'] },
  ],
  answering: [
    { frame: { type: 'session.start' }, codes: ['already-started'] },
    { frame: { type: 'hint.request' }, codes: ['not-allowed-in-mode'] },
    { frame: { type: 'question.retry' }, codes: ['not-allowed-in-mode'] },
    { frame: { type: 'answer.submit', text: '' }, codes: ['empty-answer'] },
  ],
  ended: [
    { frame: { type: 'answer.submit', text: 'an answer after the end' }, codes: ['ended'] },
    { frame: { type: 'session.start' }, codes: ['ended'] },
    { frame: { type: 'question.skip' }, codes: ['ended'] },
    { frame: { type: 'session.end' }, codes: ['ended'] },
  ],
};

/** The kinds, with their share of the frames sent on a bad connection. */
const MIX: [string, number][] = [
  ['invalid-json', 0.2],
  ['not-a-frame', 0.15],
  ['unknown-type', 0.15],
  ['wrong-fields', 0.2],
  ['out-of-order', 0.2],
  ['answer-too-long', 0.04],
  ['binary', 0.05],
  ['oversized', 0.01],
];

/** One bad frame for a session in state `state`, drawn by `rng`. */
export function badFrame(state: SessionKind, rng: () => number, maxAnswerChars: number, maxFrameBytes: number): BadFrame {
  let r = rng();
  const kind = MIX.find(([, share]) => (r -= share) < 0)?.[0] ?? 'invalid-json';
  const codes = (...c: string[]) => ({ codes: c });
  switch (kind) {
    case 'invalid-json':
      return { kind, data: rng() < 0.5 ? pick(INVALID_JSON, rng) : `{${garbage(rng, 120)}`, expect: codes('invalid_json') };
    case 'not-a-frame':
      return { kind, data: pick(NOT_A_FRAME, rng), expect: codes('invalid_frame') };
    case 'unknown-type':
      return { kind, data: JSON.stringify({ type: pick(UNKNOWN, rng) }), expect: codes('unknown_type') };
    case 'wrong-fields':
      return { kind, data: JSON.stringify(pick(WRONG_FIELDS, rng)), expect: codes('invalid_frame') };
    case 'out-of-order': {
      const o = pick(OUT_OF_ORDER[state], rng);
      return { kind, data: JSON.stringify(o.frame), expect: { codes: o.codes } };
    }
    case 'answer-too-long':
      return { kind, data: JSON.stringify({ type: 'answer.submit', text: 'y'.repeat(maxAnswerChars + 1 + Math.floor(rng() * 20 * KB)) }), expect: codes('answer_too_long') };
    case 'binary':
      return { kind, data: Buffer.from(garbage(rng, 64)), expect: codes('binary_not_supported') };
    default:
      return { kind: 'oversized', data: JSON.stringify({ type: 'answer.submit', text: 'z'.repeat(maxFrameBytes + Math.floor(rng() * 64 * KB)) }), expect: { close: 1009 } };
  }
}
