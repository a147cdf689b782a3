// Renders the "Resilience" section of docs/benchmarks.md from a bench:chaos run. Every counted
// figure is printed, so a run can be set beside the last one.
import { machineLine, type Machine } from '../harness/machine.js';
import { ms } from '../harness/percentiles.js';
import type { BadInputResult } from './bad-input.js';
import type { CrashResult } from './crash.js';
import type { LlmFaultResult } from './llm-faults.js';

export interface ChaosRun {
  machine: Machine;
  seed: number;
  crash: CrashResult;
  input: BadInputResult;
  llm: LlmFaultResult;
  minutes: number;
}

const must = (value: number, good: number) => (value === good ? `${value}` : `**${value}** (must be ${good})`);
const list = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';

function crashLines(c: CrashResult): string[] {
  const d = c.db;
  return [
    `${c.kills} kills (SIGKILL at uptimes uniform in ${c.uptimeMs[0] / 1000}-${c.uptimeMs[1] / 1000} s, seeded) of a server with ${c.clients} candidates running mock interviews back to back, lines`,
    `streamed word by word (3 ms a word) so kills land mid-line, mid-judgment and mid-commit as well as between turns; ${c.seconds.toFixed(0)} s.`,
    '',
    '| Figure | Count |',
    '|---|---:|',
    `| Sessions run by the candidates | ${c.sessions} |`,
    `| ... finished (session.ended received) | ${c.finished} |`,
    `| **Sessions that could not resume**: not ended in the database | ${must(d.notEnded, 0)} |`,
    `| ... session.resume refused | ${must(c.resumeFailures, 0)} |`,
    `| Reconnections with session.resume | ${c.resumes} |`,
    `| Answers sent | ${c.answersSent} |`,
    `| Answers acknowledged (checked in the database) | ${d.acked} |`,
    `| **Acknowledged answers lost** | ${must(d.lost, 0)} |`,
    `| Acknowledged answers stored under another seq or text | ${must(d.mismatched, 0)} |`,
    `| Answers stored twice (same clientId) | ${must(d.duplicates, 0)} |`,
    `| Answers in flight (sent, not acknowledged) at the kills | ${c.inFlightAtKills} |`,
    `| Answers resent after a reconnect (same clientId) | ${c.resent} |`,
    `| ... acknowledged after the resend (stored once, either before the kill or after) | ${c.ackedAfterResend} |`,
    `| Replayed acks whose text differed from what was sent | ${must(c.textMismatches, 0)} |`,
    `| Sessions with a gap in their seq numbers | ${must(d.seqGaps, 0)} |`,
    `| Sessions whose event log disagrees with their row | ${must(d.eventMismatches, 0)} |`,
    `| Sessions created as the server died, never answered to the client | ${d.orphans} |`,
    `| Candidates who could not create a session before giving up | ${must(c.neverCreated, 0)} |`,
    `| Restart to listening, p50 / max (ms) | ${ms(c.restartMs.p50)} / ${ms(c.restartMs.max)} |`,
    '',
    `Error frames the candidates saw: ${list(c.errors)}.`,
  ];
}

function inputLines(r: BadInputResult): string[] {
  const rows = Object.entries(r.kinds)
    .sort((a, b) => b[1].sent - a[1].sent)
    .map(([kind, k]) => `| ${kind} | ${k.sent} | ${k.answered} | ${must(k.wrong, 0)} | ${must(k.silent, 0)} |`);
  const wb = r.wellBehaved;
  return [
    `${r.frames} frames in all: ${r.frames - r.floods.frames} bad frames on connections to sessions not started, mid-interview and ended, one at a`,
    `time (under the rate limit of 10 a second, so each is answered), and ${r.floods.frames} in floods; the server runs with its default limits`,
    `(64 KiB frames, 8,000-character answers, 10 frames a second, bursts of 30). Each answer is checked against docs/protocol.md; ${r.seconds.toFixed(0)} s.`,
    '',
    '| Kind | Sent | Answered | Wrong answer | No answer |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    '| Figure | Count |',
    '|---|---:|',
    `| Oversized frames closed with 1009 | ${r.tooBigCloses} |`,
    `| ... sessions resumed cleanly after the 1009 | ${must(r.resumedAfterTooBig, r.tooBigCloses)} |`,
    `| Flood connections (${r.floods.frames} frames) closed with 1008 | ${must(r.floods.closed1008, r.floods.connections)} |`,
    `| ... warned with rate_limited first | ${must(r.floods.warned, r.floods.connections)} |`,
    `| Bad handshakes (no token, wrong token, unknown session) closed 4401/4404 | ${must(r.handshakes.expected, r.handshakes.attempts)} of ${r.handshakes.attempts} |`,
    `| Server frames outside the protocol schema | ${must(r.outsideProtocol, 0)} |`,
    `| Well-behaved interviews alongside, finished | ${must(wb.finished, wb.sessions)} of ${wb.sessions} |`,
    `| ... reconnections they needed | ${must(wb.reconnects, 0)} |`,
    `| ... acknowledged answers lost | ${must(wb.db.lost + wb.db.mismatched, 0)} of ${wb.db.acked} |`,
    `| Server still up, /healthz 200 | ${r.serverUp ? 'yes' : `**no** (${r.health})`} |`,
    `| Error-level lines in the server's log | ${must(r.errorLogLines, 0)} |`,
    ...(r.wrongExamples.length > 0 ? ['', `Wrong answers, first few: ${r.wrongExamples.join('; ')}.`] : []),
  ];
}

function llmLines(l: LlmFaultResult): string[] {
  const a = l.audit;
  return [
    `${l.interviews} mock interviews against a scripted endpoint answering ${l.requests} requests, faults at seeded random (settings: ${Object.entries(l.settings).map(([k, v]) => `${k}=${v}`).join(', ')}); ${l.seconds.toFixed(0)} s.`,
    `Faults injected: ${list(l.faults)}.`,
    '',
    '| Figure | Count |',
    '|---|---:|',
    `| Interviews finished | ${must(l.finished, l.interviews)} of ${l.interviews} |`,
    `| ... ended in the database | ${must(l.interviews - a.notEnded, l.interviews)} |`,
    `| Lines, decisions and judgments asked of the LLM | ${a.llmCalls} |`,
    `| ... from the model | ${a.byModel} |`,
    `| ... offline stand-in, reason recorded | ${a.recorded} |`,
    `| **... offline stand-in, no reason recorded** | ${must(a.unrecorded, 0)} |`,
    `| Sessions whose fallback list disagrees with their events | ${must(a.fallbackListMismatches, 0)} |`,
    '',
    `Recorded reasons: ${[...a.reasons.entries()].sort((x, y) => y[1] - x[1]).map(([k, n]) => `"${k}" ${n}`).join(', ')}.`,
  ];
}

export function renderChaosRun(run: ChaosRun): string {
  return [
    `Command: \`npm run bench:chaos\` (test/bench/chaos/run.ts), seed ${run.seed}; ${run.minutes.toFixed(1)} minutes. Figures in bold must hold.`,
    machineLine(run.machine),
    '',
    '### Crash: kill -9 and resume',
    '',
    ...crashLines(run.crash),
    '',
    '### Bad input',
    '',
    ...inputLines(run.input),
    '',
    '### LLM faults',
    '',
    ...llmLines(run.llm),
  ].join('\n');
}

/** The figures that must hold; a run that breaks any exits non-zero. */
export function chaosFailures(run: ChaosRun): string[] {
  const c = run.crash;
  const r = run.input;
  const checks: [boolean, string][] = [
    [c.db.lost === 0, `${c.db.lost} acknowledged answers lost`],
    [c.db.mismatched === 0, `${c.db.mismatched} acknowledged answers stored differently`],
    [c.db.notEnded === 0, `${c.db.notEnded} sessions did not end after the kills`],
    [c.resumeFailures === 0, `${c.resumeFailures} resumes refused`],
    [c.db.duplicates === 0 && c.db.seqGaps === 0 && c.db.eventMismatches === 0, 'duplicate answers, seq gaps or event log mismatches'],
    [c.textMismatches === 0 && c.neverCreated === 0, 'replayed text mismatches or sessions never created'],
    [Object.values(r.kinds).every((k) => k.wrong === 0 && k.silent === 0), 'bad frames answered wrongly or not at all'],
    [r.floods.closed1008 === r.floods.connections && r.handshakes.expected === r.handshakes.attempts, 'floods or bad handshakes not refused as documented'],
    [r.outsideProtocol === 0 && r.serverUp && r.errorLogLines === 0, 'frames outside the protocol, server down, or error log lines'],
    [r.wellBehaved.finished === r.wellBehaved.sessions && r.resumedAfterTooBig === r.tooBigCloses, 'well-behaved interviews unfinished or sessions harmed by 1009'],
    [run.llm.finished === run.llm.interviews && run.llm.audit.notEnded === 0, 'LLM-fault interviews unfinished'],
    [run.llm.audit.unrecorded === 0 && run.llm.audit.fallbackListMismatches === 0, 'fallbacks not recorded'],
  ];
  return checks.filter(([ok]) => !ok).map(([, what]) => what);
}
