// CPU time and resident memory of another process, read from /proc (Linux), so a server in its own
// process can be measured from the load generator without instrumenting it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export interface ProcSample {
  /** User + system CPU time since the process started (ms). */
  cpuMs: number;
  /** Resident set size (bytes). */
  rssBytes: number;
  /** When the sample was taken (performance.now(), ms). */
  at: number;
}

export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the numeric fields start after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return { cpuMs: ((utime + stime) * 1000) / clockTicks(), rssBytes: rssKb * 1024, at: performance.now() };
}

/** CPU use between two samples, as a share of one core (1.0 = one core busy). */
export const coreShare = (a: ProcSample, b: ProcSample): number => (b.cpuMs - a.cpuMs) / (b.at - a.at);
