// Every process a test or benchmark starts goes through here: it runs detached, as the leader of
// its own process group, and the group (grandchildren such as tsx's esbuild service included) is
// killed however things end: when the leader exits, on stop(), on this process's exit or
// SIGINT/SIGTERM/SIGHUP, and, for a runner that died too hard to clean up (SIGKILL), by vitest's
// global teardown, which sweeps the group ids registered as files in PROBE_TEST_GROUPS_DIR.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const GROUPS_DIR_ENV = 'PROBE_TEST_GROUPS_DIR';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GroupChild {
  child: ChildProcess;
  pid: number;
  exited: Promise<Exit>;
  /** Signals the leader (so it can shut down as it would in use), then kills what is left of its group. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

const live = new Set<number>();

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

const groupFile = (pgid: number): string | undefined => {
  const dir = process.env[GROUPS_DIR_ENV];
  return dir ? path.join(dir, String(pgid)) : undefined;
};

function register(pgid: number): void {
  live.add(pgid);
  installExitHooks();
  const file = groupFile(pgid);
  if (file) writeFileSync(file, String(process.pid));
}

function release(pgid: number): void {
  killGroup(pgid, 'SIGKILL');
  live.delete(pgid);
  const file = groupFile(pgid);
  if (file) rmSync(file, { force: true });
}

/** Kills every group this process started and has not released (synchronous: safe in an exit hook). */
export function killAllGroups(): void {
  for (const pgid of [...live]) release(pgid);
}

let hooked = false;
function installExitHooks(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', killAllGroups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAllGroups();
      // Then die of the same signal, as this process would have without the hook (unless someone
      // else, such as vitest, handles it).
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

/** spawn(), but detached in a new process group that is registered for cleanup. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): GroupChild {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) {
    // spawn failed (the 'error' event says why); nothing to register.
    const exited = new Promise<Exit>((resolve) => child.once('error', () => resolve({ code: null, signal: null })));
    return { child, pid: -1, exited, stop: () => exited };
  }
  const pid = child.pid;
  register(pid);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      release(pid);
      resolve({ code, signal });
    }),
  );
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, pid, exited, stop };
}

export interface RunResult extends Exit {
  /** The exit code, as spawnSync names it. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** True when the run was killed for exceeding timeoutMs. */
  timedOut: boolean;
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** Runs a command to completion in its own group (like spawnSync, without blocking the event loop); kills the group on timeout. */
export async function runGroup(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const group = spawnGroup(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  group.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  group.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  group.child.stdin?.on('error', () => {}); // EPIPE when the command exits before reading it all
  group.child.stdin?.end(options.input ?? '');
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(group.pid, 'SIGKILL');
  }, options.timeoutMs ?? 30_000);
  const exit = await group.exited;
  clearTimeout(timer);
  // 'exit' can fire before the pipes are drained.
  await Promise.all([group.child.stdout, group.child.stderr].map((s) => (s && !s.closed ? new Promise((r) => s.once('close', r)) : undefined)));
  return { ...exit, status: exit.code, stdout, stderr, timedOut };
}

/** Kills every group registered in `dir` (by any process) and empties it: the global teardown's sweep. */
export function sweepGroups(dir: string): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const swept: number[] = [];
  for (const name of names) {
    const pgid = Number(name);
    if (Number.isInteger(pgid) && pgid > 1) {
      killGroup(pgid, 'SIGKILL');
      swept.push(pgid);
    }
    rmSync(path.join(dir, name), { force: true });
  }
  return swept;
}

/** Whether a process is still running (a zombie, killed but not yet reaped, counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    if (process.platform === 'linux') return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
