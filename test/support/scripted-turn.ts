// Probe's turn call (one streamed reply: the judgement and decision as a JSON object, then the line)
// as the scripted server answers it: split into the calls it replaces (judge, decide, line), each
// asked of the test's handler as if it were its own request, and the answers joined into one stream.
// Handlers written for separate calls thus script the one call too; `part` tells them apart.
import { reply, tokensOf, type ScriptedHandler, type ScriptedReply, type SeenRequest } from './scripted-openai-server.js';

/** Opens prompts/turn-line.md: the request asks for the line after the JSON object. */
export const TURN_MARK = 'In this reply you also speak next';
/** Opens the closing part of the line message on the plan's last question (prompts/turn-close.md). */
export const CLOSE_MARK = 'If you move on, the interview is over';
const says = (request: SeenRequest, mark: string) => (request.whole ?? request).body.messages.some((m) => String(m.content).includes(mark));

/** True for a turn request (or one of its parts) on the plan's last question: a move on closes the interview. */
export const onLastQuestion = (request: SeenRequest): boolean => says(request, CLOSE_MARK);

/**
 * True for the line part of a turn request that must be the closing: on the last question, with no
 * decision to make (no follow-up left) or a decision to move on.
 */
export const asksForClosing = (request: SeenRequest): boolean =>
  onLastQuestion(request) && (!says(request, DECISION_MARK) || (request.decided as { action?: string } | undefined)?.action === 'next');
/** Opens the decision part (prompts/assess-decision.md). */
const DECISION_MARK = 'must decide your next move in the same reply';

export const isTurnRequest = (request: SeenRequest): boolean =>
  Boolean(request.body.stream) && request.body.messages.some((m) => String(m.content).includes(TURN_MARK));

const structured = (request: SeenRequest, name: string, messages: SeenRequest['body']['messages'], part: 'judge' | 'decide'): SeenRequest => {
  const { stream: _s, stream_options: _o, ...body } = request.body;
  return { ...request, part, whole: request, body: { ...body, messages, response_format: { type: 'json_schema', json_schema: { name, strict: true, schema: {} } } } };
};

/** The separate requests a turn request stands for. */
export function turnParts(request: SeenRequest): { judge: SeenRequest; decide?: SeenRequest; line: SeenRequest } {
  const messages = request.body.messages;
  const decision = messages.find((m) => String(m.content).includes(DECISION_MARK));
  const lineMessage = messages.find((m) => String(m.content).includes(TURN_MARK));
  const { response_format: _f, ...body } = request.body;
  return {
    judge: structured(request, 'judgement', messages.slice(0, 2), 'judge'),
    ...(decision ? { decide: structured(request, 'decision', [decision], 'decide') } : {}),
    line: { ...request, part: 'line', whole: request, body: { ...body, stream: true, messages: lineMessage ? [lineMessage] : [] } },
  };
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Asks `handler` for each part and joins the answers; a part that is not text decides the whole reply (the line's only the line). */
export async function turnReply(handler: ScriptedHandler, request: SeenRequest, index: number): Promise<ScriptedReply> {
  const parts = turnParts(request);
  const judged = await handler(parts.judge, index);
  if (judged.type !== 'text') return judged;
  const object = parse(judged.text);
  // Not JSON: the reply is that text alone, as a model that broke the format would send it.
  if (!object || typeof object !== 'object') return { ...judged };
  if (parts.decide) {
    const decided = await handler(parts.decide, index);
    if (decided.type !== 'text') return decided;
    (object as Record<string, unknown>).decision = parse(decided.text);
  }
  const header = `${JSON.stringify(object)}\n`;
  const headerTokens = tokensOf(header).length;
  const line = await handler({ ...parts.line, decided: (object as Record<string, unknown>).decision }, index);
  // A line that fails (status, stall...) fails after the judgement: the stream is cut there.
  if (line.type !== 'text') return reply.text(`${header}...`, { cut: { afterTokens: headerTokens, how: 'destroy' } });
  return {
    ...judged,
    ...(line.tokenDelayMs !== undefined ? { tokenDelayMs: line.tokenDelayMs } : {}),
    ...(line.finishReason && !judged.finishReason ? { finishReason: line.finishReason } : {}),
    ...(line.cut ? { cut: { afterTokens: line.cut.afterTokens + headerTokens, how: line.cut.how } } : {}),
    ...(line.stallAfterTokens !== undefined ? { stallAfterTokens: line.stallAfterTokens + headerTokens } : {}),
    text: `${header}${line.text}`,
  };
}
