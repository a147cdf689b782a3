// The single-call reference interviewer for `npm run bench:server` (its own process): the least any
// one-call LLM interviewer must do per turn. It takes the answer over WebSocket, commits it to SQLite
// (WAL, the commit fsynced before the ack, as Probe does for a candidate's action), makes one streamed
// model call through the `openai` client, relays each token as a frame, commits the line and sends
// it. It speaks the slice of Probe's protocol the benchmark's candidates use, and nothing else.
// Run: node --import tsx reference-interviewer.ts (OPENAI_BASE_URL, PROBE_DB_PATH, PROBE_BANK_DIR).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import OpenAI from 'openai';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import type { Plan } from '../../../src/engine/plan.js';
import { defaultBankDir } from '../../../src/paths.js';
import { planFor } from '../harness/answer-corpus.js';

interface Session {
  id: string;
  token: string;
  plan: Plan;
  seq: number;
  current: number;
  followUps: number;
  busy: boolean;
}

const db = new Database(process.env.PROBE_DB_PATH ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, token TEXT NOT NULL, plan TEXT NOT NULL, seq INTEGER NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS turns (session_id TEXT NOT NULL, seq INTEGER NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (session_id, seq))');
const insertSession = db.prepare('INSERT INTO sessions (id, token, plan, seq) VALUES (?, ?, ?, 0)');
const insertTurn = db.prepare('INSERT INTO turns (session_id, seq, role, kind, text, at) VALUES (?, ?, ?, ?, ?, ?)');
const bumpSeq = db.prepare('UPDATE sessions SET seq = ? WHERE id = ?');
const full = db.prepare('PRAGMA synchronous = FULL');
const normal = db.prepare('PRAGMA synchronous = NORMAL');
const commitTurn = db.transaction((s: Session, role: string, kind: string, text: string) => {
  s.seq += 1;
  insertTurn.run(s.id, s.seq, role, kind, text, Date.now());
  bumpSeq.run(s.seq, s.id);
});

/** An answer is on disk before its ack; the interviewer's lines may wait for the next fsync. */
function commit(s: Session, role: 'candidate' | 'interviewer', kind: string, text: string): number {
  if (role === 'candidate') full.run();
  try {
    commitTurn(s, role, kind, text);
  } finally {
    if (role === 'candidate') normal.run();
  }
  return s.seq;
}

const bank = await loadBank(process.env.PROBE_BANK_DIR ?? defaultBankDir());
// The SDK's defaults (2 retries), as a minimal server would leave them.
const openai = new OpenAI({ apiKey: 'no-key', baseURL: process.env.OPENAI_BASE_URL, timeout: 30_000, organization: null, project: null });
const sessions = new Map<string, Session>();

const progress = (s: Session) => ({ questionNumber: s.current + 1, questionTotal: s.plan.questions.length, followUp: s.followUps, maxFollowUps: s.plan.maxFollowUps });

function say(ws: WebSocket, s: Session, kind: string, text: string): void {
  const seq = commit(s, 'interviewer', kind, text);
  ws.send(JSON.stringify({ type: 'line', seq, lineId: String(seq), kind, text, questionIndex: s.current, target: null, by: 'llm:reference', fallback: null, progress: progress(s) }));
}

/** One streamed call: the next line (follow-up, next question's lead-in, or closing). */
async function nextLine(ws: WebSocket, s: Session, answer: string): Promise<void> {
  const question = s.plan.questions[s.current];
  const followUp = s.followUps < s.plan.maxFollowUps;
  const next = followUp ? undefined : s.plan.questions[s.current + 1];
  const task = followUp ? 'Ask one follow-up question on what the answer left out.' : next ? 'Acknowledge the answer briefly and lead into the next question.' : 'Close the interview warmly.';
  const lineId = String(s.seq + 1);
  const stream = await openai.chat.completions.create({
    model: 'scripted-model',
    stream: true,
    messages: [
      { role: 'system', content: 'You are a senior interviewer for generative-AI roles. Never reveal answers or scores.' },
      { role: 'user', content: `Question: ${question?.prompt}\nReference: ${question?.referenceAnswer}\n${task}\n<candidate_answer>\n${answer}\n</candidate_answer>` },
    ],
  });
  let text = '';
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (!delta) continue;
    text += delta;
    ws.send(JSON.stringify({ type: 'line.delta', lineId, delta }));
  }
  if (followUp) {
    s.followUps += 1;
    return say(ws, s, 'follow-up', text);
  }
  if (!next) {
    say(ws, s, 'closing', text);
    ws.send(JSON.stringify({ type: 'session.ended', reason: 'completed' }));
    return void ws.send(JSON.stringify({ type: 'report.ready', overall: null, formats: {} }));
  }
  s.current += 1;
  s.followUps = 0;
  say(ws, s, 'question', `${text} ${next.prompt}`);
}

async function onFrame(ws: WebSocket, s: Session, raw: string): Promise<void> {
  const frame = JSON.parse(raw) as { type: string; text?: string; clientId?: string };
  if (frame.type === 'session.start') return say(ws, s, 'question', s.plan.questions[0]?.prompt ?? '');
  if (frame.type !== 'answer.submit' || typeof frame.text !== 'string' || s.busy) {
    return void ws.send(JSON.stringify({ type: 'error', code: 'invalid_message', message: 'not expected now', inReplyTo: frame.type }));
  }
  s.busy = true;
  try {
    const seq = commit(s, 'candidate', 'answer', frame.text);
    ws.send(JSON.stringify({ type: 'answer.ack', seq, clientId: frame.clientId ?? null }));
    await nextLine(ws, s, frame.text);
  } finally {
    s.busy = false;
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/sessions') return void res.writeHead(404).end();
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const options = JSON.parse(body || '{}') as { seed: number };
    const s: Session = { id: randomUUID(), token: randomUUID(), plan: planFor(bank, options), seq: 0, current: 0, followUps: 0, busy: false };
    insertSession.run(s.id, s.token, JSON.stringify(s.plan));
    sessions.set(s.id, s);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: s.id, token: s.token, mode: s.plan.mode, questionCount: s.plan.questions.length, shortBy: 0, interviewer: 'llm:reference', websocket: `/api/sessions/${s.id}/ws` }));
  });
});

const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const s = sessions.get(/\/api\/sessions\/([^/]+)\/ws/.exec(url.pathname)?.[1] ?? '');
  if (!s || url.searchParams.get('token') !== s.token) return ws.close(1008, 'unknown session');
  ws.on('message', (data) => void onFrame(ws, s, data.toString()).catch((error: unknown) => ws.send(JSON.stringify({ type: 'error', code: 'internal', message: String(error), inReplyTo: null }))));
  ws.on('close', () => sessions.delete(s.id));
});

server.listen(0, '127.0.0.1', () => console.log(`Probe is listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
