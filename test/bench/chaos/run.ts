// `npm run bench:chaos`: Probe's resilience, counted. kill -9 at 50 random moments with resume;
// 10,000+ bad frames beside well-behaved interviews; an LLM endpoint that fails at random. Prints
// every counted figure, replaces its section of docs/benchmarks.md, and exits non-zero when a
// figure that must hold does not. Options: --quick (tiny, for the smoke test; writes nothing),
// --no-write, --seed N.
import { join } from 'node:path';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { defaultBankDir, packageRoot } from '../../../src/paths.js';
import { upsertSection } from '../benchmarks-doc.js';
import { describeMachine } from '../harness/machine.js';
import { runBadInput, type BadInputOptions } from './bad-input.js';
import { chaosFailures, renderChaosRun, type ChaosRun } from './chaos-report.js';
import { runCrashTest, type CrashOptions } from './crash.js';
import { runLlmFaults, type LlmFaultOptions } from './llm-faults.js';

export const SECTION = '## Resilience (npm run bench:chaos)';

interface Plan {
  crash: Omit<CrashOptions, 'bank' | 'seed' | 'log'>;
  input: Omit<BadInputOptions, 'bank' | 'seed'>;
  llm: Omit<LlmFaultOptions, 'bank' | 'seed'>;
}

const FULL: Plan = {
  crash: { kills: 50, clients: 12, uptimeMs: [300, 1500] },
  input: { connections: 90, framesPerConnection: 75, floods: 10, floodFrames: 400, handshakes: 60, wellBehaved: 20 },
  llm: { clients: 12, interviewsPerClient: 2, faultRate: 0.35 },
};

export const QUICK: Plan = {
  crash: { kills: 2, clients: 2, uptimeMs: [300, 600] },
  input: { connections: 3, framesPerConnection: 12, floods: 1, floodFrames: 400, handshakes: 3, wellBehaved: 2 },
  llm: { clients: 2, interviewsPerClient: 1, faultRate: 0.35 },
};

export async function runChaos(plan: Plan, seed: number, log: (line: string) => void): Promise<ChaosRun> {
  const started = performance.now();
  const machine = describeMachine();
  const bank = await loadBank(defaultBankDir());
  log(`crash: ${plan.crash.kills} kills`);
  const crash = await runCrashTest({ ...plan.crash, bank, seed, log });
  log(`  lost ${crash.db.lost} of ${crash.db.acked} acknowledged answers; ${crash.db.notEnded} of ${crash.sessions} sessions not ended`);
  log('bad input:');
  const input = await runBadInput({ ...plan.input, bank, seed });
  log(`  ${input.frames} frames; server up: ${input.serverUp}; well-behaved finished ${input.wellBehaved.finished} of ${input.wellBehaved.sessions}`);
  log('LLM faults:');
  const llm = await runLlmFaults({ ...plan.llm, bank, seed });
  log(`  ${llm.finished} of ${llm.interviews} interviews finished; ${llm.audit.recorded} fallbacks recorded, ${llm.audit.unrecorded} unrecorded`);
  return { machine, seed, crash, input, llm, minutes: (performance.now() - started) / 60_000 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 8;
  const run = await runChaos(quick ? QUICK : FULL, seed, (line) => console.log(line));
  const body = renderChaosRun(run);
  console.log(`\n${body}`);
  if (!quick && !args.includes('--no-write')) {
    upsertSection(join(packageRoot(), 'docs/benchmarks.md'), SECTION, body);
    console.log('\nupdated docs/benchmarks.md');
  }
  const failures = chaosFailures(run);
  if (failures.length > 0) {
    console.error(`\nFAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('run.ts')) await main();
