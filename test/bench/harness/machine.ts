// The machine a benchmark ran on, for the report: CPU, cores, Node, and the load average at the
// start (the machine is shared, so a busy neighbour shows up here).
import { cpus, loadavg } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  load: string;
  date: string;
}

export function describeMachine(): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model ?? 'unknown CPU',
    cores: all.length,
    node: process.version,
    load: loadavg().map((l) => l.toFixed(2)).join(' / '),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

export const machineLine = (m: Machine): string =>
  `Run: ${m.date} on ${m.cpu} (${m.cores} cores), Node ${m.node}; load average at start (1/5/15 min): ${m.load}.`;
