// Renders the "Server performance" section of docs/benchmarks.md from a bench:server run.
import { machineLine, type Machine } from '../harness/machine.js';
import { ms, type Percentiles } from '../harness/percentiles.js';
import { FINDINGS } from './findings.js';
import type { IdleResult } from './idle-sessions.js';
import { INTERVIEW_PLAN, type OfflineRow } from './offline-load.js';
import { RELAY_PLAN, type RelayRow } from './relay-load.js';

export interface ServerRun {
  machine: Machine;
  offline: OfflineRow[];
  idle: IdleResult;
  relay: RelayRow[];
  minutes: number;
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pct = (share: number) => `${(share * 100).toFixed(0)}%`;
const think = (t: number) => (t === 0 ? 'none' : `${t / 1000} s`);
const pair = (a: number, b: number) => `${ms(a)} / ${ms(b)}`;
const errors = (e: Record<string, number>, stuck: number) => {
  const all = Object.entries(e).map(([k, n]) => `${n} ${k}`);
  if (stuck > 0) all.push(`${stuck} users stuck`);
  return all.length > 0 ? all.join(', ') : '0';
};

function offlineTables(rows: OfflineRow[]): string[] {
  const latency = rows.map(
    (r) =>
      `| ${r.users} | ${think(r.thinkMs)} | ${r.latency.n} | ${r.perSecond.toFixed(0)} | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | **${ms(r.latency.p99)}** | ` +
      `${pair(r.echo.p50, r.echo.p99)} | ${(r.latency.p50 / r.echo.p50).toFixed(1)} / ${(r.latency.p99 / r.echo.p99).toFixed(1)} | ${pair(r.ack.p50, r.ack.p99)} | ${errors(r.errors, r.stuck)} |`,
  );
  const resources = rows.map(
    (r) =>
      `| ${r.users} | ${think(r.thinkMs)} | ${pct(r.cpu)} | ${ms(r.cpuMsPerTurn)} | ${((r.cpu / r.users) * 100).toFixed(2)}% | ${mb(r.rssFresh)} → ${mb(r.rssEnd)} MB | ${kb((r.rssEnd - r.rssFresh) / r.users)} KB | ${r.interviews} |`,
  );
  return [
    '| Sessions | Think time | Turns timed | Answers/s | Turn p50 | p95 | p99 | Echo p50 / p99 | Ratio to echo p50 / p99 | Ack p50 / p99 | Errors |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...latency,
    '',
    'Server resources over the same windows (CPU from /proc utime+stime, as a share of one core; RSS from VmRSS, fresh server → end of the window):',
    '',
    '| Sessions | Think time | Server CPU | CPU ms per answer | CPU per session | RSS | RSS growth per session | Interviews finished |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...resources,
  ];
}

function relayTable(rows: RelayRow[]): string[] {
  const added = (r: RelayRow, p: keyof Percentiles) => ms(Math.max(0, (r.relay[p] as number) - (r.floor[p] as number)));
  return [
    '| Sessions | Tokens timed | Probe relay p50 / p99 | Bare relay p50 / p99 | Added by Probe p50 / p99 | Turn p50 | Answers/s | Server CPU | Lines (guard window: lines) | Errors |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.users} | ${r.relay.n} | ${pair(r.relay.p50, r.relay.p99)} | ${pair(r.floor.p50, r.floor.p99)} | **${added(r, 'p50')} / ${added(r, 'p99')}** | ${ms(r.latency.p50)} | ${r.perSecond.toFixed(0)} | ${pct(r.cpu)} | ` +
        `${r.lines} (${r.holds})${r.unmatched > 0 ? `, ${r.unmatched} unmatched` : ''} | ${errors(r.errors, r.stuck)} |`,
    ),
  ];
}

function targets(run: ServerRun): string[] {
  const at200 = run.offline.find((r) => r.users === 200 && r.thinkMs > 0);
  const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
  const lines = [];
  if (at200) {
    lines.push(
      `- p99 turn latency at 200 sessions under 10 ms: ${ms(at200.latency.p99)} ms (p50 ${ms(at200.latency.p50)} ms), ${mark(at200.latency.p99 < 10)}. ` +
        `The bare echo at the same pace has p99 ${ms(at200.echo.p99)} ms; the server was busy ${pct(at200.cpu)} of one core, ${ms(at200.cpuMsPerTurn)} ms of CPU per answer.`,
    );
  }
  if (run.relay.length > 0) {
    const added = (r: RelayRow) => r.relay.p99 - r.floor.p99;
    const levels = run.relay.map((r) => `${r.users} sessions ${ms(Math.max(0, added(r)))} ms (${pct(r.cpu)} CPU)`).join(', ');
    lines.push(`- Relay overhead per token under 1 ms p99 (added over the bare relay's p99): ${levels}; ${mark(run.relay.every((r) => added(r) < 1))}${run.relay.some((r) => added(r) < 1) ? ` (met at ${run.relay.filter((r) => added(r) < 1).map((r) => r.users).join(', ')} sessions)` : ''}.`);
  }
  if (run.idle.sessions > 0) lines.push(`- 1,000 idle sessions under 100 KB each: ${kb(run.idle.rssPerSession)} KB RSS (${kb(run.idle.heapPerSession)} KB of live JS heap) per session, ${mark(run.idle.rssPerSession < 100 * 1024)}.`);
  return lines;
}

export function renderServerRun(run: ServerRun): string {
  const idle = run.idle;
  return [
    'Command: `npm run bench:server` (test/bench/server/run.ts); ' + `${run.minutes.toFixed(1)} minutes.`,
    machineLine(run.machine),
    '',
    'Method. Probe runs as `probe serve` in its own process (fresh temp database per level, rate limit raised, log level warn);',
    'the load generator runs real `ws` clients in the benchmark process. Each virtual candidate creates a session over HTTP,',
    `opens its WebSocket and runs whole mock interviews (${INTERVIEW_PLAN.questionCount} questions, up to ${INTERVIEW_PLAN.maxFollowUps} follow-ups), back to back. Answers come from`,
    'a fixed corpus (each question\'s reference answer whole, half of it, two key points, or a weak answer, chosen by a hash of',
    'seed, question and round), so every run does the same work. A turn is timed from sending `answer.submit` to receiving the',
    'final `line` frame of the next interviewer line (follow-up, next question or closing), which the server sends only after',
    'committing it; the ack (answer committed) is timed too. Think time is the pause between a line arriving and the answer',
    'going out, uniform in 0.5-1.5x the mean: one answer a second per session is 30-60 times faster than people answer. The 1',
    'session row runs back to back with no pause; the last row is 50 sessions flat out, the throughput ceiling. Samples are',
    'taken after a warm-up. The echo floor is a bare `ws` echo server in its own process, driven by the same client code at',
    'the same sessions and pace with frames the size of an answer; the ratio is Probe\'s turn percentile over the echo\'s.',
    '',
    '### Offline interviewer',
    '',
    ...offlineTables(run.offline),
    '',
    '### Idle sessions',
    '',
    `${idle.opened} of ${idle.sessions} sessions opened on a fresh server (created, started, first question received, socket left open`,
    `waiting for an answer) in ${idle.openSeconds.toFixed(1)} s: RSS ${mb(idle.rssBefore)} → ${mb(idle.rssAfter)} MB, **${kb(idle.rssPerSession)} KB per session**;`,
    `live JS heap after a forced full GC (through the inspector) ${kb(idle.heapPerSession)} KB per session.${idle.errors.length > 0 ? ` Errors: ${idle.errors.join('; ')}.` : ''}`,
    '',
    '### LLM interviewer: token relay',
    '',
    `Probe pointed (OPENAI_BASE_URL) at the scripted OpenAI-protocol server (test/support/scripted-openai-server.ts) in the`,
    `benchmark process, streaming every interviewer line at ${run.relay[0]?.tokenDelayMs ?? 0} ms per token; judge and decide calls answer at once. Mock`,
    `interviews of ${RELAY_PLAN.questionCount} questions, ${RELAY_PLAN.maxFollowUps} follow-up each, think time 1 s. Each line.delta is timed from the moment the scripted server`,
    'wrote the token that released it (same clock: both ends are in this process). Probe\'s line guard holds back the last',
    'words of a line (4, or 7 in a mock interview when the question has a reference answer to protect) until it knows they',
    'do not give the answer away, so the delta carrying word k is released by token k + window; the window is read off each',
    'line, and the held-back tail, released when the stream ends, is not counted. The bare relay (test/bench/server/bare-relay.ts,',
    'its own process: fetch in, one ws frame per token out) streams the same lines at the same pace and sessions: the two',
    'loopback hops and the machine\'s wake-up latency, which Probe cannot go below. "Added by Probe" is the difference of the',
    'percentiles.',
    '',
    ...relayTable(run.relay),
    '',
    '### Targets',
    '',
    ...targets(run),
    '',
    ...FINDINGS,
  ].join('\n');
}
