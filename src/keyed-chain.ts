/**
 * Runs tasks one after another per key (a user), so one user's turns taken by this process finish in the order
 * they were taken (the conversation's turn lock; the WeChat pipeline, whose replies are queued in that order).
 * Tasks of different keys run side by side.
 */
export class KeyedChain {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after every earlier task of `key` has settled; resolves or rejects with it. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
