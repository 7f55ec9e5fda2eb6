/**
 * Runs turns without holding up the update loop. telegraf's polling waits for a whole batch of updates before
 * fetching the next, so a slow turn (an LLM answer, an OCR) would stall every other user; instead each update
 * is scheduled here and the loop moves on. One chat's turns still run one after another, in arrival order, so
 * replies come back in the order the messages were sent. When too many turns are pending, scheduling waits
 * (backpressure), which slows the update loop instead of letting memory grow.
 */
export class TurnScheduler {
  private readonly tails = new Map<string, Promise<void>>();
  private pending = 0;
  private roomWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];

  /** `maxPending`: turns queued or running before schedule() waits for room. */
  constructor(private readonly maxPending = 1000) {}

  /**
   * Queues `task` behind earlier turns of `key` and resolves once it is queued (not when it is done). `task`
   * must not reject; if it does anyway, the rejection is dropped so the chat's queue goes on.
   */
  async schedule(key: string, task: () => Promise<void>): Promise<void> {
    while (this.pending >= this.maxPending) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    this.pending++;
    const prev = this.tails.get(key) ?? Promise.resolve();
    const tail = prev.then(task).catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      this.pending--;
      this.roomWaiters.shift()?.();
      if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  /** Turns queued or running. */
  size(): number {
    return this.pending;
  }

  /** Resolves true when every scheduled turn has finished, or false after `timeoutMs`. */
  idle(timeoutMs = Infinity): Promise<boolean> {
    if (this.pending === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
      }
    });
  }
}
