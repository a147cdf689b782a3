// `npm run bench:server`: Probe's server under load, measured from outside its process. Offline
// interviews at 1, 50, 200 and 1,000 concurrent sessions beside a bare ws echo floor; 1,000 idle
// sessions' memory; the LLM token relay beside a bare relay floor. Replaces its section of
// docs/benchmarks.md. Options: --quick (tiny, for the smoke test; writes nothing), --no-write,
// --cluster N (N nodes on PostgreSQL beside one on SQLite, its own section; see cluster-load.ts),
// --profile DIR (CPU profile of the server at 200 sessions, summarised on the console). The LLM turn
// section also runs Probe with no model at each level (skipped with --no-offline or --variants).
import { join } from 'node:path';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { defaultBankDir, packageRoot } from '../../../src/paths.js';
import { upsertSection } from '../benchmarks-doc.js';
import { sampleAnswers } from '../harness/answer-corpus.js';
import { describeMachine } from '../harness/machine.js';
import { startBareRelay, startEchoProcess } from './echo-process.js';
import { measureIdleSessions } from './idle-sessions.js';
import { runOfflineStep, type LoadStep, type OfflineRow } from './offline-load.js';
import { summarizeProfile } from './read-profile.js';
import { runRelayStep, type RelayRow } from './relay-load.js';
import { renderServerRun, type ServerRun } from './server-report.js';
import { readdirSync } from 'node:fs';
import { renderTurnRun, runTurnBench, TURN_SECTION } from './turn-bench.js';

export const SECTION = '## Server performance (npm run bench:server)';

const NO_IDLE = { sessions: 0, opened: 0, rssPerSession: NaN, heapPerSession: NaN, rssBefore: NaN, rssAfter: NaN, openSeconds: 0, errors: [] };

interface Plan {
  offline: LoadStep[];
  idle: number;
  relay: LoadStep[];
  tokenDelayMs: number;
  /** LLM turn cost: Probe's LLM mode beside the single-call reference (turn-bench.ts). */
  turn: LoadStep[];
}

const paced = (users: number, measureMs = 20_000): LoadStep => ({ users, thinkMs: 1000, warmupMs: users >= 1000 ? 8000 : 5000, measureMs });

const FULL: Plan = {
  offline: [{ users: 1, thinkMs: 0, warmupMs: 3000, measureMs: 15_000 }, paced(50), paced(200), paced(1000), { users: 50, thinkMs: 0, warmupMs: 3000, measureMs: 15_000 }],
  idle: 1000,
  relay: [paced(1), paced(50), paced(200), paced(1000)],
  tokenDelayMs: 20,
  turn: [paced(1), paced(10), paced(50), paced(200)],
};

export const QUICK: Plan = {
  offline: [{ users: 2, thinkMs: 50, warmupMs: 300, measureMs: 1200 }],
  idle: 5,
  relay: [{ users: 2, thinkMs: 50, warmupMs: 500, measureMs: 1500 }],
  tokenDelayMs: 5,
  turn: [{ users: 2, thinkMs: 50, warmupMs: 500, measureMs: 1500 }],
};

/** `--only offline|idle|relay|llm` and `--users 200,1000` narrow a run (for profiling and comparisons; nothing is written). */
function narrow(plan: Plan, args: string[]): Plan {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const only = value('--only');
  const users = value('--users')?.split(',').map(Number);
  const keep = (steps: LoadStep[]) => (users ? steps.filter((s) => users.includes(s.users)) : steps);
  return {
    ...plan,
    offline: !only || only === 'offline' ? keep(plan.offline) : [],
    idle: !only || only === 'idle' ? plan.idle : 0,
    relay: !only || only === 'relay' ? keep(plan.relay) : [],
    turn: !only || only === 'llm' ? keep(plan.turn) : [],
  };
}

export async function runServerBench(plan: Plan, log: (line: string) => void, profileDir?: string): Promise<ServerRun> {
  const started = performance.now();
  const machine = describeMachine();
  const bank = await loadBank(defaultBankDir());
  const echo = await startEchoProcess();
  const floor = await startBareRelay();
  try {
    const frames = sampleAnswers(bank, 64);
    const offline: OfflineRow[] = [];
    log('offline interviewer:');
    const nodeArgsFor = (step: LoadStep) => (profileDir && step.users === 200 ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined);
    for (const step of plan.offline) offline.push(await runOfflineStep(step, { bank, echoUrl: echo.url, echoFrames: frames, nodeArgsFor, log }));
    const idle = plan.idle > 0 ? await measureIdleSessions(plan.idle) : NO_IDLE;
    if (plan.idle > 0) log(`idle sessions (${plan.idle}): ${(idle.rssPerSession / 1024).toFixed(1)} KB RSS, ${(idle.heapPerSession / 1024).toFixed(1)} KB heap per session`);
    const relay: RelayRow[] = [];
    log('LLM relay:');
    for (const step of plan.relay) relay.push(await runRelayStep(step, bank, plan.tokenDelayMs, floor.url, log, profileDir && step.users === 200 ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/relay`] : undefined));
    return { machine, offline, idle, relay, minutes: (performance.now() - started) / 60_000 };
  } finally {
    await echo.stop();
    await floor.stop();
  }
}

function printProfile(dir: string): void {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
  if (!file) return;
  const summary = summarizeProfile(join(dir, file), 25);
  console.log(`\nserver profile at 200 sessions (${join(dir, file)}), busy ${summary.total.toFixed(0)} ms; inclusive:`);
  for (const l of summary.inclusive) console.log(`${l.ms.toFixed(0).padStart(7)} ms ${(l.share * 100).toFixed(1).padStart(5)}%  ${l.name}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --cluster N: N nodes on PostgreSQL beside one on SQLite (cluster-load.ts), nothing else.
  if (args.includes('--cluster')) return (await import('./cluster-load.js')).runClusterMain(args);
  const quick = args.includes('--quick');
  const profileAt = args.indexOf('--profile');
  const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
  const onlyLlm = args.includes('--only') && args[args.indexOf('--only') + 1] === 'llm';
  const narrowed = (args.includes('--only') && !onlyLlm) || args.includes('--users') || args.includes('--variants');
  const plan = narrow(quick ? QUICK : FULL, args);
  const write = !quick && !narrowed && !args.includes('--no-write');
  const doc = join(packageRoot(), 'docs/benchmarks.md');
  if (!onlyLlm) {
    const run = await runServerBench(plan, (line) => console.log(line), profileDir);
    const body = renderServerRun(run);
    console.log(`\n${body}`);
    if (profileDir) printProfile(profileDir);
    if (write) upsertSection(doc, SECTION, body);
  }
  if (plan.turn.length > 0) {
    const bank = await loadBank(defaultBankDir());
    // --variants name=DIR,...: other checkouts of Probe run beside this one (ablations; nothing is written).
    const variantArg = args.includes('--variants') ? (args[args.indexOf('--variants') + 1] ?? '') : '';
    const variants = Object.fromEntries(variantArg.split(',').filter(Boolean).map((v) => v.split('=') as [string, string]));
    const turnBody = renderTurnRun(await runTurnBench(plan.turn, bank, (line) => console.log(line), onlyLlm ? profileDir : undefined, variants, Object.keys(variants).length === 0 && !args.includes('--no-offline')));
    console.log(`\n${turnBody}`);
    if (write) upsertSection(doc, TURN_SECTION, turnBody);
  }
  if (write) console.log('\nupdated docs/benchmarks.md');
}

if (process.argv[1]?.endsWith('run.ts')) await main();
