// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function, total (inclusive) time by
// function, and self time by file, so a run can say where the server's CPU went. `lastMs` keeps only
// the samples of the profile's last lastMs milliseconds (the steady state, without start-up).
// Run: npx tsx read-profile.ts FILE [N] [--last-ms MS]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n)}:${n.callFrame.lineNumber + 1}`;
const fileOf = (n: ProfileNode): string => n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/') || '(native)';

/** Self time per sampled node, over the whole profile or its last `lastMs`. */
function selfTimes(profile: CpuProfile, lastMs?: number): Map<number, number> {
  const at: number[] = [];
  let t = 0;
  for (const d of profile.timeDeltas) at.push((t += d));
  const from = lastMs === undefined ? -Infinity : t - lastMs * 1000;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if ((at[i] ?? 0) >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return selfUs;
}

/** Self and inclusive time per function, and self time per file, largest first. */
export function summarizeProfile(file: string, top = 25, lastMs?: number): { total: number; self: ProfileLine[]; inclusive: ProfileLine[]; files: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfTimes(profile, lastMs)) {
    const node = byId.get(id) as ProfileNode;
    if (node.callFrame.functionName === '(idle)') continue;
    total += us;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    files.set(fileOf(node), (files.get(fileOf(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at) as ProfileNode);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const lines = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { total: total / 1000, self: lines(self), inclusive: lines(inclusive), files: lines(files) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const args = process.argv.slice(2);
  const last = args.indexOf('--last-ms');
  const lastMs = last >= 0 ? Number(args.splice(last, 2)[1]) : undefined;
  const summary = summarizeProfile(args[0] as string, Number(args[1] ?? 30), lastMs);
  const show = (l: ProfileLine) => `${l.ms.toFixed(0).padStart(7)} ms ${(l.share * 100).toFixed(1).padStart(5)}%  ${l.name}`;
  const part = (title: string, ls: ProfileLine[]) => `-- ${title} --\n${ls.map(show).join('\n')}`;
  console.log(`busy ${summary.total.toFixed(0)} ms\n${part('self', summary.self)}\n${part('inclusive', summary.inclusive)}\n${part('self by file', summary.files)}`);
}
