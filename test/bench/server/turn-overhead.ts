// What a turn spent outside the model: each turn's model calls are found (by the turn marker in
// their prompt, or by the code word opening the line they streamed), and the turn's time is split
// into model time (the union of the calls' intervals) and the rest: before the first call, between
// calls, and after the last.
import { percentiles, type Percentiles } from '../harness/percentiles.js';
import type { ModelCall } from './turn-model.js';
import type { TurnRecord } from './turn-user.js';

export interface TurnBreakdown {
  turns: number;
  turn: Percentiles;
  model: Percentiles;
  overhead: Percentiles;
  /** Means over turns (ms): before the first call, between calls, after the last. */
  before: number;
  between: number;
  after: number;
  callsPerTurn: number;
  /** Turns none of whose calls could be found (an offline fallback or a skipped call). */
  noCall: number;
}

const turnOf = (marker: string): number => {
  const letters = marker.slice(marker.indexOf('x') + 1);
  return parseInt([...letters].map((c) => (c.charCodeAt(0) - 97).toString(16)).join(''), 16);
};

function attribute(turns: TurnRecord[], calls: ModelCall[]): Map<TurnRecord, ModelCall[]> {
  const byMarker = new Map(turns.map((t) => [t.marker, t]));
  const byCode = new Map<string, TurnRecord>();
  for (const t of turns) {
    const code = /^\s*(zr[a-p]+)/.exec(t.lineText)?.[1];
    if (code) byCode.set(code, t);
  }
  const out = new Map<TurnRecord, ModelCall[]>(turns.map((t) => [t, []]));
  for (const call of calls) {
    const latest = call.markers.reduce<string | undefined>((best, m) => (best === undefined || turnOf(m) > turnOf(best) ? m : best), undefined);
    const owner = (latest ? byMarker.get(latest) : undefined) ?? (call.code ? byCode.get(call.code) : undefined);
    if (owner && call.start >= owner.at - 1 && call.start <= owner.end) out.get(owner)?.push(call);
  }
  return out;
}

export function breakDown(turns: TurnRecord[], calls: ModelCall[]): TurnBreakdown {
  const owned = attribute(turns, calls);
  const model: number[] = [];
  const overhead: number[] = [];
  let before = 0;
  let between = 0;
  let after = 0;
  let callCount = 0;
  let noCall = 0;
  for (const [t, list] of owned) {
    list.sort((a, b) => a.start - b.start);
    callCount += list.length;
    let busy = 0;
    let reach = t.at;
    for (const c of list) {
      const start = Math.max(c.start, reach);
      const end = Math.min(c.end, t.end);
      if (end > start) busy += end - start;
      if (c === list[0]) before += c.start - t.at;
      else if (c.start > reach) between += c.start - reach;
      reach = Math.max(reach, c.end);
    }
    if (list.length === 0) noCall += 1;
    else after += t.end - reach;
    model.push(busy);
    overhead.push(t.end - t.at - busy);
  }
  const n = Math.max(1, turns.length);
  const withCalls = Math.max(1, turns.length - noCall);
  return {
    turns: turns.length,
    turn: percentiles(turns.map((t) => t.end - t.at)),
    model: percentiles(model),
    overhead: percentiles(overhead),
    before: before / withCalls,
    between: between / withCalls,
    after: after / withCalls,
    callsPerTurn: callCount / n,
    noCall,
  };
}
