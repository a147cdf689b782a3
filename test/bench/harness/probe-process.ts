// The Probe server under test, in its own process (`probe serve`, as `npm start` runs it), so its
// CPU and memory can be read from /proc while the load generator runs here. `nodeArgs` lets a run
// profile it (--cpu-prof is refused in NODE_OPTIONS, so it goes on the command line).
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnGroup, type Exit } from '../../support/process-group.js';
import { sampleProcess, type ProcSample } from './proc-stats.js';

const BIN = fileURLToPath(new URL('../../../src/cli/bin.js', import.meta.url));

export interface ProbeProcessOptions {
  dbPath: string;
  env?: Record<string, string>;
  args?: string[];
  nodeArgs?: string[];
}

export interface ProbeProcess {
  url: string;
  pid: number;
  /** What the process wrote to stdout and stderr (its warnings), capped. */
  output(): string;
  sample(): ProcSample;
  /** Sends a signal and resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** No throttling: the load generator sends from one machine as fast as the benchmark asks. */
export const UNTHROTTLED = { PROBE_RATE_LIMIT_PER_SEC: '10000', PROBE_RATE_LIMIT_BURST: '10000', PROBE_SESSION_CREATE_PER_MIN: '100000', PROBE_SESSION_CREATE_BURST: '100000' };

const MAX_OUTPUT = 200_000;

export function startProbeProcess(options: ProbeProcessOptions): Promise<ProbeProcess> {
  // Its own process group, killed however the run ends (process-group.ts).
  const group = spawnGroup(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve', ...(options.args ?? [])], {
    cwd: os.tmpdir(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PROBE_DB_PATH: options.dbPath, PROBE_LOG_LEVEL: 'warn', ...UNTHROTTLED, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { child, exited } = group;
  let out = '';
  const keep = (chunk: Buffer) => {
    if (out.length < MAX_OUTPUT) out += chunk.toString();
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void group.stop('SIGKILL');
      reject(new Error(`${message}\n--- output ---\n${out}`));
    };
    const timer = setTimeout(() => fail('the server did not print its URL in time'), 30_000);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      const url = /Probe is listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || child.pid === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', keep);
      const pid = child.pid;
      resolve({
        url,
        pid,
        output: () => out,
        sample: () => sampleProcess(pid),
        stop: group.stop,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', keep);
    child.once('error', (error) => fail(error.message));
    void exited.then(({ code, signal }) => {
      if (child.pid !== undefined && !/Probe is listening/.test(out)) fail(`the server exited early (code ${code}, signal ${signal})`);
    });
  });
}
