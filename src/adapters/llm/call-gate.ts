// Admission to the model path: at most `maxInFlight` LLM calls at once, the rest wait in line. When
// a call has waited `maxWaitMs` without a slot, or the process's event loop lags by `maxLagMs` (the
// server itself is out of CPU, so every call in flight is slower than the model), the gate sheds:
// for `shedMs` every call fails at once with LlmSaturated, so turns go to the offline interviewer
// (recorded as fallbacks) instead of queueing until clients time out. The server asks the gate
// whether to refuse new sessions.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { LlmUnavailable } from '../../errors.js';

export interface CallGateOptions {
  maxInFlight: number;
  maxWaitMs: number;
  /** Event-loop delay (mean over the last second) past which the process counts as saturated; 0 = not watched. */
  maxLagMs: number;
  shedMs: number;
  now?: () => number;
}

export interface Saturation {
  reason: string;
  /** Seconds until the gate looks again: the Retry-After of a refused session. */
  retryAfterS: number;
}

export interface CallGate {
  /** A slot for one call; call the release function when the call is over. Throws LlmSaturated. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Why the model path is saturated now, or undefined. */
  saturation(): Saturation | undefined;
  readonly inFlight: number;
  readonly waiting: number;
  close(): void;
}

/** The model path is saturated; the offline interviewer stands in. */
export class LlmSaturated extends LlmUnavailable {}

interface Waiter {
  grant: (release: () => void) => void;
  fail: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function createCallGate(options: CallGateOptions): CallGate {
  const now = options.now ?? Date.now;
  const queue: Waiter[] = [];
  let inFlight = 0;
  let shedUntil = 0;
  let shedReason = '';
  const lag = options.maxLagMs > 0 ? watchLag() : undefined;

  const shed = (reason: string) => {
    shedUntil = now() + options.shedMs;
    shedReason = reason;
    // Everyone in line would wait as long: let them all go offline now.
    for (const w of queue.splice(0)) {
      clearTimeout(w.timer);
      w.fail(new LlmSaturated(`LLM saturated (${reason}); the offline interviewer stands in`));
    }
  };
  const release = () => {
    inFlight -= 1;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      inFlight += 1;
      next.grant(once(release));
    }
  };
  const shedding = (): string | undefined => {
    if (now() < shedUntil) return shedReason;
    const lagMs = lag?.meanMs() ?? 0;
    if (lag && lagMs > options.maxLagMs) {
      shed(`the server is overloaded: its event loop lags ${Math.round(lagMs)} ms`);
      return shedReason;
    }
    return undefined;
  };

  return {
    acquire(signal) {
      const reason = shedding();
      if (reason) return Promise.reject(new LlmSaturated(`LLM saturated (${reason}); the offline interviewer stands in for ${Math.ceil((shedUntil - now()) / 1000)} s`));
      if (inFlight < options.maxInFlight) {
        inFlight += 1;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          grant: resolve,
          fail: reject,
          timer: setTimeout(() => {
            queue.splice(queue.indexOf(waiter), 1);
            shed(`${options.maxInFlight} calls in flight and a call waited ${options.maxWaitMs} ms for a slot`);
            reject(new LlmSaturated(`LLM saturated (${shedReason}); the offline interviewer stands in`));
          }, options.maxWaitMs),
        };
        queue.push(waiter);
        signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at < 0) return;
          queue.splice(at, 1);
          clearTimeout(waiter.timer);
          reject(new LlmUnavailable('LLM call was cancelled'));
        });
      });
    },
    saturation() {
      const reason = shedding();
      if (!reason) return undefined;
      return { reason, retryAfterS: Math.max(1, Math.ceil((shedUntil - now()) / 1000)) };
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
    close() {
      lag?.stop();
    },
  };
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

// Coarse on purpose: the threshold is hundreds of ms, and each tick wakes the process.
const RESOLUTION_MS = 100;

/** Mean event-loop delay over the last full second (monitorEventLoopDelay, reset each second). */
function watchLag(): { meanMs(): number; stop(): void } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let last = 0;
  const timer = setInterval(() => {
    // Each sample is the whole interval between the monitor's ticks; the lag is what exceeds it.
    last = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS) : 0;
    histogram.reset();
  }, 1000);
  timer.unref();
  return {
    meanMs: () => last,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
