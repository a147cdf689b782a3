// Starts the floor servers as child processes (the echo server, echo-server.ts, and the bare relay,
// bare-relay.ts) and runs their workloads: the same client code and pacing as the interviews.
import { fileURLToPath } from 'node:url';
import { spawnGroup } from '../../support/process-group.js';
import { BenchSocket } from '../harness/bench-socket.js';
import type { UserContext } from '../harness/virtual-users.js';
import type { TokenWrite } from './relay-model.js';

export interface FloorProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function startFloor(file: string, banner: RegExp): Promise<FloorProcess> {
  const entry = fileURLToPath(new URL(file, import.meta.url));
  // Its own process group (tsx's esbuild service included), killed however the run ends.
  const group = spawnGroup(process.execPath, ['--import', 'tsx', entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { child } = group;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void group.stop('SIGKILL');
      reject(new Error(`${file} did not start`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = banner.exec(out)?.[1];
      if (!port || child.pid === undefined) return;
      clearTimeout(timer);
      resolve({ url: `ws://127.0.0.1:${port}`, pid: child.pid, stop: async () => void (await group.stop('SIGTERM')) });
    });
    child.once('error', reject);
  });
}

export const startEchoProcess = (): Promise<FloorProcess> => startFloor('./echo-server.ts', /echo listening on (\d+)/);
export const startBareRelay = (): Promise<FloorProcess> => startFloor('./bare-relay.ts', /relay listening on (\d+)/);

/** Sends answer-sized frames on one socket at the users' pace and times each echo. */
export async function echoUser(ctx: UserContext, url: string, frames: readonly string[], timeoutMs: number): Promise<void> {
  const socket = await BenchSocket.open(url, { raw: true }, timeoutMs);
  try {
    for (let turn = 0; ; turn += 1) {
      await ctx.think();
      if (performance.now() >= ctx.deadline) return;
      const sent = socket.send(frames[(ctx.index + turn) % frames.length] as string);
      const reply = await socket.next(() => true, timeoutMs, 'the echo');
      ctx.record({ at: sent, latencyMs: reply.at - sent });
    }
  } catch (error) {
    ctx.error('echo failed', error);
  } finally {
    await socket.close();
  }
}

const rawText = (frame: unknown): string => (frame as { text: string }).text;

/**
 * Asks the bare relay for one streamed line per turn, at the users' pace, and records each token's
 * time from the scripted model's write to its arrival here (`tokens`), like Probe's relay samples.
 */
export async function bareRelayUser(ctx: UserContext, url: string, modelUrl: string, writes: Map<string, TokenWrite[]>, tokens: { at: number; ms: number }[]): Promise<void> {
  const socket = await BenchSocket.open(url, { raw: true }, 30_000);
  try {
    while (performance.now() < ctx.deadline) {
      await ctx.think();
      const sent = socket.send(JSON.stringify({ url: modelUrl }));
      const arrivals: { text: string; at: number }[] = [];
      for (;;) {
        const { frame, at } = await socket.next(() => true, 30_000, 'a relayed token');
        const text = rawText(frame);
        if (text === '\u0000done') break;
        if (text.startsWith('\u0000error')) throw new Error(text.slice(1));
        arrivals.push({ text, at });
      }
      const written = writes.get(arrivals[0]?.text.trim() ?? '') ?? [];
      arrivals.forEach((a, i) => {
        const w = written[i];
        if (w && w.text === a.text) tokens.push({ at: a.at, ms: a.at - w.at });
      });
      ctx.record({ at: sent, latencyMs: (arrivals.at(-1)?.at ?? sent) - sent });
    }
  } catch (error) {
    ctx.error('bare relay failed', error);
  } finally {
    await socket.close();
  }
}
