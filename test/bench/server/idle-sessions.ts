// Memory per idle session: a fresh server opens N sessions, each started, its first question sent,
// its socket open and waiting for an answer. Resident memory (from /proc) and live JS heap (after a
// forced full GC, through the inspector) are read before and after; the growth is divided by N.
import { BenchSocket } from '../harness/bench-socket.js';
import { connectInspector, inspectorUrl } from '../harness/inspector.js';
import { startProbeProcess } from '../harness/probe-process.js';
import { createSession, socketUrl } from '../harness/session-api.js';
import { tempDir } from '../../support/temp-dir.js';

export interface IdleResult {
  sessions: number;
  opened: number;
  rssPerSession: number;
  heapPerSession: number;
  rssBefore: number;
  rssAfter: number;
  openSeconds: number;
  errors: string[];
}

const PLAN = { questionCount: 8, maxFollowUps: 2 };

async function openSessions(url: string, count: number, from: number, errors: string[]): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  const open = async (i: number) => {
    try {
      const session = await createSession(url, { ...PLAN, seed: from + i });
      const socket = await BenchSocket.open(socketUrl(url, session));
      socket.send({ type: 'session.start' });
      await socket.next((f) => f.type === 'line' && f.kind === 'question', 60_000, 'the first question');
      sockets.push(socket);
    } catch (error) {
      if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
    }
  };
  // 25 at a time: sessions are opened the way clients arrive, not all in the same millisecond.
  for (let i = 0; i < count; i += 25) await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, k) => open(i + k)));
  return sockets;
}

export async function measureIdleSessions(count: number): Promise<IdleResult> {
  const dir = tempDir('probe-bench-idle-');
  const probe = await startProbeProcess({ dbPath: dir.file('probe.db'), nodeArgs: ['--inspect=127.0.0.1:0'] });
  const url = inspectorUrl(probe.output());
  if (!url) throw new Error(`no inspector URL in the server's output:\n${probe.output()}`);
  const inspector = await connectInspector(url);
  const errors: string[] = [];
  try {
    // Warm up: the first sessions load code and fill caches every later session shares.
    for (const s of await openSessions(probe.url, Math.min(20, count), 1_000_000, errors)) await s.close();
    const measure = async () => {
      await inspector.collectGarbage();
      return { heap: await inspector.heapUsed(), rss: probe.sample().rssBytes };
    };
    const before = await measure();
    const t0 = performance.now();
    const sockets = await openSessions(probe.url, count, 0, errors);
    const openSeconds = (performance.now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await measure();
    await Promise.all(sockets.map((s) => s.close()));
    const n = Math.max(1, sockets.length);
    return {
      sessions: count,
      opened: sockets.length,
      rssPerSession: (after.rss - before.rss) / n,
      heapPerSession: (after.heap - before.heap) / n,
      rssBefore: before.rss,
      rssAfter: after.rss,
      openSeconds,
      errors,
    };
  } finally {
    inspector.close();
    await probe.stop('SIGTERM');
    dir.remove();
  }
}
