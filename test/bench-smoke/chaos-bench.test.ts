// Keeps the bench:chaos harness from rotting: two kills, a few hundred bad frames and a faulty LLM
// endpoint at a tiny scale, and every figure that must hold, holds.
import { describe, expect, it } from 'vitest';
import { chaosFailures, renderChaosRun } from '../bench/chaos/chaos-report.js';
import { QUICK, runChaos } from '../bench/chaos/run.js';

describe('bench:chaos at tiny scale', () => {
  it('kills and resumes, refuses bad input as documented, and records every LLM fallback', async () => {
    const run = await runChaos(QUICK, 3, () => {});
    expect(run.crash.kills).toBe(2);
    expect(run.crash.db.acked).toBeGreaterThan(0);
    expect(run.input.frames).toBeGreaterThan(400);
    expect(run.llm.audit.llmCalls).toBeGreaterThan(0);
    expect(chaosFailures(run)).toEqual([]);
    expect(renderChaosRun(run)).toContain('Acknowledged answers lost');
  });
});
