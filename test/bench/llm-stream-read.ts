// CPU per streamed call: reading a turn-sized streamed reply with the openai SDK's own iterator
// against sse-chunks.ts (the request goes through the SDK either way). The scripted endpoint runs in
// this process too, so both sides include its cost; the difference is the reader's.
// Run: npx tsx test/bench/llm-stream-read.ts [calls per rep, default 200]
import OpenAI from 'openai';
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
const body = { model: 'm', messages: [{ role: 'user' as const, content: 'a prompt of about eleven kilobytes '.repeat(330) }], stream: true as const, stream_options: { include_usage: true } };

async function sdk(): Promise<string> {
  let out = '';
  for await (const chunk of await client.chat.completions.create(body)) out += chunk.choices?.[0]?.delta?.content ?? '';
  return out;
}

async function shipped(): Promise<string> {
  const chunks = readChunks(await client.chat.completions.create(body).asResponse());
  let out = '';
  for (let batch = await chunks.next(); batch; batch = await chunks.next()) for (const chunk of batch) out += chunk.choices?.[0]?.delta?.content ?? '';
  return out;
}

const calls = Number(process.argv[2] ?? 200);
for (let i = 0; i < 50; i++) await Promise.all([sdk(), shipped()]);
if ((await sdk()) !== text || (await shipped()) !== text) throw new Error('the two readers disagree on the reply');
const cpu: Record<'sdk' | 'shipped', number[]> = { sdk: [], shipped: [] };
for (let rep = 0; rep < 6; rep++) {
  for (const [name, read] of [['sdk', sdk], ['shipped', shipped]] as const) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await read();
    const used = process.cpuUsage(start);
    cpu[name].push((used.user + used.system) / calls / 1000);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
console.log(`CPU per streamed call (median of 6 interleaved reps of ${calls}): SDK iterator ${median(cpu.sdk).toFixed(3)} ms, sse-chunks.ts ${median(cpu.shipped).toFixed(3)} ms`);
server.requests.length = 0;
await server.close();
