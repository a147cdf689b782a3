// The timers of one session (question time limit, interview time budget), from `timer` effects.
import type { Effect } from '../engine/effects.js';

type TimerEffect = Extract<Effect, { type: 'timer' }>;

export class SessionTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly now: () => number,
    private readonly fire: (effect: TimerEffect) => void,
  ) {}

  /** Arms (or re-arms) the timer of the effect's scope; a past deadline fires at once. */
  arm(effect: TimerEffect): void {
    this.clear(effect.scope);
    const delay = Math.max(0, Math.min(effect.deadline - this.now(), 2 ** 31 - 1));
    const handle = setTimeout(() => {
      this.timers.delete(effect.scope);
      this.fire(effect);
    }, delay);
    handle.unref();
    this.timers.set(effect.scope, handle);
  }

  clear(scope?: TimerEffect['scope']): void {
    for (const [key, handle] of this.timers) {
      if (scope === undefined || key === scope) {
        clearTimeout(handle);
        this.timers.delete(key);
      }
    }
  }
}
