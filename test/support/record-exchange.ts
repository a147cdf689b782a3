// Records a real protocol exchange for docs/protocol.md: starts a server on a temp database, plays
// a drill session (start, hint, answers, follow-up, feedback, an error, a dropped connection and
// resume, skip, end), and prints every frame in order. Run: npx tsx test/support/record-exchange.ts
import type { CreateSessionBody } from '../../src/protocol/http.js';
import type { ClientFrame } from '../../src/protocol/ws-frames.js';
import { nextPrompt } from './interview-driver.js';
import { startTestServer } from './start-test-server.js';
import type { TestSocket } from './ws-client.js';

const lines: string[] = [];
const show = (who: string, value: unknown) => lines.push(`${who} ${typeof value === 'string' ? value : JSON.stringify(value)}`);

async function main(): Promise<void> {
  const server = await startTestServer();
  const body: CreateSessionBody = { mode: 'drill', questionCount: 3, maxFollowUps: 1, topics: ['gans'], includeBehavioral: false, seed: 7 };
  show('POST /api/sessions', body);
  const session = await server.createSession(body);
  show('201', { ...session, token: '<token>' });
  let socket = await server.connect(session.id, session.token);
  let seen = 0;
  const flush = (s: TestSocket) => {
    for (const f of s.frames.slice(seen)) show('S:', f);
    seen = s.frames.length;
  };
  const send = (s: TestSocket, frame: ClientFrame | string) => {
    flush(s);
    show('C:', typeof frame === 'string' ? frame : frame);
    s.send(frame);
  };

  show('--', `open ws /api/sessions/${session.id}/ws?token=<token>`);
  send(socket, { type: 'session.start' });
  await nextPrompt(socket);
  send(socket, { type: 'hint.request' });
  await socket.next('line', (l) => l.kind === 'hint');
  send(socket, { type: 'answer.submit', text: 'The generator maps random noise to samples and the discriminator learns to tell real from fake.', clientId: 'a-1' });
  await socket.next('answer.ack');
  await nextPrompt(socket);
  send(socket, { type: 'answer.submit', text: 'They play a minimax game: the discriminator maximizes its accuracy, the generator minimizes it.', clientId: 'a-2' });
  await socket.next('answer.ack');
  await nextPrompt(socket);
  send(socket, '{"type":"answer.submit","text":42}');
  await socket.next('error');
  flush(socket);
  const lastSeq = Math.max(...socket.frames.flatMap((f) => ('seq' in f ? [f.seq] : [])));
  const resumeFrom = lastSeq - 3;
  show('--', `connection dropped; the client had seen up to seq ${resumeFrom} and reconnects`);
  socket.ws.terminate();
  await socket.closed;
  socket = await server.connect(session.id, session.token);
  seen = 0;
  send(socket, { type: 'session.resume', lastSeq: resumeFrom });
  await socket.next('session.state');
  send(socket, { type: 'question.skip' });
  await nextPrompt(socket);
  send(socket, { type: 'session.end' });
  await socket.next('report.ready');
  flush(socket);
  await socket.close();
  await server.close();
  console.log(lines.join('\n'));
}

await main();
