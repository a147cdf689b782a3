// Keeps the bench:server harness from rotting: runs it at a tiny scale (two sessions, five idle,
// a short relay) and checks it measured something. No timing assertions: the figures belong to
// the benchmark, not to npm test.
import { describe, expect, it } from 'vitest';
import { QUICK, runServerBench } from '../bench/server/run.js';
import { renderServerRun } from '../bench/server/server-report.js';

describe('bench:server at tiny scale', () => {
  it('times turns against the echo floor, idle sessions, and relayed tokens against the bare relay', async () => {
    const run = await runServerBench(QUICK, () => {});
    for (const row of run.offline) {
      expect(row.latency.n).toBeGreaterThan(0);
      expect(row.echo.n).toBeGreaterThan(0);
      expect(row.errors).toEqual({});
    }
    expect(run.idle.opened).toBe(run.idle.sessions);
    const relay = run.relay[0];
    expect(relay?.relay.n).toBeGreaterThan(0);
    expect(relay?.floor.n).toBeGreaterThan(0);
    expect(relay?.unmatched).toBe(0);
    expect(renderServerRun(run)).toContain('| Sessions |');
  });
});
