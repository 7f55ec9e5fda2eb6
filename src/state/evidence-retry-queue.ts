/**
 * Evidence that Redis could not take, held in memory and written exactly once when the connection is back (and
 * counted then, like any append, if the same content is kept already).
 * Evidence has no other copy — a forwarded threat may be gone from the user's phone — so an outage must delay
 * it, not lose it. The queue is bounded (the oldest item is dropped, and that is logged as an error), kept in
 * arrival order per user, and a user's items are dropped when the user deletes their data.
 */
import { AppError } from '../errors';
import type { StoreLogger } from './store';

export interface QueuedEvidence {
  userKey: string;
  listKey: string;
  /** Same item, same identity: id, receivedAt and content hash (ids alone carry little randomness). */
  identity: string;
  /** Sealed once, retried as the same string, so the append script recognises a retry. */
  sealed: string;
  /** The keyed hash of the content the append script dedupes on. */
  tag: string;
  /** receivedAt in ms, for the kept item's lastSeenAt when this is a repeat. */
  receivedMs: number;
}

export interface EvidenceRetryQueueDeps {
  /** Writes (or counts) one record, idempotently; rejects when Redis cannot take it. */
  append(entry: QueuedEvidence): Promise<unknown>;
  /** Whether the connection is up now: flushes run only then. */
  ready(): boolean;
  /** Runs `fn` under the user's evidence lock, the one appendEvidence and deleteUser take. */
  lockUser<T>(userKey: string, fn: () => Promise<T>): Promise<T>;
  log: StoreLogger;
  /** Items held at most; the oldest is dropped beyond this. */
  max: number;
  /** How long after a failed write (with the connection still up) the queue tries again. */
  retryDelayMs: number;
}

/** The bounded retry queue behind RedisStore.appendEvidence. */
export class EvidenceRetryQueue {
  private readonly items: QueuedEvidence[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: EvidenceRetryQueueDeps) {}

  /** Items waiting to be written. */
  get size(): number {
    return this.items.length;
  }

  /** Tries to write one record now; resolves to the error, or undefined once written. */
  private async tryAppend(entry: QueuedEvidence): Promise<unknown> {
    try {
      await this.deps.append(entry);
      return undefined;
    } catch (e) {
      return e;
    }
  }

  /**
   * Writes this user's queued items in order; resolves to the first error (that item and the rest stay
   * queued). The caller holds the user's evidence lock.
   */
  async writeUser(userKey: string): Promise<unknown> {
    for (const entry of this.items.filter((q) => q.userKey === userKey)) {
      const err = await this.tryAppend(entry);
      if (err !== undefined) return err;
      const i = this.items.indexOf(entry);
      if (i >= 0) this.items.splice(i, 1);
    }
    return undefined;
  }

  /** Queues a record that could not be written (once: the same item queued again is ignored). */
  add(entry: QueuedEvidence): void {
    if (this.items.some((q) => q.listKey === entry.listKey && q.identity === entry.identity)) return;
    if (this.items.length >= this.deps.max) {
      this.items.shift();
      this.deps.log.error({ max: this.deps.max }, 'evidence retry queue full: oldest queued item dropped');
    }
    this.items.push(entry);
    this.scheduleFlush();
  }

  /** Forgets every queued item of the user; returns how many there were. */
  drop(userKey: string): number {
    const before = this.items.length;
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]!.userKey === userKey) this.items.splice(i, 1);
    return before - this.items.length;
  }

  /** Writes every queued item, user by user, while the connection holds. Call on reconnect; a timer also does. */
  flush(): Promise<void> {
    // Assigned before the drain can settle, so at most one drain runs and a finished one is always forgotten.
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
      if (this.items.length > 0) this.scheduleFlush();
    });
    return this.flushing;
  }

  /** Stops the retry timer; items still queued stay countable (`size`) for the caller to report. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    await Promise.resolve();
    let wrote = 0;
    while (this.items.length > 0 && this.deps.ready()) {
      const userKey = this.items[0]!.userKey;
      const before = this.items.length;
      const err = await this.deps.lockUser(userKey, () => this.writeUser(userKey));
      wrote += Math.max(0, before - this.items.length);
      if (err === undefined) continue;
      if (isRetryable(err)) {
        this.deps.log.warn({ pending: this.items.length, reason: reasonOf(err) }, 'queued evidence not written yet');
      } else {
        const dropped = this.drop(userKey);
        this.deps.log.error({ dropped, reason: reasonOf(err) }, 'queued evidence rejected by redis: dropped');
      }
      return;
    }
    if (wrote > 0) this.deps.log.info({ wrote, pending: this.items.length }, 'queued evidence written');
  }

  /** A timer for the case where a write failed without the connection dropping (e.g. a timeout). */
  private scheduleFlush(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.deps.ready()) void this.flush();
    }, this.deps.retryDelayMs);
    this.timer.unref();
  }
}

/** False when Redis answered with an error (wrong type, out of memory…): retrying the same write will not help. */
export function isRetryable(err: unknown): boolean {
  const cause = err instanceof AppError ? err.cause : err;
  return !(cause instanceof Error && cause.name === 'ReplyError');
}

/** An error's message for logs: Redis's own error text, never user content. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
