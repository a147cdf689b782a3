// The scripted model of the relay benchmark: every interviewer line is a fixed run of plain words
// behind a code word naming the request, streamed at a fixed pace; judge and decide calls answer
// at once. The server writes down when it sends each token, so each line.delta a client receives
// can be timed from the token that released it.
import { honestJudgement, callKind } from '../../adapters/llm/llm-fixtures.js';
import { reply, startScriptedOpenAiServer, type ScriptedServer } from '../../support/scripted-openai-server.js';

/** Plain words, no digits or names: nothing the line guard would stop, nothing held but its window. */
const FILLER =
  'thanks for walking me through that so tell me a little more about how you would check that it works in practice and what you would watch for when it starts to go wrong for real users?';

/** A letters-only word unique to request `n`. */
const codeOf = (n: number): string => `zq${[...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}`;

export interface TokenWrite {
  index: number;
  text: string;
  at: number;
}

export interface RelayModel {
  server: ScriptedServer;
  /** The tokens written for each line request, by the request's code word. */
  writes: Map<string, TokenWrite[]>;
  close(): Promise<void>;
}

export async function startRelayModel(tokenDelayMs: number): Promise<RelayModel> {
  const writes = new Map<string, TokenWrite[]>();
  const codes = new Map<number, string>();
  const starts = new Map<number, number>();
  let lines = 0;
  const server = await startScriptedOpenAiServer(
    (request, index) => {
      switch (callKind(request)) {
        case 'judge':
          return honestJudgement(request);
        case 'decide':
          return reply.json({ action: 'follow-up', target: 'depth', reason: 'Scripted: push for depth.' });
        case 'line':
        case 'turn': {
          const code = codeOf(lines++);
          codes.set(index, code);
          writes.set(code, []);
          return reply.text(`${code} ${FILLER}`);
        }
      }
    },
    {
      tokenDelayMs,
      onToken: (t) => {
        const code = codes.get(t.request);
        if (!code) return;
        // A turn call streams its judgement before the line: the line starts at its code word.
        if (!starts.has(t.request) && t.text.includes(code)) starts.set(t.request, t.index);
        const start = starts.get(t.request);
        if (start !== undefined) writes.get(code)?.push({ index: t.index - start, text: t.text, at: t.at });
      },
    },
  );
  return {
    server,
    writes,
    close: async () => {
      server.requests.length = 0;
      await server.close();
    },
  };
}
