// Processes that tests start never outlive them: a runner that is signalled, exits, throws or is
// killed outright leaves no child or grandchild behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GROUPS_DIR_ENV, isRunning, spawnGroup, sweepGroups, type GroupChild } from './process-group.js';

const RUNNER = path.resolve(import.meta.dirname, '../fixtures/processes/group-runner.ts');
const registry = mkdtempSync(path.join(os.tmpdir(), 'probe-group-test-'));
afterAll(() => {
  sweepGroups(registry);
  rmSync(registry, { recursive: true, force: true });
});

interface Pids {
  leader: number;
  grandchild: number;
}

/** Starts the stand-in runner (itself in a group, so this test cleans up after itself too) and reads the pids it started. */
async function startRunner(how: string, env: NodeJS.ProcessEnv = process.env): Promise<{ runner: GroupChild; pids: Pids }> {
  const runner = spawnGroup(process.execPath, ['--import', 'tsx', RUNNER, how], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const pids = await new Promise<Pids>((resolve, reject) => {
    let out = '';
    runner.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Pids);
    });
    void runner.exited.then(() => reject(new Error(`the runner exited before starting its child: ${out}`)));
  });
  expect(isRunning(pids.leader)).toBe(true);
  expect(isRunning(pids.grandchild)).toBe(true);
  return { runner, pids };
}

const expectGone = async (pids: Pids) =>
  vi.waitFor(
    () => {
      expect(isRunning(pids.leader), 'leader').toBe(false);
      expect(isRunning(pids.grandchild), 'grandchild').toBe(false);
    },
    { timeout: 10_000, interval: 50 },
  );

describe('process groups started by tests', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`are killed, grandchildren included, when the runner gets ${signal}`, async () => {
      const { runner, pids } = await startRunner('wait');
      runner.child.kill(signal);
      expect((await runner.exited).signal).toBe(signal);
      await expectGone(pids);
    });
  }

  it('are killed when the runner calls process.exit', async () => {
    const { runner, pids } = await startRunner('exit');
    runner.child.stdin?.write('go\n');
    expect((await runner.exited).code).toBe(3);
    await expectGone(pids);
  });

  it('are killed when the runner dies of an uncaught exception', async () => {
    const { runner, pids } = await startRunner('throw');
    runner.child.stdin?.write('go\n');
    expect((await runner.exited).code).toBe(1);
    await expectGone(pids);
  });

  it('are swept by the global teardown when the runner is killed too hard to clean up (SIGKILL)', async () => {
    const { runner, pids } = await startRunner('wait', { ...process.env, [GROUPS_DIR_ENV]: registry });
    expect(readdirSync(registry)).toEqual([String(pids.leader)]);
    runner.child.kill('SIGKILL');
    await runner.exited;
    // Nothing in the runner could react: its children are still there until the sweep.
    expect(isRunning(pids.leader)).toBe(true);
    expect(sweepGroups(registry)).toEqual([pids.leader]);
    await expectGone(pids);
    expect(readdirSync(registry)).toEqual([]);
  });

  it('are registered in the global setup\'s folder while they run, for its teardown to sweep', async () => {
    const dir = process.env[GROUPS_DIR_ENV];
    expect(dir, 'test/support/global-setup.ts sets it for every worker').toBeTruthy();
    const sleeper = spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    expect(readdirSync(dir as string)).toContain(String(sleeper.pid));
    await sleeper.stop();
    expect(readdirSync(dir as string)).not.toContain(String(sleeper.pid));
  });

  it('lose their stragglers when the leader exits on its own', async () => {
    const leader = spawnGroup(process.execPath, ['-e', "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); c.unref(); console.log(c.pid);"], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    leader.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect((await leader.exited).code).toBe(0);
    const grandchild = Number(out.trim());
    expect(grandchild).toBeGreaterThan(1);
    await vi.waitFor(() => expect(isRunning(grandchild)).toBe(false), { timeout: 10_000, interval: 50 });
  });
});
