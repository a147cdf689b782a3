// The round-trip floor: a bare `ws` server that echoes every text frame, run as its own process
// (`node --import tsx test/bench/server/echo-server.ts`). Prints "echo listening on <port>".
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 * 1024 });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const address = wss.address();
  process.stdout.write(`echo listening on ${typeof address === 'string' ? address : address?.port}\n`);
});
