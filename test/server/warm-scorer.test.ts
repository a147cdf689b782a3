// Start-up warming of the scorer's question models (src/server/warm-scorer.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runGroup } from '../support/process-group.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/processes/warm-alone.ts', import.meta.url));

async function warmAlone(mode: 'await' | 'leave'): Promise<{ warmed: number; total: number }> {
  const run = await runGroup(process.execPath, ['--import', 'tsx', FIXTURE, mode], { timeoutMs: 60_000 });
  expect(run.timedOut, run.stderr).toBe(false);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { warmed: number; total: number };
}

describe('warming the question models at start-up', () => {
  // An unreferenced immediate lets the loop sleep in its poll phase until another timer or socket
  // wakes it, so warming crept along at one question per outside event; here there are none.
  it('warms every question with no other event to drive the loop, and done resolves', async () => {
    const { warmed, total } = await warmAlone('await');
    expect(total).toBeGreaterThan(10);
    expect(warmed).toBe(total);
  }, 70_000);

  it('keeps the process alive until it has finished', async () => {
    const { warmed, total } = await warmAlone('leave');
    expect(warmed).toBe(total);
  }, 70_000);
});
