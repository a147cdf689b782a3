// `npm run bench:server -- --cluster N`: N Probe nodes on PostgreSQL behind nginx beside one node on
// SQLite, at the same paced load (200, 1,000, 3,000 sessions, one answer per user per ~second).
// CPU per answer counts every process the setup needs: the node(s), and for the cluster also
// PostgreSQL (fsync on, as deployed) and nginx. Writes its own section of docs/benchmarks.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import type { Bank } from '../../../src/engine/bank/schema.js';
import { defaultBankDir, packageRoot } from '../../../src/paths.js';
import { startNode, type ProbeNode } from '../../multinode/probe-nodes.js';
import { startNginx } from '../../support/nginx-proxy.js';
import { startPostgres, type PgCluster } from '../../support/postgres-cluster.js';
import { tempDir } from '../../support/temp-dir.js';
import { upsertSection } from '../benchmarks-doc.js';
import { describeMachine, machineLine, type Machine } from '../harness/machine.js';
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import { startProbeProcess, UNTHROTTLED } from '../harness/probe-process.js';
import { runUsers } from '../harness/virtual-users.js';
import { interviewUser } from './interview-user.js';
import { INTERVIEW_PLAN } from './offline-load.js';

export const CLUSTER_SECTION = '## Several nodes on PostgreSQL (npm run bench:server -- --cluster 3)';

interface ClusterRow {
  setup: string;
  users: number;
  perSecond: number;
  latency: Percentiles;
  ack: Percentiles;
  /** CPU of every process of the setup over the window, as cores. */
  cores: number;
  cpuMsPerAnswer: number;
  /** The share of that CPU spent in Probe's node processes. */
  nodeShare: number;
  errors: number;
  firstError?: string;
  stuck: number;
}

/**
 * CPU ms of the processes `roots` and all their descendants, read from /proc. By parentage, not
 * process group: PostgreSQL's backends each start a group of their own.
 */
function treeCpuMs(roots: ReadonlySet<number>): number {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we read
    }
  }
  let ticks = 0;
  for (const [pid, p] of procs) {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 64; at = procs.get(at)?.ppid, hops++) {
      if (roots.has(at)) {
        ticks += p.ticks;
        break;
      }
    }
  }
  return ticks * 10; // CLK_TCK is 100 on Linux
}

async function measure(setup: string, users: number, baseUrl: string, bank: Bank, all: Set<number>, nodes: Set<number>, measureMs: number): Promise<ClusterRow> {
  let a = { all: 0, nodes: 0, at: 0 };
  let b = { all: 0, nodes: 0, at: 0 };
  const sample = () => ({ all: treeCpuMs(all), nodes: treeCpuMs(nodes), at: performance.now() });
  const tally = { interviews: 0, turns: 0 };
  const warmupMs = users >= 1000 ? 10_000 : 5000;
  const result = await runUsers({ users, thinkMs: 1000, warmupMs, measureMs, seed: 1 }, (ctx) => interviewUser(ctx, { baseUrl, bank, plan: INTERVIEW_PLAN, timeoutMs: 60_000, tally }), (phase) => {
    if (phase === 'start') a = sample();
    else b = sample();
  });
  const seconds = (result.windowEnd - result.windowStart) / 1000;
  const turns = result.samples.length;
  const cpu = b.all - a.all;
  return {
    setup,
    users,
    perSecond: turns / seconds,
    latency: percentiles(result.samples.map((s) => s.latencyMs)),
    ack: percentiles(result.samples.flatMap((s) => (s.ackMs === undefined ? [] : [s.ackMs]))),
    cores: cpu / (b.at - a.at),
    cpuMsPerAnswer: turns > 0 ? cpu / turns : NaN,
    nodeShare: cpu > 0 ? (b.nodes - a.nodes) / cpu : NaN,
    errors: [...result.errors.values()].reduce((x, y) => x + y, 0),
    ...(result.firstErrors[0] ? { firstError: result.firstErrors[0] } : {}),
    stuck: result.stuck,
  };
}

async function sqliteLevel(users: number, bank: Bank, measureMs: number): Promise<ClusterRow> {
  const dir = tempDir('probe-bench-');
  const probe = await startProbeProcess({ dbPath: dir.file('probe.db') });
  try {
    return await measure('1 node, SQLite', users, probe.url, bank, new Set([probe.pid]), new Set([probe.pid]), measureMs);
  } finally {
    await probe.stop('SIGTERM');
    dir.remove();
  }
}

async function clusterLevel(cluster: PgCluster, n: number, users: number, bank: Bank, measureMs: number): Promise<ClusterRow> {
  const url = await cluster.createDatabase(`bench_${users}_${Date.now()}`);
  const nodes: ProbeNode[] = [];
  try {
    nodes.push(...(await Promise.all(Array.from({ length: n }, () => startNode(url, { PROBE_LOG_LEVEL: 'warn', ...UNTHROTTLED }, [])))));
    const proxy = await startNginx(nodes.map((x) => x.address), { workerConnections: 4 * users + 256 });
    try {
      const nodeGroups = new Set(nodes.map((x) => x.child.pid ?? 0));
      const everything = new Set([...nodeGroups, cluster.pid, proxy.pid]);
      return await measure(`${n} nodes, PostgreSQL, nginx`, users, proxy.url, bank, everything, nodeGroups, measureMs);
    } finally {
      await proxy.stop();
    }
  } finally {
    await Promise.allSettled(nodes.map((x) => x.kill('SIGTERM')));
  }
}

const fixed = (v: number, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : '–');

function render(machine: Machine, n: number, rows: ClusterRow[], minutes: number): string {
  const lines = [
    `${machineLine(machine)} Whole run: ${minutes.toFixed(1)} min. The machine is shared with other`,
    'agents\' builds and tests, and noisy today: read the ratios between the two setups at one level (run side by side,',
    'one after the other) rather than the absolute numbers.',
    '',
    `Load: N virtual candidates, each running mock interviews (${INTERVIEW_PLAN.questionCount} questions, up to ${INTERVIEW_PLAN.maxFollowUps} follow-ups) back to back with`,
    'the offline interviewer, pausing 0.5-1.5 s (mean 1 s) before each answer. A turn is timed from answer.submit to the next',
    'interviewer line. The load generator runs on the same machine. SQLite: one `probe serve` on a WAL file. Cluster:',
    `${n} \`probe serve\` nodes on one PostgreSQL 15 (fsync on, max_connections 200, defaults otherwise) behind nginx (deploy/nginx.conf).`,
    'CPU per answer counts every process of the setup (the cluster: nodes + PostgreSQL + nginx); "in nodes" is the share',
    'spent in Probe itself.',
    '',
    '| sessions | setup | answers/s | turn p50 | turn p99 | ack p99 | CPU (cores) | CPU ms / answer | in nodes | errors | stuck |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.users} | ${r.setup} | ${fixed(r.perSecond)} | ${fixed(r.latency.p50, 1)} ms | ${fixed(r.latency.p99, 1)} ms | ${fixed(r.ack.p99, 1)} ms | ${fixed(r.cores, 2)} | ${fixed(r.cpuMsPerAnswer, 2)} | ${fixed(r.nodeShare * 100)}% | ${r.errors} | ${r.stuck} |`),
  ];
  // An error body can be a whole HTML page (nginx's 502): keep its text on one short line.
  const oneLine = (text: string) => text.replace(/<title>([^<]*)<\/title>[\s\S]*/i, '$1').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const errors = rows.filter((r) => r.firstError).map((r) => `- ${r.users}, ${r.setup}: ${oneLine(r.firstError ?? '')}`);
  const starved = rows.some((r) => r.setup.includes('SQLite') && r.cores < 0.5 && r.latency.p50 > 100);
  const reading = starved
    ? [
        '',
        'Reading this run: the machine was oversubscribed. The single SQLite node used well under one core (the CPU column)',
        'while its turns waited hundreds of ms: most likely starved of CPU by other tenants (2 cores shared by a load of 20 leave',
        'one process about a tenth of a core), not limited by SQLite. A saturated',
        'Linux scheduler shares CPU by runnable threads, so the cluster (3 node processes, PostgreSQL backends, nginx) got',
        'a larger slice of the machine, which is most of its answers/s lead here. The comparison this run supports is CPU',
        'ms per answer (what one answer costs in each setup); answers/s and latency belong to a quiet machine (the server',
        'section above has the single-node SQLite figures from a quieter run).',
      ]
    : [];
  const failed = rows.filter((r) => r.errors > r.perSecond * 5).map((r) => r.users);
  if (failed.length > 0) {
    reading.push('', `At ${[...new Set(failed)].join(', ')} sessions the load generator (same machine) failed to open many sessions (errors below): those rows measured an overloaded generator as much as the server.`);
  }
  return [...lines, ...reading, ...(errors.length ? ['', 'First error per row:', ...errors] : [])].join('\n');
}

export async function runClusterMain(args: string[]): Promise<void> {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const n = Number(value('--cluster') ?? 3);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error('--cluster takes a node count from 1 to 8');
  const levels = (value('--users') ?? '200,1000,3000').split(',').map(Number);
  const measureMs = Number(value('--measure-ms') ?? 20_000);
  const started = performance.now();
  const machine = describeMachine();
  const bank = await loadBank(defaultBankDir());
  const cluster = await startPostgres({ durable: true });
  const rows: ClusterRow[] = [];
  try {
    for (const users of levels) {
      for (const row of [await sqliteLevel(users, bank, measureMs), await clusterLevel(cluster, n, users, bank, measureMs)]) {
        rows.push(row);
        console.log(`${users} sessions, ${row.setup}: ${fixed(row.perSecond)} answers/s, p50 ${fixed(row.latency.p50, 1)} p99 ${fixed(row.latency.p99, 1)} ms, ${fixed(row.cpuMsPerAnswer, 2)} CPU ms/answer, errors ${row.errors}, stuck ${row.stuck}`);
      }
    }
  } finally {
    await cluster.stop();
  }
  const body = render(machine, n, rows, (performance.now() - started) / 60_000);
  console.log(`\n${body}`);
  if (!args.includes('--no-write') && !value('--users') && !value('--measure-ms')) {
    upsertSection(join(packageRoot(), 'docs/benchmarks.md'), CLUSTER_SECTION, body);
    console.log('\nupdated docs/benchmarks.md');
  }
}
