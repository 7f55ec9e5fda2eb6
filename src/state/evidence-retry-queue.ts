/**
 * Evidence the store could not take right now (Redis unreachable, a transient disk error), held for a retry and
 * written exactly once when the store is back (counted then, like any append, if the same content is kept
 * already). Evidence has no other copy — a forwarded threat may be gone from the user's phone — so the queue
 * keeps its word:
 *
 * - what it accepts survives a restart: with a journal (queue-journal.ts) each item is on disk before `add`
 *   says yes, and a new process loads and retries them;
 * - it never drops an item it accepted to make room (that was a silent broken promise): when it is full, or
 *   the journal cannot take the item, `add` says no and the caller must tell the user the item was not kept;
 * - each user gets a fair share: one user holds at most `perUserMax` items, so a flood from one sender cannot
 *   crowd everyone else's evidence out.
 *
 * Items are kept in arrival order per user, and a user's items are dropped when the user deletes their data.
 */
import { AppError } from '../errors';
import type { StoreLogger } from './store';
import type { QueueJournal } from './queue-journal';

/** One queued write. `identity` tells the same item queued twice apart from two items. */
export interface RetryEntry {
  userKey: string;
  identity: string;
}

export interface EvidenceRetryQueueDeps<E extends RetryEntry> {
  /** Writes (or counts) one item, idempotently; rejects when the store cannot take it. */
  append(entry: E): Promise<unknown>;
  /** Whether the store is up now: flushes run only then. */
  ready(): boolean;
  /** Runs `fn` under the user's evidence lock, the one appendEvidence and deleteUser take. */
  lockUser<T>(userKey: string, fn: () => Promise<T>): Promise<T>;
  /** Whether a failed write is worth retrying (an outage) or never will succeed (a refusal). */
  retryable(err: unknown): boolean;
  log: StoreLogger;
  /** Items held at most, over all users. */
  max: number;
  /** Items held at most for one user: the fair share. */
  perUserMax: number;
  /** How long after a failed write the queue tries again on its own. */
  retryDelayMs: number;
  /** Where accepted items are kept until written; without one they live in memory only (lost on exit). */
  journal?: QueueJournal<E>;
}

/** Why `add` refused an item: the caller must then tell the user it was not kept. */
export type RefusedBecause = 'full' | 'user_share' | 'journal' | 'closed';

/** The bounded, fair, durable retry queue behind the stores' appendEvidence. */
export class EvidenceRetryQueue<E extends RetryEntry> {
  private readonly items: E[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private restored: Promise<void> = Promise.resolve();

  constructor(private readonly deps: EvidenceRetryQueueDeps<E>) {}

  /** Items waiting to be written. */
  get size(): number {
    return this.items.length;
  }

  /** Settles once what an earlier process journaled is loaded (at once without a journal). */
  whenRestored(): Promise<void> {
    return this.restored;
  }

  /** Whether the queue keeps its items across a restart. */
  get durable(): boolean {
    return this.deps.journal !== undefined;
  }

  /**
   * Loads what an earlier process accepted and did not write, then tries to write it. Call once at start;
   * `writeUser`, `add` and `flush` wait for it.
   */
  restore(): Promise<void> {
    const journal = this.deps.journal;
    if (!journal) return this.restored;
    this.restored = journal.load().then(
      ({ entries, unreadable }) => {
        for (const e of entries) if (!this.items.some((q) => q.identity === e.identity && q.userKey === e.userKey)) this.items.push(e);
        if (unreadable > 0) this.deps.log.error({ unreadable }, 'queued evidence unreadable on restore: left on disk');
        if (this.items.length > 0) {
          this.deps.log.info({ pending: this.items.length }, 'queued evidence restored');
          if (this.deps.ready()) void this.flush();
          else this.scheduleFlush();
        }
      },
      (e: unknown) => this.deps.log.error({ reason: reasonOf(e) }, 'queued evidence journal unreadable'),
    );
    return this.restored;
  }

  /**
   * Writes this user's queued items in order; resolves to the first error (that item and the rest stay
   * queued). The caller holds the user's evidence lock.
   */
  async writeUser(userKey: string): Promise<unknown> {
    await this.restored;
    for (const entry of this.items.filter((q) => q.userKey === userKey)) {
      let err: unknown;
      try {
        await this.deps.append(entry);
      } catch (e) {
        err = e ?? new Error('append failed');
      }
      if (err !== undefined) return err;
      await this.forget(entry);
    }
    return undefined;
  }

  /**
   * Accepts an item that could not be written, or says why not. Accepted means kept (on disk when there is a
   * journal) until written; the same item queued again is accepted once. Never evicts an accepted item.
   */
  async add(entry: E): Promise<{ accepted: true } | { accepted: false; because: RefusedBecause }> {
    await this.restored;
    if (this.closed) return { accepted: false, because: 'closed' };
    if (this.items.some((q) => q.userKey === entry.userKey && q.identity === entry.identity)) return { accepted: true };
    if (this.items.length >= this.deps.max) return this.refuse('full');
    if (this.items.filter((q) => q.userKey === entry.userKey).length >= this.deps.perUserMax) return this.refuse('user_share');
    if (this.deps.journal) {
      try {
        await this.deps.journal.add(entry);
      } catch (e) {
        this.deps.log.error({ reason: reasonOf(e) }, 'queued evidence journal refused an item: not kept');
        return { accepted: false, because: 'journal' };
      }
    }
    this.items.push(entry);
    this.scheduleFlush();
    return { accepted: true };
  }

  /** Forgets every queued item of the user, on disk too; returns how many there were. */
  async drop(userKey: string): Promise<number> {
    const before = this.items.length;
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i]!.userKey === userKey) this.items.splice(i, 1);
    await this.deps.journal?.dropUser(userKey);
    return before - this.items.length;
  }

  /** Writes every queued item, user by user, while the store holds. Call on reconnect; a timer also does. */
  flush(): Promise<void> {
    // Assigned before the drain can settle, so at most one drain runs and a finished one is always forgotten.
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
      if (this.items.length > 0) this.scheduleFlush();
    });
    return this.flushing;
  }

  /** Stops the retry timer; what is still queued stays in the journal for the next process. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private refuse(because: 'full' | 'user_share'): { accepted: false; because: RefusedBecause } {
    this.deps.log.warn({ because, pending: this.items.length }, 'evidence retry queue refused an item: not kept');
    return { accepted: false, because };
  }

  private async forget(entry: E): Promise<void> {
    const i = this.items.indexOf(entry);
    if (i >= 0) this.items.splice(i, 1);
    await this.deps.journal?.remove(entry).catch((e: unknown) => this.deps.log.warn({ reason: reasonOf(e) }, 'written evidence still in the journal'));
  }

  private async drain(): Promise<void> {
    await this.restored;
    let wrote = 0;
    // One user at a time, oldest first; each user's items go in order under that user's lock.
    const users = [...new Set(this.items.map((q) => q.userKey))];
    for (const userKey of users) {
      if (!this.deps.ready()) break;
      const before = this.items.length;
      const err = await this.deps.lockUser(userKey, () => this.writeUser(userKey));
      wrote += Math.max(0, before - this.items.length);
      if (err === undefined) continue;
      if (this.deps.retryable(err)) {
        this.deps.log.warn({ pending: this.items.length, reason: reasonOf(err) }, 'queued evidence not written yet');
        break;
      }
      const dropped = await this.drop(userKey);
      this.deps.log.error({ dropped, reason: reasonOf(err) }, 'queued evidence refused by the store: dropped');
    }
    if (wrote > 0) this.deps.log.info({ wrote, pending: this.items.length }, 'queued evidence written');
  }

  /** A timer for when a write failed without the store signalling its return (e.g. a timeout, a full disk). */
  private scheduleFlush(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.deps.ready()) void this.flush();
      else this.scheduleFlush();
    }, this.deps.retryDelayMs);
    this.timer.unref();
  }
}

/**
 * False when Redis answered with an error (wrong type, out of memory…) or the user's evidence is at its cap:
 * retrying the same write will not help.
 */
export function isRetryable(err: unknown): boolean {
  if (err instanceof AppError && err.code === 'EVIDENCE_LIMIT') return false;
  const cause = err instanceof AppError ? err.cause : err;
  return !(cause instanceof Error && cause.name === 'ReplyError');
}

/** An error's message for logs: the store's own error text, never user content. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
