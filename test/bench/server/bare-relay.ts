// The relay floor: a bare process that, for each WebSocket request, streams a completion from the
// scripted model with plain fetch and forwards every content delta as its own text frame, then
// "\u0000done". Run as its own process (`node --import tsx test/bench/server/bare-relay.ts`);
// prints "relay listening on <port>". Probe's relay is compared with this one in the same run.
import { WebSocketServer } from 'ws';

async function relay(send: (text: string) => void, baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'floor', messages: [{ role: 'user', content: 'floor' }], stream: true }),
  });
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const content = (JSON.parse(event.slice(6)) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
      if (content) send(content);
    }
  }
}

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const { url } = JSON.parse(data.toString()) as { url: string };
    relay((text) => ws.send(text), url)
      .catch((error: unknown) => ws.send(`\u0000error ${String(error)}`))
      .finally(() => ws.send('\u0000done'));
  });
});
wss.on('listening', () => {
  const address = wss.address();
  process.stdout.write(`relay listening on ${typeof address === 'string' ? address : address?.port}\n`);
});
