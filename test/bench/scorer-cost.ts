// The offline scorer's cost per answer, this checkout side by side with another in one process:
// CPU per answer (process.cpuUsage, old and new in turn over chunks of 24 answers, median of the
// reps) and bytes allocated per answer (heapUsed over a whole set run with no GC inside it: run with
// a young generation big enough to hold it). Sets: the server bench's answers (answer-corpus.ts, with
// the follow-up joined to the first answer as the server joins them) through offlineEvaluation and
// the grader-address screen, as the LLM path runs them; SAF train through scoreOffline and the screen;
// the screen alone on the server bench's answers.
// Run: PROBE_DATA_DIR=../shared/data node --expose-gc --min-semi-space-size=1024 --max-semi-space-size=1024 \
//        --import tsx test/bench/scorer-cost.ts --base DIR [--reps N] [--only server|saf|screen]
// DIR is another checkout's root (its src/ is imported); the sets' answers come from this checkout.
import { resolve } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import * as NEW from '../../src/engine/interviewer/offline-interviewer.js';
import * as NEW_SCREEN from '../../src/engine/scoring/grader-address.js';
import * as NEW_SCORER from '../../src/engine/scoring/offline-scorer.js';
import { answerFor } from './harness/answer-corpus.js';
import { loadSaf } from './saf.js';
import { REPO_ROOT } from './semeval.js';

const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseDir = arg('--base');
if (!baseDir) throw new Error('--base DIR is required: the root of the checkout to compare with');
const reps = Number(arg('--reps') ?? 9);
const only = arg('--only');
const from = (path: string) => import(pathToFileURL(resolve(baseDir, path)).href);
const OLD: typeof NEW = await from('src/engine/interviewer/offline-interviewer.ts');
const OLD_SCREEN: typeof NEW_SCREEN = await from('src/engine/scoring/grader-address.ts');
const OLD_SCORER: typeof NEW_SCORER = await from('src/engine/scoring/offline-scorer.ts');

const bank = await loadBank(resolve(REPO_ROOT, 'rubrics'));
const server: { question: (typeof bank.questions)[number]; answer: string }[] = [];
for (let seed = 0; seed < 4; seed += 1) {
  for (const q of bank.questions) {
    const first = `${answerFor(q, seed * 7 + 1, 0)} (m${seed}a)`;
    server.push({ question: q, answer: first }, { question: q, answer: `${first}\n\n${answerFor(q, seed * 7 + 1, 1)} (m${seed}b)` });
  }
}
const saf = loadSaf('train').map((r) => ({ question: r.question, reference: r.reference, answer: r.answer }));

type Run = (from: number, to: number) => void;
type SetName = 'server' | 'saf' | 'screen';
function runs(evaluate: typeof NEW, screen: typeof NEW_SCREEN, scorer: typeof NEW_SCORER): Record<SetName, Run> {
  return {
    server: (a, b) => {
      for (let i = a; i < b; i += 1) evaluate.offlineEvaluation(server[i]!, screen.separateGraderAddress(server[i]!.answer));
    },
    saf: (a, b) => {
      for (let i = a; i < b; i += 1) {
        screen.separateGraderAddress(saf[i]!.answer);
        scorer.scoreOffline(saf[i]!);
      }
    },
    screen: (a, b) => {
      for (let i = a; i < b; i += 1) screen.findGraderAddress(server[i]!.answer);
    },
  };
}
const variants = { base: runs(OLD, OLD_SCREEN, OLD_SCORER), new: runs(NEW, NEW_SCREEN, NEW_SCORER) };
const counts: Record<SetName, number> = { server: server.length, saf: saf.length, screen: server.length };

const gcTimes: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcTimes.push(e.startTime);
}).observe({ entryTypes: ['gc'] });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(run node with --expose-gc for the allocation column)');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// Warm up: question models cached, code optimised.
for (let i = 0; i < 3; i += 1) for (const v of Object.values(variants)) for (const set of Object.keys(counts) as SetName[]) v[set](0, counts[set]);

const CHUNK = 24;
for (const set of Object.keys(counts) as SetName[]) {
  if (only && only !== set) continue;
  const cpu = { base: [] as number[], new: [] as number[] };
  const alloc = { base: [] as number[], new: [] as number[] };
  const ratios: number[] = [];
  for (let rep = 0; rep < reps; rep += 1) {
    const sum = { base: 0, new: 0 };
    for (let a = 0; a < counts[set]; a += CHUNK) {
      const b = Math.min(counts[set], a + CHUNK);
      for (const name of (rep + a / CHUNK) % 2 === 0 ? (['base', 'new'] as const) : (['new', 'base'] as const)) {
        const t0 = process.cpuUsage();
        variants[name][set](a, b);
        const t = process.cpuUsage(t0);
        sum[name] += t.user + t.system;
      }
    }
    cpu.base.push(sum.base / counts[set]);
    cpu.new.push(sum.new / counts[set]);
    ratios.push(sum.new / sum.base);
    for (const name of rep % 2 === 0 ? (['base', 'new'] as const) : (['new', 'base'] as const)) {
      if (!gc) break;
      gc();
      await pause(5);
      const p0 = performance.now();
      const h0 = process.memoryUsage().heapUsed;
      variants[name][set](0, counts[set]);
      const h1 = process.memoryUsage().heapUsed;
      const p1 = performance.now();
      await pause(5);
      if (!gcTimes.some((x) => x >= p0 && x <= p1)) alloc[name].push((h1 - h0) / counts[set]);
    }
  }
  const [b, n] = [median(cpu.base), median(cpu.new)];
  const [ab, an] = [median(alloc.base) / 1024, median(alloc.new) / 1024];
  console.log(
    `${set.padEnd(6)} ${counts[set]} answers: CPU ${b.toFixed(1)} -> ${n.toFixed(1)} us an answer (${(n / b).toFixed(3)}x; median of per-rep ratios ${median(ratios).toFixed(3)}), ` +
      `allocated ${ab.toFixed(1)} -> ${an.toFixed(1)} KB (${(an / ab).toFixed(3)}x; ${alloc.base.length}/${alloc.new.length} GC-free runs)`,
  );
}
