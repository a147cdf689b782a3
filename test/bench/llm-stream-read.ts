// CPU per streamed call: reading a turn-sized streamed reply with the openai SDK's own iterator
// against sse-chunks.ts (the request goes through the SDK either way), and sse-chunks.ts with the
// client's fetch as Probe ships it (lean-fetch.ts: undici's request API) instead of Node's fetch. The
// scripted endpoint runs in this process too, so every variant includes its cost; the differences are
// the reader's and the fetch's.
// Run: npx tsx test/bench/llm-stream-read.ts [calls per rep, default 200]
import OpenAI from 'openai';
import { createLeanFetch } from '../../src/adapters/llm/lean-fetch.js';
import { readChunks } from '../../src/adapters/llm/sse-chunks.js';
import { reply, startScriptedOpenAiServer } from '../support/scripted-openai-server.js';

// A turn call's reply: the judgement and decision as one JSON object, then the line.
const header = JSON.stringify({
  keyPoints: [
    { id: 'a', status: 'covered', quotes: ['one two three four five six'] },
    { id: 'b', status: 'missed', quotes: [] },
    { id: 'c', status: 'missed', quotes: [] },
  ],
  criteria: ['accuracy', 'depth', 'clarity'].map((id) => ({ id, level: 2, reason: 'Scripted.' })),
  decision: { action: 'follow-up', target: 'depth', reason: 'Scripted: push for depth.' },
});
const text = `${header}\nthanks for walking me through that so tell me a little more about how you would check that it works in practice?`;
const server = await startScriptedOpenAiServer(() => reply.text(text), { tokenDelayMs: 0 });
const client = new OpenAI({ apiKey: 'no-key', baseURL: server.url, maxRetries: 0 });
const leanClient = new OpenAI({ apiKey: 'no-key', baseURL: server.url, maxRetries: 0, fetch: createLeanFetch() });
const body = { model: 'm', messages: [{ role: 'user' as const, content: 'a prompt of about eleven kilobytes '.repeat(330) }], stream: true as const, stream_options: { include_usage: true } };

async function sdk(): Promise<string> {
  let out = '';
  for await (const chunk of await client.chat.completions.create(body)) out += chunk.choices?.[0]?.delta?.content ?? '';
  return out;
}

async function reader(): Promise<string> {
  return readAll(client);
}

async function shipped(): Promise<string> {
  return readAll(leanClient);
}

async function readAll(via: OpenAI): Promise<string> {
  const chunks = readChunks(await via.chat.completions.create(body).asResponse());
  let out = '';
  for (let batch = await chunks.next(); batch; batch = await chunks.next()) for (const chunk of batch) out += chunk.choices?.[0]?.delta?.content ?? '';
  return out;
}

const calls = Number(process.argv[2] ?? 200);
for (let i = 0; i < 50; i++) await Promise.all([sdk(), reader(), shipped()]);
if ((await sdk()) !== text || (await reader()) !== text || (await shipped()) !== text) throw new Error('the readers disagree on the reply');
const cpu: Record<'sdk' | 'reader' | 'shipped', number[]> = { sdk: [], reader: [], shipped: [] };
for (let rep = 0; rep < 6; rep++) {
  for (const [name, read] of [['sdk', sdk], ['reader', reader], ['shipped', shipped]] as const) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await read();
    const used = process.cpuUsage(start);
    cpu[name].push((used.user + used.system) / calls / 1000);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
console.log(
  `CPU per streamed call (median of 6 interleaved reps of ${calls}): SDK iterator ${median(cpu.sdk).toFixed(3)} ms, sse-chunks.ts ${median(cpu.reader).toFixed(3)} ms, ` +
    `sse-chunks.ts with lean-fetch.ts (as shipped) ${median(cpu.shipped).toFixed(3)} ms`,
);
server.requests.length = 0;
await server.close();
