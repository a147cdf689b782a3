// The scripted model of the turn benchmark in its own process, so the load generator (this
// process, with its hundreds of WebSocket clients) does not also have to play the model. The child
// prints its URLs; its calls come back over HTTP, their times moved onto this process's clock.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTurnModel, type ModelCall } from './turn-model.js';

export interface TurnModelProcess {
  url: string;
  pid: number;
  /** Every call so far, with start and end on this process's performance.now() clock. */
  calls(): Promise<ModelCall[]>;
  stop(): Promise<void>;
}

export function startTurnModelProcess(): Promise<TurnModelProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the scripted model did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /model (\S+) calls (\S+)/.exec(out);
      if (!m || child.pid === undefined) return;
      clearTimeout(timer);
      const [, url, callsUrl] = m as unknown as [string, string, string];
      resolve({
        url,
        pid: child.pid,
        calls: async () => {
          const shift = performance.timeOrigin;
          const calls = (await (await fetch(callsUrl)).json()) as ModelCall[];
          return calls.map((c) => ({ ...c, start: c.start - shift, end: c.end - shift }));
        },
        stop: () => (child.kill('SIGTERM'), exited),
      });
    });
    child.once('error', reject);
  });
}

async function child(): Promise<void> {
  const model = await startTurnModel();
  const origin = performance.timeOrigin;
  const side = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(model.calls.map((c) => ({ ...c, start: c.start + origin, end: c.end + origin }))));
  });
  await new Promise<void>((resolve) => side.listen(0, '127.0.0.1', resolve));
  console.log(`model ${model.server.url} calls http://127.0.0.1:${(side.address() as AddressInfo).port}/`);
  process.on('SIGTERM', () => void model.close().then(() => process.exit(0)));
}

if (process.argv.includes('--child')) await child();
