/**
 * The ConversationStore over Redis, so several bot processes share one state. Layout, all under the configured
 * prefix and a keyed hash of the user key (never the raw id):
 *
 *   <prefix>u:<hash>:state     sealed JSON of UserState; TTL ttlDays, refreshed on every write
 *   <prefix>u:<hash>:evidence  list of sealed EvidenceItems, each content once; no TTL: evidence stays until
 *                              the user deletes it
 *   <prefix>u:<hash>:evidx     hash: keyed hash of (user, contentSha256) -> the item's position in the list; no TTL
 *   <prefix>u:<hash>:evcount   hash: list position -> "count:lastSeenMs:sha", only for content appended more
 *                              than once (sha: a prefix of the SHA-1 of the last repeat's sealed record, so its
 *                              retry is not counted twice); no TTL
 *   <prefix>u:<hash>:seen      sorted set of keyed hashes of processed message ids (score = ms); TTL, bounded
 *
 * The content hash never reaches Redis in the clear: someone reading Redis cannot confirm that a user kept a
 * given message by hashing it. What is readable there is what the layout already showed — how many items, and
 * (as in seen) when — plus how often a content came. Appending is one Lua script over the three evidence keys
 * (redis-scripts.ts), so concurrent appends of one content from any number of processes leave one item with
 * their total count. A list written before evidence was counted gets its index built on its next append.
 *
 * Concurrency: update() is optimistic — read, mutate, then a Lua compare-and-set (redis-scripts.ts) that writes
 * only if the value is still the one read, retried a bounded number of times. WATCH/MULTI/EXEC cannot be used
 * safely here: WATCH state belongs to the connection, and one ioredis connection carries every user's commands,
 * so two users' transactions interleave and unwatch each other (redis/ioredis#266, #564). An in-process UserLock keeps this
 * process's own turns from racing each other at all.
 *
 * Failure: Redis being down must not hang a turn. Calls fail within about a second with STORE_UNAVAILABLE (the
 * core then says it could not save) while the client keeps reconnecting in the background. Evidence that could
 * not be written waits in a bounded, fair retry queue — journaled to `queueDir` on this machine's disk, since it
 * holds what Redis could not take — and is written exactly once when the connection is back, also by the next
 * process after a restart (evidence-retry-queue.ts, queue-journal.ts). When the queue cannot take an item, the
 * append rejects: no retry is promised that will not happen.
 */
import { stderrStoreLogger, type StoreLogger } from './store';
import { applyUpdate, isExpired } from './history';
import { createHash, createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError } from '../errors';
import { open, seal } from './crypto';
import { asFirstSeen, receivedMs } from './evidence-count';
import { EvidenceRetryQueue, isRetryable, reasonOf } from './evidence-retry-queue';
import { DirJournal } from './queue-journal';
import type { FsPort } from './durable-fs';
import { defineScripts, type ScriptedRedis } from './redis-scripts';
import { UserLock } from './user-lock';
import { freshState, type AppendResult, type ConversationStore, type EvidenceItem, type EvidenceList, type UserState } from './store';

/** One evidence write waiting for Redis. */
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

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Every key starts with this, e.g. "debtshield:". */
  prefix: string;
  /** 32-byte AES key; also keys the hashes in key names, so every instance must share it. */
  key: Buffer;
  /** State expires this many days after its last write. */
  ttlDays: number;
  /** Turns of history kept. */
  historyTurns: number;
  /** Processed message ids are remembered this long. Default 7. */
  seenTtlDays?: number;
  /** At most this many processed message ids are remembered per user. Default 500. */
  seenKeep?: number;
  /** update() gives up after this many lost compare-and-set races in a row. Default 50. */
  maxUpdateAttempts?: number;
  /** Evidence writes held while Redis is unreachable; beyond this new ones are refused (never old ones dropped). Default 1000. */
  evidenceQueueMax?: number;
  /** Of those, at most this many for one user: the fair share. Default 50. */
  evidenceQueuePerUserMax?: number;
  /**
   * Folder on this machine's disk where queued evidence is journaled, so a restart does not lose it (DATA_DIR/
   * evidence-queue). Without it the queue lives in memory only and is lost on exit.
   */
  queueDir?: string;
  /** The file system for the journal (a seam for tests). Default node:fs. */
  fs?: FsPort;
  /** Evidence items one user may keep (MAX_EVIDENCE_PER_USER). Default 500. */
  maxEvidence?: number;
  /** A command not answered within this fails. Default 1500 ms. */
  commandTimeoutMs?: number;
  /** A call made while a connection attempt is under way waits this long for it. Default 1000 ms. */
  connectWaitMs?: number;
  /** Longest pause between reconnection attempts. Default 2000 ms. */
  maxReconnectDelayMs?: number;
  /** Default: warnings and errors to stderr as JSON lines. */
  logger?: StoreLogger;
  now?: () => Date;
}

const DEFAULTS = {
  seenTtlDays: 7,
  seenKeep: 500,
  maxUpdateAttempts: 50,
  evidenceQueueMax: 1000,
  evidenceQueuePerUserMax: 50,
  maxEvidence: 500,
  commandTimeoutMs: 1500,
  connectWaitMs: 1000,
  maxReconnectDelayMs: 2000,
};

/** read() results kept for the update() that follows: a turn's span, for at most this many users. */
const LAST_READ_MS = 5000;
const LAST_READ_MAX = 256;

interface UserKeys {
  hash: string;
  state: string;
  evidence: string;
  evidenceIndex: string;
  evidenceCounts: string;
  seen: string;
}

/** Attempts at building a pre-index list's index while other writers keep changing the list. */
const INDEX_ATTEMPTS = 5;

/** ConversationStore over Redis: encrypted, TTL'd state, durable evidence, fails fast when Redis is down. */
export class RedisStore implements ConversationStore {
  private readonly redis: ScriptedRedis;
  private readonly o: Required<Omit<RedisStoreOptions, 'logger' | 'now' | 'queueDir' | 'fs'>>;
  private readonly log: StoreLogger;
  private readonly now: () => Date;
  private readonly nameKey: Buffer;
  private readonly lock = new UserLock();
  private readonly evidenceQueue: EvidenceRetryQueue<QueuedEvidence>;
  /** The sealed value and plaintext each user's last read() saw, for the update() that follows in the turn. */
  private readonly lastRead = new Map<string, { raw: string; plain: string; at: number }>();
  private readyWait: Promise<void> | undefined;
  private down = false;
  private closed = false;

  constructor(opts: RedisStoreOptions) {
    this.o = { ...DEFAULTS, ...stripUndefined(opts) } as Required<Omit<RedisStoreOptions, 'logger' | 'now' | 'queueDir' | 'fs'>>;
    this.log = opts.logger ?? stderrStoreLogger;
    this.now = opts.now ?? (() => new Date());
    this.nameKey = createHmac('sha256', opts.key).update('debtshield/redis-key-names').digest();
    const maxDelay = this.o.maxReconnectDelayMs;
    this.redis = defineScripts(new Redis(opts.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      // A command cut off by a disconnect already failed for the caller; resending it later would surprise them.
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 1,
      commandTimeout: this.o.commandTimeoutMs,
      connectTimeout: Math.max(this.o.commandTimeoutMs, 2000),
      // disconnect() on an already-dead socket arms a timer of this length that nothing clears (ioredis 6), which
      // would hold the process open after close() during an outage.
      disconnectTimeout: 100,
      // Never give up: the bot keeps answering (without saving) and recovers when Redis returns.
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), maxDelay) + Math.floor(Math.random() * 50),
    }));
    this.evidenceQueue = new EvidenceRetryQueue<QueuedEvidence>({
      append: (entry) => this.writeEvidence(entry),
      ready: () => this.redis.status === 'ready',
      lockUser: (userKey, fn) => this.lock.run(`${userKey}#evidence`, fn),
      retryable: isRetryable,
      log: this.log,
      max: this.o.evidenceQueueMax,
      perUserMax: this.o.evidenceQueuePerUserMax,
      retryDelayMs: this.o.maxReconnectDelayMs,
      journal: opts.queueDir ? new DirJournal<QueuedEvidence>({ dir: opts.queueDir, key: opts.key, fs: opts.fs }) : undefined,
    });
    // What an earlier process queued and did not write: written once Redis is ready.
    void this.evidenceQueue.restore();
    this.redis.on('error', (err: Error) => {
      if (this.down || this.closed) return;
      this.down = true;
      this.log.warn({ reason: err.message, code: (err as NodeJS.ErrnoException).code }, 'redis unavailable; retrying in the background');
    });
    this.redis.on('ready', () => {
      if (this.down) this.log.info({ pendingEvidence: this.evidenceQueue.size }, 'redis available again');
      this.down = false;
      void this.evidenceQueue.flush();
    });
  }

  /** Connects now instead of on first use, so a misconfigured REDIS_URL shows at boot. Rejects if unreachable. */
  async connect(): Promise<void> {
    await this.connected();
  }

  async read(userKey: string): Promise<UserState | null> {
    const raw = await this.cmd(() => this.redis.get(this.keys(userKey).state));
    if (raw === null) return null;
    const plain = open(this.o.key, raw, `state:${userKey}`);
    this.rememberRead(userKey, raw, plain);
    return this.freshOrNull(plain);
  }

  /**
   * Atomic across processes. `mutate` may run more than once (once per lost race), each time on a freshly read
   * state, so it must only change the state it is given.
   */
  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState> {
    const key = this.keys(userKey).state;
    const ttlSeconds = this.o.ttlDays * 86400;
    return this.lock.run(userKey, async () => {
      // A turn reads, then updates: the first attempt starts from what read() just saw, saving a round trip and
      // a decryption. The compare-and-set makes that safe; if it was stale, the next attempt reads afresh.
      let seen = this.takeRead(userKey);
      for (let attempt = 1; attempt <= this.o.maxUpdateAttempts; attempt++) {
        const raw = seen ? seen.raw : await this.cmd(() => this.redis.get(key));
        const plain = seen ? seen.plain : raw === null ? null : open(this.o.key, raw, `state:${userKey}`);
        seen = undefined;
        const state = (plain === null ? null : this.freshOrNull(plain)) ?? freshState(this.now());
        applyUpdate(state, mutate, this.now(), this.o.historyTurns);
        const sealed = seal(this.o.key, JSON.stringify(state), `state:${userKey}`);
        const expected = raw === null ? '' : createHash('sha1').update(raw).digest('hex');
        if ((await this.cmd(() => this.redis.dsCasState(key, expected, sealed, ttlSeconds))) === 1) return state;
        await sleep(Math.random() * Math.min(attempt, 10));
      }
      throw new AppError('STORE_UNAVAILABLE', `state update lost ${this.o.maxUpdateAttempts} races in a row`);
    });
  }

  /**
   * When Redis is unreachable the item is queued and the result says `queued`; it is written (or counted) exactly
   * once when the connection is back, unless the user deletes their data first. Rejects — nothing queued — when
   * Redis refused the write (an error reply, the user's cap), the store is closed, or the queue cannot take it.
   */
  appendEvidence(userKey: string, item: EvidenceItem): Promise<AppendResult> {
    const entry: QueuedEvidence = {
      userKey,
      listKey: this.keys(userKey).evidence,
      identity: `${item.id}\0${item.receivedAt}\0${item.contentSha256}`,
      sealed: seal(this.o.key, JSON.stringify(asFirstSeen(item)), `evidence:${userKey}`),
      tag: this.contentTag(userKey, item.contentSha256),
      receivedMs: receivedMs(item, this.now()),
    };
    return this.lock.run(`${userKey}#evidence`, async () => {
      if (this.closed) throw new AppError('STORE_UNAVAILABLE', 'store is closed');
      // Earlier queued items of this user go first, so the list stays in the order evidence arrived.
      let err = await this.evidenceQueue.writeUser(userKey);
      if (err === undefined) {
        try {
          return await this.writeEvidence(entry);
        } catch (e) {
          err = e;
        }
      }
      if (!isRetryable(err)) throw asUnavailable(err);
      const queued = await this.evidenceQueue.add(entry);
      if (!queued.accepted) throw new AppError('STORE_UNAVAILABLE', `redis unavailable and evidence not queued (${queued.because})`, { cause: err });
      return { id: item.id, duplicate: false, count: 1, queued: true };
    });
  }

  /** One snapshot (MULTI/EXEC) of the list and the counts, so an item and its count agree. Unreadable rows are skipped and counted. */
  async listEvidence(userKey: string): Promise<EvidenceList> {
    const k = this.keys(userKey);
    const res = await this.cmd(() => this.redis.multi().lrange(k.evidence, 0, -1).hgetall(k.evidenceCounts).exec());
    if (!res) throw asUnavailable(new Error('transaction aborted'));
    const [rows, counts] = res.map(([err, value]) => {
      if (err) throw asUnavailable(err);
      return value;
    }) as [string[], Record<string, string>];
    const items: EvidenceList = rows.flatMap((r, position) => {
      let item: EvidenceItem;
      try {
        item = JSON.parse(open(this.o.key, r, `evidence:${userKey}`)) as EvidenceItem;
      } catch {
        return [];
      }
      const m = /^(\d+):(\d+):/.exec(counts[String(position)] ?? '');
      if (m) {
        item.count = Number(m[1]);
        item.lastSeenAt = new Date(Number(m[2])).toISOString();
      }
      return [item];
    });
    if (items.length < rows.length) {
      items.unreadable = rows.length - items.length;
      this.log.warn({ unreadable: items.unreadable }, 'evidence records unreadable: skipped');
    }
    return items;
  }

  /** One round trip (MULTI/EXEC): ZADD NX decides, then old and surplus ids are trimmed and the TTL renewed. */
  async markProcessed(userKey: string, messageId: string): Promise<boolean> {
    const key = this.keys(userKey).seen;
    const member = createHmac('sha256', this.nameKey).update(`seen\0${userKey}\0${messageId}`).digest('base64url').slice(0, 22);
    const nowMs = this.now().getTime();
    const ttlMs = this.o.seenTtlDays * 86400_000;
    const res = await this.cmd(() =>
      this.redis
        .multi()
        .zadd(key, 'NX', nowMs, member)
        .zremrangebyscore(key, '-inf', nowMs - ttlMs)
        .zremrangebyrank(key, 0, -(this.o.seenKeep + 1))
        .pexpire(key, ttlMs)
        .exec(),
    );
    const first = res?.[0];
    if (!first || first[0]) throw asUnavailable(first?.[0] ?? new Error('transaction aborted'));
    return first[1] === 1;
  }

  /**
   * Removes the known keys plus anything else under the user's hash (found by SCAN), and drops the user's
   * queued evidence so it cannot reappear after deletion — even if Redis is down and this call fails.
   */
  deleteUser(userKey: string): Promise<number> {
    const k = this.keys(userKey);
    return this.lock.run(userKey, () =>
      this.lock.run(`${userKey}#evidence`, async () => {
        this.lastRead.delete(userKey);
        const dropped = await this.evidenceQueue.drop(userKey);
        if (dropped > 0) this.log.info({ dropped }, 'queued evidence dropped on user deletion');
        // The evidence index and counts are part of the evidence record: removed, not counted.
        const parts = [k.evidenceIndex, k.evidenceCounts];
        const known = [k.state, k.evidence, k.seen];
        const extra = (await this.scanKeys(`${escapeGlob(this.o.prefix)}u:${k.hash}:*`)).filter((x) => !known.includes(x) && !parts.includes(x));
        const res = await this.cmd(() => this.redis.multi().del(...known, ...extra).del(...parts).exec());
        const first = res?.[0];
        if (!first || first[0]) throw asUnavailable(first?.[0] ?? new Error('transaction aborted'));
        return first[1] as number;
      }),
    );
  }

  /** Evidence items waiting to be written (for health checks and tests). */
  pendingEvidence(): number {
    return this.evidenceQueue.size;
  }

  /** Settles once evidence an earlier process queued is loaded from the journal (pendingEvidence counts it then). */
  evidenceRestored(): Promise<void> {
    return this.evidenceQueue.whenRestored();
  }

  /** Makes a last attempt to write queued evidence, logs what waits for the next start (or is lost), then closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.evidenceQueue.size > 0 && this.redis.status === 'ready') await this.evidenceQueue.flush();
    this.closed = true;
    this.lastRead.clear();
    this.evidenceQueue.close();
    const left = this.evidenceQueue.size;
    if (left > 0 && this.evidenceQueue.durable) this.log.warn({ pending: left }, 'queued evidence kept on disk for the next start: redis unavailable');
    else if (left > 0) this.log.error({ lost: left }, 'queued evidence lost on close: redis unavailable');
    if (this.redis.status === 'ready') {
      await this.redis.quit().catch(() => this.redis.disconnect());
    } else {
      this.redis.disconnect();
    }
  }

  private keys(userKey: string): UserKeys {
    const hash = createHmac('sha256', this.nameKey).update(userKey).digest('hex').slice(0, 32);
    const base = `${this.o.prefix}u:${hash}:`;
    return {
      hash,
      state: `${base}state`,
      evidence: `${base}evidence`,
      evidenceIndex: `${base}evidx`,
      evidenceCounts: `${base}evcount`,
      seen: `${base}seen`,
    };
  }

  /**
   * What the evidence index is keyed by: an HMAC of the user and the content hash, so Redis never holds a hash a
   * reader could compute from a message, and one content kept by two users gives two unrelated tags.
   */
  private contentTag(userKey: string, contentSha256: string): string {
    return createHmac('sha256', this.nameKey).update(`evidence\0${userKey}\0${contentSha256}`).digest('base64url').slice(0, 22);
  }

  /** Appends (or counts) one record; builds the index first if the list predates it. Raw errors, for the queue. */
  private async writeEvidence(entry: QueuedEvidence): Promise<AppendResult> {
    const k = this.keys(entry.userKey);
    for (let attempt = 1; attempt <= INDEX_ATTEMPTS; attempt++) {
      await this.connected();
      const [status, , count, kept] = await this.redis.dsAppendEvidence(
        k.evidence,
        k.evidenceIndex,
        k.evidenceCounts,
        entry.tag,
        entry.sealed,
        String(entry.receivedMs),
        String(this.o.maxEvidence),
      );
      if (status === -2) throw new AppError('EVIDENCE_LIMIT', `the user keeps ${this.o.maxEvidence} evidence items (MAX_EVIDENCE_PER_USER)`);
      if (status === -1) {
        await this.indexEvidence(entry.userKey, k);
        continue;
      }
      const stored = JSON.parse(open(this.o.key, kept ?? entry.sealed, `evidence:${entry.userKey}`)) as EvidenceItem;
      return { id: stored.id, duplicate: status === 2, count: count ?? 1 };
    }
    throw new AppError('STORE_UNAVAILABLE', `evidence index not built after ${INDEX_ATTEMPTS} attempts`);
  }

  /**
   * Indexes a list written before evidence was counted: each content's first item. Repeats already in such a
   * list stay separate items (count 1 each); from now on they are counted on the first.
   */
  private async indexEvidence(userKey: string, k: UserKeys): Promise<void> {
    const rows = await this.redis.lrange(k.evidence, 0, -1);
    const pairs: string[] = [];
    const tags = new Set<string>();
    rows.forEach((row, position) => {
      let item: EvidenceItem;
      try {
        item = JSON.parse(open(this.o.key, row, `evidence:${userKey}`)) as EvidenceItem;
      } catch {
        return; // unreadable under this key: not indexed (listEvidence reports it)
      }
      const tag = this.contentTag(userKey, item.contentSha256);
      if (tags.has(tag)) return;
      tags.add(tag);
      pairs.push(tag, String(position));
    });
    await this.redis.dsIndexEvidence(k.evidence, k.evidenceIndex, rows.length, ...pairs);
  }

  /** Parses a decrypted state; one older than ttlDays by our clock counts as gone, as in the other stores. */
  private freshOrNull(plain: string): UserState | null {
    const state = JSON.parse(plain) as UserState;
    return isExpired(state, this.now(), this.o.ttlDays) ? null : state;
  }

  /** Oldest entries first (Map order), so expired and surplus ones are pruned from the front. */
  private rememberRead(userKey: string, raw: string, plain: string): void {
    const now = Date.now();
    this.lastRead.delete(userKey);
    this.lastRead.set(userKey, { raw, plain, at: now });
    for (const [k, v] of this.lastRead) {
      if (this.lastRead.size <= LAST_READ_MAX && now - v.at <= LAST_READ_MS) break;
      this.lastRead.delete(k);
    }
  }

  /** What read() saw for this user within the last few seconds (used once), else undefined. */
  private takeRead(userKey: string): { raw: string; plain: string } | undefined {
    const r = this.lastRead.get(userKey);
    this.lastRead.delete(userKey);
    return r && Date.now() - r.at <= LAST_READ_MS ? r : undefined;
  }

  /** Runs a command once the connection is ready; any failure becomes STORE_UNAVAILABLE. */
  private async cmd<T>(fn: () => Promise<T>): Promise<T> {
    await this.connected();
    try {
      return await fn();
    } catch (e) {
      throw asUnavailable(e);
    }
  }

  /**
   * Resolves when the connection is ready. Waits (briefly) only while a connection attempt is under way; between
   * reconnection attempts it fails at once, so an outage costs a turn nothing but the error.
   */
  private connected(): Promise<void> {
    const status = this.redis.status;
    if (status === 'ready') return Promise.resolve();
    if (this.closed) return Promise.reject(new AppError('STORE_UNAVAILABLE', 'store is closed'));
    if (status === 'wait') this.redis.connect().catch(() => undefined); // failures arrive as 'error' events
    else if (status !== 'connecting' && status !== 'connect') {
      return Promise.reject(new AppError('STORE_UNAVAILABLE', `redis is not connected (${status})`));
    }
    this.readyWait ??= new Promise<void>((resolve, reject) => {
      const settle = (err?: Error) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        this.redis.off('close', onClose);
        this.readyWait = undefined;
        if (err) reject(err);
        else resolve();
      };
      const onReady = () => settle();
      const onClose = () => settle(new AppError('STORE_UNAVAILABLE', 'redis connection failed'));
      const timer = setTimeout(() => settle(new AppError('STORE_UNAVAILABLE', 'redis connection timed out')), this.o.connectWaitMs);
      this.redis.on('ready', onReady);
      this.redis.on('close', onClose);
    });
    return this.readyWait;
  }

  private async scanKeys(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.cmd(() => this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500));
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  }
}

function asUnavailable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('STORE_UNAVAILABLE', `redis: ${reasonOf(err)}`, { cause: err });
}

/** Escapes SCAN glob characters, so a prefix such as "app[1]:" matches only itself. */
function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
