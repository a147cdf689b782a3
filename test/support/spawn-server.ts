// Runs `probe serve` as a child process (the real CLI, as `npm start` does) and reads the URL it
// prints, for tests that kill or restart the server.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code (or the signal) once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `cwd` defaults to the temp folder, so a developer's .env in the repository is not read. */
export function spawnServer(options: { dbPath: string; env?: Record<string, string>; args?: string[]; cwd?: string; timeoutMs?: number }): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [BIN, 'serve', ...(options.args ?? [])], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PROBE_DB_PATH: options.dbPath, PROBE_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the server did not print its URL in time')), options.timeoutMs ?? 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
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
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', fail);
    void exited.then(({ code, signal }) => fail(new Error(`the server exited early (code ${code}, signal ${signal})`)));
  });
}
