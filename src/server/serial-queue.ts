// A strict FIFO of async tasks: each starts only after the previous one settled. One per session,
// so a session's frames are handled one at a time, in order, while sessions run in parallel.

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Tasks queued or running. */
  get size(): number {
    return this.waiting;
  }

  /** Runs `task` after every task queued before it; its failure does not stop the queue. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => void (this.waiting -= 1),
      () => void (this.waiting -= 1),
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  drained(): Promise<void> {
    return this.tail;
  }
}
