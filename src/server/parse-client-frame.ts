// Validates one incoming WebSocket message: JSON text, a known frame type, the right fields, an
// answer within the length limit. A failure says what was wrong, for the error frame.
import { ClientFrameSchema, type ClientFrame } from '../protocol/ws-frames.js';
import { describeIssues } from './describe-issues.js';

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; code: string; message: string; inReplyTo: string | null };

const KNOWN_TYPES: readonly string[] = ClientFrameSchema.options.map((o) => o.shape.type.value);

const fail = (code: string, message: string, inReplyTo: string | null = null): ParsedFrame => ({ ok: false, code, message, inReplyTo });

export function parseClientFrame(data: unknown, maxAnswerChars: number): ParsedFrame {
  if (typeof data !== 'string') return fail('binary_not_supported', 'send each frame as JSON text; binary frames are not accepted');
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (error) {
    return fail('invalid_json', `the frame is not valid JSON (${(error as Error).message}); send one JSON object per frame`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof (json as { type?: unknown }).type !== 'string') {
    return fail('invalid_frame', 'a frame is a JSON object with a string "type", such as {"type":"session.start"}');
  }
  const type = (json as { type: string }).type;
  if (!KNOWN_TYPES.includes(type)) {
    return fail('unknown_type', `unknown frame type "${type.slice(0, 40)}"; the types are ${KNOWN_TYPES.join(', ')}`);
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (!parsed.success) return fail('invalid_frame', `${type}: ${describeIssues(parsed.error.issues, 'frame')}`, type);
  const frame = parsed.data;
  if (frame.type === 'answer.submit' && frame.text.length > maxAnswerChars) {
    return fail('answer_too_long', `the answer has ${frame.text.length} characters and the limit is ${maxAnswerChars}; shorten it and send it again`, type);
  }
  return { ok: true, frame };
}
