// Runs `probe serve` as a child process (the real CLI, as `npm start` does) and reads the URL it
// prints, for tests that kill or restart the server. It runs in its own process group (see
// process-group.ts), killed whatever way the test ends.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnGroup, type Exit } from './process-group.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code (or the signal) once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** `cwd` defaults to the temp folder, so a developer's .env in the repository is not read. */
export function spawnServer(options: { dbPath: string; env?: Record<string, string>; args?: string[]; cwd?: string; timeoutMs?: number }): Promise<SpawnedServer> {
  const group = spawnGroup(process.execPath, [BIN, 'serve', ...(options.args ?? [])], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PROBE_DB_PATH: options.dbPath, PROBE_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { child, exited } = group;
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the server did not print its URL in time')), options.timeoutMs ?? 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void group.stop('SIGKILL');
      reject(new Error(`${error.message}\n--- output ---\n${out}`));
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Probe is listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        child,
        output: () => out,
        stop: group.stop,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', fail);
    void exited.then(({ code, signal }) => fail(new Error(`the server exited early (code ${code}, signal ${signal})`)));
  });
}
