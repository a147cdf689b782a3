// Probe nodes for the multi-node test: `probe serve` processes (the real CLI) on one PostgreSQL
// database, each on its own port and in its own process group, killed however the test ends.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup } from '../support/postgres-cluster.js';
import { spawnGroup } from '../support/process-group.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

export interface ProbeNode {
  port: number;
  /** host:port as nginx names it in X-Probe-Upstream. */
  address: string;
  child: ChildProcess;
  output(): string;
  /** Kills the node's process group with `signal`; resolves once the node has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `args` go to `probe serve` (the test paces lines so a kill can land mid-line). */
export async function startNode(databaseUrl: string, env: Record<string, string> = {}, args: string[] = ['--pace-ms', '2']): Promise<ProbeNode> {
  const port = await freePort();
  // A developer's own PROBE_DB_PATH is not passed on: the test sets it where it means to.
  const { PROBE_DB_PATH: _own, ...inherited } = process.env;
  const { child } = spawnGroup(process.execPath, [BIN, 'serve', ...args], {
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PROBE_LOG_LEVEL: 'info', PROBE_RATE_LIMIT_PER_SEC: '1000', PROBE_RATE_LIMIT_BURST: '1000', ...env },
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const onExit = () => killGroup(child);
  process.once('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const node: ProbeNode = {
    port,
    address: `127.0.0.1:${port}`,
    child,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      killGroup(child, signal);
      await exited;
      process.off('exit', onExit);
    },
  };
  const deadline = Date.now() + 30_000;
  while (!/Probe is listening on/.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`a Probe node exited early:\n${out}`);
    if (Date.now() > deadline) {
      await node.kill();
      throw new Error(`a Probe node did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return node;
}
