// A throwaway PostgreSQL cluster for tests: Debian's postgresql binaries, a data folder in a temp
// dir, a free port on 127.0.0.1 and its socket in the temp dir. initdb refuses root, so as root the
// cluster runs as `nobody`. The postmaster runs in its own process group (process-group.ts) and is
// killed however the test ends. Without the binaries the tests skip locally and fail under CI=true.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnGroup } from './process-group.js';

export interface PgCluster {
  /** The postmaster's pid (its workers share its process group). */
  pid: number;
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Everything the postmaster logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/** The folder of Debian's postgresql binaries (the newest installed), or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** True when PostgreSQL tests can run; false (with a warning) locally without it; throws under CI. */
export function postgresAvailable(): boolean {
  if (postgresBinDir()) return true;
  const hint = 'install it with: apt-get install -y postgresql';
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb) and CI=true: the PostgreSQL tests must run; ${hint}`);
  console.warn(`PostgreSQL tests skipped: no /usr/lib/postgresql/*/bin/initdb; ${hint}`);
  return false;
}

/** Root may not run initdb: run the cluster as nobody. Returns undefined when not root. */
function clusterUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('running as root, and there is no `nobody` user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Kills a detached child's whole process group (ignores one already gone). */
export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export interface StartPostgresOptions {
  /** fsync on, as a real deployment runs (benchmarks); tests run with fsync off. */
  durable?: boolean;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-pg-'));
  const user = clusterUser();
  chmodSync(dir, 0o700);
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const asUser = { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C', HOME: dir }, cwd: dir };
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C'], { ...asUser, encoding: 'utf8', timeout: 60_000 });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (status ${init.status}): ${init.stderr}${init.stdout}`);
  }
  const port = await freePort();
  // fsync off for tests: they kill Probe nodes, never the database, and the machine is shared.
  const fast = options.durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off'];
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...fast, '-c', 'max_connections=200'];
  const { child } = spawnGroup(path.join(bin, 'postgres'), args, { ...asUser, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const onExit = () => killGroup(child);
  process.once('exit', onExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    spawnSync(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10'], { ...asUser, timeout: 15_000 });
    killGroup(child);
    process.off('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
  };
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitForConnection(adminUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    pid: child.pid ?? 0,
    adminUrl,
    log: () => log,
    stop,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
  };
}

async function waitForConnection(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited early:\n${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections in time: ${String(error)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
