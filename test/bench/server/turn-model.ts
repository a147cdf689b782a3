// The scripted model of the LLM turn benchmark: every call answers after a fixed 50 ms to first
// token with a fixed reply (judge, decide, judge+decide, or a line streamed token by token). It
// keeps each request's interval (handler start to last byte written) and what ties it to a turn:
// the candidate's turn marker in the prompt, or the code word that opens each line it streams.
import { honestJudgement, callKind } from '../../adapters/llm/llm-fixtures.js';
import { reply, startScriptedOpenAiServer, type ScriptedReply, type ScriptedServer, type SeenRequest } from '../../support/scripted-openai-server.js';

export const FIRST_TOKEN_MS = 50;

const FILLER = 'thanks for walking me through that so tell me a little more about how you would check that it works in practice?';

/** Letters-only word for `n` in a-p (base 16), behind a prefix. */
export const lettersOf = (n: number): string => [...n.toString(16)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
export const lineCode = (n: number): string => `zr${lettersOf(n)}`;
/** A turn marker the candidate appends to an answer: session and turn, letters only. */
export const turnMarker = (session: number, turn: number): string => `zq${lettersOf(session)}x${lettersOf(turn)}`;
const MARKER = /zq[a-p]+x[a-p]+/g;

export interface ModelCall {
  kind: string;
  start: number;
  end: number;
  /** Turn markers in the prompt; the call belongs to the last one the candidate sent. */
  markers: string[];
  /** The code word opening a streamed line. */
  code?: string;
}

export interface TurnModel {
  server: ScriptedServer;
  calls: ModelCall[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** json_schema name "assessment": the judge and decide call merged (Probe's merged call). */
function assessment(request: SeenRequest): ScriptedReply {
  const judged = honestJudgement(request);
  const base = judged.type === 'text' ? (JSON.parse(judged.text) as object) : {};
  return reply.json({ ...base, decision: { action: 'follow-up', target: 'depth', reason: 'Scripted: push for depth.' } });
}

function kindOf(request: SeenRequest): string {
  if (request.body.response_format?.json_schema?.name === 'assessment') return 'assessment';
  return callKind(request);
}

const isTurnPart = (request: SeenRequest) => request.part !== undefined;

export async function startTurnModel(): Promise<TurnModel> {
  const calls: ModelCall[] = [];
  const open = new Map<number, ModelCall>();
  let lines = 0;
  const answer = (kind: string, request: SeenRequest, call: ModelCall, index: number): ScriptedReply => {
    switch (kind) {
      case 'assessment':
        return assessment(request);
      case 'judge':
        return honestJudgement(request);
      case 'decide':
        return reply.json({ action: 'follow-up', target: 'depth', reason: 'Scripted: push for depth.' });
      default:
        call.code = lineCode(lines++);
        open.set(index, call);
        return reply.text(`${call.code} ${FILLER}`);
    }
  };
  // One turn call reaches the handler as its parts (judge, decide, line): one ModelCall for all of them.
  const turns = new Map<number, ModelCall>();
  const server = await startScriptedOpenAiServer(
    async (request, index) => {
      const turn = turns.get(index);
      if (turn && isTurnPart(request)) {
        const result = answer(kindOf(request), request, turn, index);
        if (request.part === 'line') {
          turns.delete(index);
          if (request.whole) request.whole.body.messages = [];
        }
        return result;
      }
      const start = performance.now();
      const kind = kindOf(request);
      const text = request.body.messages.map((m) => m.content).join('\n');
      const call: ModelCall = { kind: isTurnPart(request) ? 'turn' : kind, start, end: start, markers: text.match(MARKER) ?? [] };
      calls.push(call);
      if (isTurnPart(request)) turns.set(index, call);
      await sleep(FIRST_TOKEN_MS);
      call.end = performance.now();
      const result = answer(kind, request, call, index);
      // The server keeps every request; at 200 candidates their prompts would grow by megabytes a second.
      request.body.messages = [];
      return result;
    },
    {
      tokenDelayMs: 0,
      onToken: (t) => {
        const call = open.get(t.request);
        if (call) call.end = t.at;
      },
    },
  );
  return {
    server,
    calls,
    close: async () => {
      server.requests.length = 0;
      await server.close();
    },
  };
}
