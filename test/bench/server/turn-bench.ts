// The LLM turn benchmark of `npm run bench:server`: at each K, Probe's LLM mode and the single-call
// reference interviewer, one after the other (order alternating by level), against the same
// scripted model, and the section of docs/benchmarks.md it writes.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { describeMachine, machineLine, type Machine } from '../harness/machine.js';
import { ms } from '../harness/percentiles.js';
import type { LoadStep } from './offline-load.js';
import { FIRST_TOKEN_MS } from './turn-model.js';
import { runTurnStep, type TurnRow, type TurnServer } from './turn-load.js';
import { TURN_FINDINGS } from './turn-findings.js';

export const TURN_SECTION = '## LLM turn cost: Probe beside a single-call reference (npm run bench:server)';

export interface TurnRun {
  machine: Machine;
  loadAfter: string;
  /** offline: Probe with no model at the same level (the offline interviewer and scorer), when run. */
  rows: { probe: TurnRow; reference: TurnRow; offline?: TurnRow; variants: TurnRow[] }[];
  minutes: number;
}

export async function runTurnBench(steps: LoadStep[], bank: Bank, log: (line: string) => void, profileDir?: string, variants: Record<string, string> = {}, withOffline = true): Promise<TurnRun> {
  const started = performance.now();
  const machine = describeMachine();
  const rows: TurnRun['rows'] = [];
  log('LLM turn cost (Probe LLM mode beside the single-call reference):');
  for (const [i, step] of steps.entries()) {
    const others: TurnServer[] = [...(withOffline ? ['offline'] : []), ...Object.keys(variants).map((v) => `probe@${v}`)];
    const servers: TurnServer[] = ['reference', 'probe', ...others];
    const order = i % 2 === 0 ? servers : [...servers].reverse();
    const got: Partial<Record<TurnServer, TurnRow>> = {};
    for (const server of order) {
      const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${server}-${step.users}`] : undefined;
      got[server] = await runTurnStep(server, step, { bank, log, variants, ...(nodeArgs ? { nodeArgs } : {}) });
    }
    rows.push({
      probe: got.probe as TurnRow,
      reference: got.reference as TurnRow,
      ...(got.offline ? { offline: got.offline } : {}),
      variants: Object.keys(variants).map((v) => got[`probe@${v}`] as TurnRow),
    });
  }
  return { machine, loadAfter: describeMachine().load, rows, minutes: (performance.now() - started) / 60_000 };
}

const pair = (a: number, b: number) => `${ms(a)} / ${ms(b)}`;

const SERVER_NAMES: Record<string, string> = { probe: 'Probe (LLM)', offline: 'Probe (offline, no model)' };

function row(r: TurnRow): string {
  const b = r.breakdown;
  return (
    `| ${r.users} | ${SERVER_NAMES[r.server] ?? r.server} | ${b.turns} | ${r.perSecond.toFixed(0)} | **${pair(b.overhead.p50, b.overhead.p99)}** | ${pair(b.turn.p50, b.turn.p99)} | ${ms(b.model.p50)} | ` +
    `${b.callsPerTurn.toFixed(2)} | ${ms(b.before)} / ${ms(b.between)} / ${ms(b.after)} | **${ms(r.cpuMsPerTurn)}** | ${(r.cpu * 100).toFixed(0)}% | ${r.interviews} | **${r.failed}**${r.stuck > 0 ? ` (+${r.stuck} stuck)` : ''} | ${r.fallbacks} | ${r.refused} |`
  );
}

/** Says where Probe shed turns to the offline interviewer, whose CPU per turn is then a mix of both. */
function shedNote(run: TurnRun): string[] {
  const shed = run.rows.filter((r) => r.probe.fallbacks > 0).map((r) => `K=${r.probe.users} (${r.probe.fallbacks} offline lines, ${r.probe.breakdown.callsPerTurn.toFixed(2)} calls per turn)`);
  if (shed.length === 0) return [];
  return [
    `Probe shed the model path to the offline interviewer (overload, see below) at ${shed.join(', ')}: its CPU per turn there`,
    'mixes LLM and offline turns, and its latency is that of a process short of CPU, not of the model path.',
    '',
  ];
}

/** What Probe's offline mode costs at the same level: the part of an LLM turn that is not the model path. */
function offlineNote(run: TurnRun): string[] {
  const rows = run.rows.filter((r) => r.offline);
  if (rows.length === 0) return [];
  const parts = rows.map(({ probe, reference, offline }) => {
    const o = offline as TurnRow;
    return `K=${probe.users}: offline ${ms(o.cpuMsPerTurn)} (${(o.cpuMsPerTurn / reference.cpuMsPerTurn).toFixed(2)}x the reference), LLM ${ms(probe.cpuMsPerTurn)}, the model path adding ${ms(probe.cpuMsPerTurn - o.cpuMsPerTurn)}`;
  });
  return [
    `- Probe with no model (offline interviewer and scorer, the same store and server), CPU ms per turn at the same level: ${parts.join('; ')}.`,
    '  The LLM mode runs the same offline analysis beside every judgement (the judge\'s trust rules need it) and the same store and',
    '  server, so the difference between the two rows is what the model path costs Probe (the call, its adapter, the claim checks, the',
    '  events it stores) in place of the offline interviewer. The offline row makes no model call: its overhead is its whole turn.',
  ];
}

export function renderTurnRun(run: TurnRun): string {
  const ratios = run.rows.map(({ probe, reference }) => `K=${probe.users}: ${(probe.cpuMsPerTurn / reference.cpuMsPerTurn).toFixed(2)}x`).join(', ');
  const k1 = run.rows.find((r) => r.probe.users === 1)?.probe;
  const k1ref = run.rows.find((r) => r.reference.users === 1)?.reference;
  const k200 = run.rows.find((r) => r.probe.users === 200)?.probe;
  const k200ref = run.rows.find((r) => r.reference.users === 200)?.reference;
  const worst = Math.max(...run.rows.map((r) => r.probe.cpuMsPerTurn / r.reference.cpuMsPerTurn));
  return [
    `Command: \`npm run bench:server\` (this section alone: \`npm run bench:server -- --only llm\`); test/bench/server/turn-bench.ts; ${run.minutes.toFixed(1)} minutes.`,
    machineLine(run.machine),
    `Load average at the end: ${run.loadAfter}. The machine is shared with other agents (builds, tests, scoring experiments), so absolute latencies`,
    'are noisy; CPU per turn (the server process\'s utime+stime over the window, divided by the turns in it) is robust to that,',
    'and every comparison below is between the two servers at the same level of the same run.',
    '',
    `Method. Both servers in their own process, each level on a fresh server, database and scripted model (test/bench/server/turn-model.ts:`,
    `every call answers ${FIRST_TOKEN_MS} ms after it arrives, then a fixed reply: a judgement, a decision, a line of 22 words, or Probe's turn call`,
    '(the judgement and decision as one JSON object, then the line), streamed at once; its proposed decision is always a follow-up on "depth").',
    'K candidates run mock interviews (6 questions, up to 1 follow-up each) answering about once a second (think time uniform 0.5-1.5 s).',
    'A turn runs from `answer.submit` to the final `line` frame of the next line. Its model time is the union of the intervals (request',
    'received by the scripted model to last byte written) of the calls made for it: each answer carries a marker word naming its session',
    'and turn, and each streamed line opens with a code word naming its call, so every call is tied to its turn. Overhead = turn time minus',
    'model time. Before / between / after: mean ms from the answer to the first call, idle gaps between calls, from the last call\'s last byte',
    'to the line frame. The reference (test/bench/server/reference-interviewer.ts) commits the answer to SQLite (WAL, fsynced before the',
    'ack), makes one streamed call through the `openai` client, relays each token as a frame, commits the line and sends it. A failed',
    'interview is one that errored or timed out (60 s) on the candidate\'s side; a refused session creation (503) is retried after Retry-After.',
    '',
    '| K | Server | Turns timed | Turns/s | **Overhead p50 / p99** | Turn p50 / p99 | Model p50 | Calls per turn | Before / between / after | **CPU ms per turn** | Server CPU | Interviews | **Failed** | Offline lines | 503s |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...run.rows.flatMap(({ probe, reference, offline, variants }) => [row(probe), ...variants.map(row), ...(offline ? [row(offline)] : []), row(reference)]),
    '',
    ...shedNote(run),
    '### Targets',
    '',
    `- Probe within 1.5x of the reference's CPU per turn: ${ratios}; ${worst <= 1.5 ? 'met' : '**not met**'} (worst ${worst.toFixed(2)}x).`,
    k1 && k1ref
      ? `- K=1 overhead p50 under 15 ms: ${ms(k1.breakdown.overhead.p50)} ms, ${k1.breakdown.overhead.p50 < 15 ? 'met' : '**not met**'} (the reference in the same run: ${ms(k1ref.breakdown.overhead.p50)} ms).`
      : '- K=1: not run.',
    k200 ? `- 0 failed interviews at K=200: ${k200.failed} failed${k200.stuck > 0 ? `, ${k200.stuck} stuck` : ''}, ${k200.failed === 0 && k200.stuck === 0 ? 'met' : '**not met**'}.` : '- K=200: not run.',
    ...(k200 && k200ref
      ? [
          `  Degraded, not failed: Probe completed ${k200.perSecond.toFixed(0)} turns/s of the 200 offered (the reference ${k200ref.perSecond.toFixed(0)}), ${k200.fallbacks} lines by the offline interviewer, ` +
            `${k200.refused} session creations refused with 503, turn p50 ${ms(k200.breakdown.turn.p50)} ms.`,
        ]
      : []),
    ...offlineNote(run),
    '',
    ...TURN_FINDINGS,
  ].join('\n');
}
