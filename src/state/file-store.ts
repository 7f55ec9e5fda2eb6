/**
 * The embedded store used when no REDIS_URL is set: encrypted files per user under DATA_DIR/users, so the local
 * chat keeps conversation and evidence across restarts. Nothing readable is on disk: contents are sealed, and
 * file names are an HMAC of the user key under a key derived from the store's encryption key, so a name cannot
 * be linked to a Telegram id without that key. Files named by the unkeyed hash of earlier versions are renamed
 * on first use.
 *
 * Crash safety (issue #12):
 * - every evidence record is its own file (`<name>.records/<seq>.rec`), written whole — temporary file, fsync,
 *   rename — so a full disk or a crash mid-write leaves no broken record, and the next append is not reported
 *   as saved unless it was; a record that cannot be read is skipped and counted (`unreadable`), never failing
 *   the whole list; an evidence file of earlier versions (one sealed line each) is moved into records once;
 * - failed writes remove their temporary files, and temporary files a crash left are removed at start — only
 *   those whose writer is gone (or that are an hour old): processes sharing DATA_DIR write side by side;
 * - /delete works on a full disk: removing files needs no space, and the one write the confirmation needs (the
 *   state with `pending: confirm_delete`) may spend a small reserve file kept for exactly that;
 * - evidence a transient disk error refused waits in a retry queue journaled to DATA_DIR/evidence-queue, and is
 *   written when the disk takes it again (also after a restart); when even the journal cannot take it, the
 *   append rejects, so the user is told it was not kept.
 * A per-user cap (maxEvidence) bounds what one user can store.
 */
import { applyUpdate, isExpired } from './history';
import { createHash, createHmac } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { open, seal } from './crypto';
import { asFirstSeen, countRepeat, firstSeen } from './evidence-count';
import { EvidenceRetryQueue } from './evidence-retry-queue';
import {
  errnoOf, isAbandonedTemp, isTransientFsError, listOrEmpty, nodeFs, readOrNull, syncDir, TEMP_SUFFIX, unlinkIfPresent, writeDurably, type FsPort,
} from './durable-fs';
import { DirJournal } from './queue-journal';
import { dataDirError } from './key-file';
import { UserLock } from './user-lock';
import { freshState, type AppendResult, type ConversationStore, type EvidenceItem, type EvidenceList, stderrStoreLogger, type StoreLogger, type UserState } from './store';

export interface FileStoreOptions {
  dataDir: string;
  key: Buffer;
  ttlDays: number;
  historyTurns: number;
  now?: () => Date;
  /** Evidence items one user may keep (MAX_EVIDENCE_PER_USER). Default 500. */
  maxEvidence?: number;
  /** Bytes kept free for delete confirmations on a full disk. Default 256 KiB. */
  reserveBytes?: number;
  /** Evidence items waiting for a retry, over all users / per user. Default 1000 / 50. */
  queueMax?: number;
  queuePerUserMax?: number;
  /** How often queued evidence is retried. Default 30 s. */
  retryDelayMs?: number;
  /** The file system; a seam for tests that need a disk to fail. Default node:fs. */
  fs?: FsPort;
  /** Counts and error codes only, never content. Default: warnings and errors to stderr. */
  logger?: StoreLogger;
}

const SEEN_KEEP = 500;
const KINDS = ['state', 'evidence', 'seen'] as const;
const RECORD = /^(\d{8})\.rec$/;
const RESERVE = '.reserve';

interface QueuedItem {
  userKey: string;
  identity: string;
  item: EvidenceItem;
}

export class FileStore implements ConversationStore {
  private readonly dir: string;
  private readonly fs: FsPort;
  private readonly lock = new UserLock();
  private readonly now: () => Date;
  private readonly nameKey: Buffer;
  private readonly log: StoreLogger;
  private readonly maxEvidence: number;
  private readonly reserveBytes: number;
  private readonly queue: EvidenceRetryQueue<QueuedItem>;
  /** Per user, the one-time renames (pre-HMAC names, line-per-record evidence); every operation awaits it first. */
  private readonly migrated = new Map<string, Promise<void>>();

  /** Creates DATA_DIR/users; throws AppError DATA_DIR_UNWRITABLE (saying what to do) when it cannot. */
  constructor(private readonly opts: FileStoreOptions) {
    this.dir = join(opts.dataDir, 'users');
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      probeWritable(this.dir);
    } catch (e) {
      throw dataDirError(opts.dataDir, e);
    }
    this.fs = opts.fs ?? nodeFs;
    this.now = opts.now ?? (() => new Date());
    this.log = opts.logger ?? stderrStoreLogger;
    this.maxEvidence = opts.maxEvidence ?? 500;
    this.reserveBytes = opts.reserveBytes ?? 256 * 1024;
    this.nameKey = createHmac('sha256', opts.key).update('debtshield/file-names').digest();
    removeTempFiles(this.dir);
    this.makeReserve();
    this.queue = new EvidenceRetryQueue<QueuedItem>({
      append: (q) => this.appendNow(q.userKey, q.item),
      ready: () => true,
      lockUser: (userKey, fn) => this.migrate(userKey).then(() => this.lock.run(`${userKey}#evidence`, fn)),
      retryable: (e) => isTransientFsError(e),
      log: this.log,
      max: opts.queueMax ?? 1000,
      perUserMax: opts.queuePerUserMax ?? 50,
      retryDelayMs: opts.retryDelayMs ?? 30_000,
      journal: new DirJournal<QueuedItem>({ dir: join(opts.dataDir, 'evidence-queue'), key: opts.key, fs: this.fs }),
    });
    void this.queue.restore();
  }

  /** The path, without extension, of the user's files. */
  private base(userKey: string): string {
    return join(this.dir, createHmac('sha256', this.nameKey).update(userKey).digest('hex').slice(0, 32));
  }

  /** The same, as versions before the keyed names called it: an unkeyed sha256 of the user key. */
  private legacyBase(userKey: string): string {
    return join(this.dir, createHash('sha256').update(userKey).digest('hex').slice(0, 32));
  }

  /**
   * Renames files an earlier version named by the unkeyed sha256 of the user key (unless a file of the new name
   * exists already), and moves a line-per-record evidence file into record files. Runs once per user and
   * process; a failure is retried by the next operation.
   */
  private migrate(userKey: string): Promise<void> {
    let done = this.migrated.get(userKey);
    if (!done) {
      const legacy = this.legacyBase(userKey);
      const current = this.base(userKey);
      done = Promise.all(KINDS.map((kind) => this.renameIfAbsent(`${legacy}.${kind}`, `${current}.${kind}`)))
        .then(() => this.lock.run(`${userKey}#evidence`, () => this.recordsFromLines(userKey)))
        .then(() => undefined);
      done.catch(() => this.migrated.delete(userKey));
      this.migrated.set(userKey, done);
    }
    return done;
  }

  async read(userKey: string): Promise<UserState | null> {
    await this.migrate(userKey);
    const file = `${this.base(userKey)}.state`;
    const raw = await readOrNull(this.fs, file);
    if (raw === null) return null;
    const state = JSON.parse(open(this.opts.key, raw.trim(), `state:${userKey}`)) as UserState;
    if (isExpired(state, this.now(), this.opts.ttlDays)) {
      await unlinkIfPresent(this.fs, file);
      return null;
    }
    return state;
  }

  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState> {
    return this.lock.run(userKey, async () => {
      const state = (await this.read(userKey)) ?? freshState(this.now());
      applyUpdate(state, mutate, this.now(), this.opts.historyTurns);
      const file = `${this.base(userKey)}.state`;
      const sealed = seal(this.opts.key, JSON.stringify(state), `state:${userKey}`);
      try {
        await writeDurably(this.fs, file, sealed);
      } catch (e) {
        // The one write a full disk must not refuse: the confirmation /delete needs. It may spend the reserve.
        if (errnoOf(e) !== 'ENOSPC' || state.pending?.kind !== 'confirm_delete' || !(await this.releaseReserve())) throw e;
        await writeDurably(this.fs, file, sealed);
      }
      return state;
    });
  }

  /**
   * New content becomes a new record file; a repeat rewrites the kept record with its count and lastSeenAt
   * updated. Both writes are whole (durable-fs.ts). Under the user's evidence lock, so concurrent appends in
   * this process count correctly. A transient disk failure queues the item for a retry (queued: true) when the
   * journal can take it; otherwise the append rejects and nothing is promised. New content beyond maxEvidence
   * rejects with EVIDENCE_LIMIT.
   */
  appendEvidence(userKey: string, item: EvidenceItem): Promise<AppendResult> {
    return this.migrate(userKey).then(() =>
      this.lock.run(`${userKey}#evidence`, async () => {
        // Earlier queued items of this user go first, so records stay in the order evidence arrived.
        let err = await this.queue.writeUser(userKey);
        if (err === undefined) {
          try {
            return await this.appendNow(userKey, item);
          } catch (e) {
            err = e;
          }
        }
        if (!isTransientFsError(err)) throw err;
        const queued = await this.queue.add({ userKey, identity: `${item.id}\0${item.receivedAt}\0${item.contentSha256}`, item });
        if (!queued.accepted) throw new AppError('STORE_UNAVAILABLE', `evidence not written (${errnoOf(err)}) and not queued (${queued.because})`, { cause: err });
        this.log.warn({ code: errnoOf(err) }, 'evidence queued for a retry');
        return { id: item.id, duplicate: false, count: 1, queued: true };
      }),
    );
  }

  /** Writes one item now (the caller holds the user's evidence lock); raw file-system errors. */
  private async appendNow(userKey: string, item: EvidenceItem): Promise<AppendResult> {
    const dir = this.recordsDir(userKey);
    const records = await this.readRecords(userKey);
    const kept = records.find((r) => r.item?.contentSha256 === item.contentSha256);
    if (kept?.item) {
      const result = countRepeat(kept.item, item, this.now());
      await writeDurably(this.fs, join(dir, kept.name), this.sealEvidence(userKey, kept.item));
      return result;
    }
    if (records.length >= this.maxEvidence) {
      throw new AppError('EVIDENCE_LIMIT', `the user keeps ${records.length} evidence items (MAX_EVIDENCE_PER_USER=${this.maxEvidence})`);
    }
    const next = records.reduce((n, r) => Math.max(n, r.seq), 0) + 1;
    await this.fs.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeDurably(this.fs, join(dir, recordName(next)), this.sealEvidence(userKey, asFirstSeen(item)));
    return firstSeen(item);
  }

  /** The user's evidence in the order received; records that cannot be read are skipped and counted. */
  async listEvidence(userKey: string): Promise<EvidenceList> {
    await this.migrate(userKey);
    const records = await this.readRecords(userKey);
    const items: EvidenceList = records.flatMap((r) => (r.item ? [r.item] : []));
    const unreadable = records.length - items.length;
    if (unreadable > 0) {
      items.unreadable = unreadable;
      this.log.warn({ unreadable }, 'evidence records unreadable: skipped');
    }
    return items;
  }

  markProcessed(userKey: string, messageId: string): Promise<boolean> {
    return this.lock.run(`${userKey}#seen`, async () => {
      await this.migrate(userKey);
      const file = `${this.base(userKey)}.seen`;
      const raw = await readOrNull(this.fs, file);
      const seen: string[] = raw ? (JSON.parse(open(this.opts.key, raw.trim(), `seen:${userKey}`)) as string[]) : [];
      if (seen.includes(messageId)) return false;
      seen.push(messageId);
      await writeDurably(this.fs, file, seal(this.opts.key, JSON.stringify(seen.slice(-SEEN_KEEP)), `seen:${userKey}`));
      return true;
    });
  }

  /**
   * Removes the user's files and queued evidence under all three of the user's locks (taken in the order state,
   * evidence, seen), so an update, append or mark already queued finishes first and none issued later can be
   * overtaken: nothing re-creates a file after the deletion it preceded. Needs no free space.
   */
  deleteUser(userKey: string): Promise<number> {
    return this.lock.run(userKey, () =>
      this.lock.run(`${userKey}#evidence`, () =>
        this.lock.run(`${userKey}#seen`, async () => {
          // Not awaiting migrate(): deletion must work even when a migration cannot (a full disk).
          const dropped = await this.queue.drop(userKey);
          if (dropped > 0) this.log.info({ dropped }, 'queued evidence dropped on user deletion');
          // A file under the legacy name is only left when one under the new name existed too: remove both.
          const bases = [this.base(userKey), this.legacyBase(userKey)];
          let removed = 0;
          for (const kind of KINDS) {
            let gone = false;
            for (const base of bases) {
              if (await unlinkIfPresent(this.fs, `${base}.${kind}`)) gone = true;
              if (kind === 'evidence' && (await listOrEmpty(this.fs, `${base}.records`)).length > 0) gone = true;
              if (kind === 'evidence') await this.fs.rm(`${base}.records`, { recursive: true, force: true });
            }
            if (gone) removed++;
          }
          this.migrated.delete(userKey);
          await syncDir(this.fs, this.dir);
          this.makeReserve();
          return removed;
        }),
      ),
    );
  }

  /** Evidence items waiting for a retry (for health checks and tests). */
  pendingEvidence(): number {
    return this.queue.size;
  }

  /** Settles once evidence an earlier process queued is loaded from the journal (pendingEvidence counts it then). */
  evidenceRestored(): Promise<void> {
    return this.queue.whenRestored();
  }

  async close(): Promise<void> {
    if (this.queue.size > 0) await this.queue.flush().catch(() => undefined);
    this.queue.close();
    // What is still queued stays in the journal: the next start writes it.
    if (this.queue.size > 0) this.log.warn({ pending: this.queue.size }, 'queued evidence kept on disk for the next start');
  }

  private recordsDir(userKey: string): string {
    return `${this.base(userKey)}.records`;
  }

  /** The user's record files in order, each opened if it can be; temporary files a crash left are removed. */
  private async readRecords(userKey: string): Promise<Array<{ name: string; seq: number; item?: EvidenceItem }>> {
    const dir = this.recordsDir(userKey);
    const out: Array<{ name: string; seq: number; item?: EvidenceItem }> = [];
    for (const name of (await listOrEmpty(this.fs, dir)).sort()) {
      const m = RECORD.exec(name);
      if (!m) continue;
      let item: EvidenceItem | undefined;
      try {
        const raw = await readOrNull(this.fs, join(dir, name));
        if (raw === null) continue;
        item = this.openEvidence(userKey, raw.trim());
      } catch {
        item = undefined;
      }
      out.push({ name, seq: Number(m[1]), item });
    }
    return out;
  }

  /**
   * Moves an evidence file of earlier versions (one sealed line per item) into record files, each line as it was
   * (a broken line becomes a record that is reported unreadable, not a file that fails every listing). The
   * records are written into a fresh folder renamed into place at the end, so a failure leaves the old file.
   */
  private async recordsFromLines(userKey: string): Promise<void> {
    const file = `${this.base(userKey)}.evidence`;
    const raw = await readOrNull(this.fs, file);
    if (raw === null) return;
    const dir = this.recordsDir(userKey);
    if ((await listOrEmpty(this.fs, dir)).length === 0) {
      const tmp = `${dir}.${process.pid}-${Date.now()}${TEMP_SUFFIX}`;
      try {
        await this.fs.mkdir(tmp, { recursive: true, mode: 0o700 });
        const lines = raw.split('\n').filter(Boolean);
        for (const [i, line] of lines.entries()) await writeDurably(this.fs, join(tmp, recordName(i + 1)), line);
        await this.fs.rm(dir, { recursive: true, force: true });
        await this.fs.rename(tmp, dir);
      } catch (e) {
        await this.fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
        throw e;
      }
    }
    await unlinkIfPresent(this.fs, file);
  }

  private async renameIfAbsent(from: string, to: string): Promise<void> {
    if ((await readOrNull(this.fs, to)) !== null) return;
    try {
      await this.fs.rename(from, to);
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw e;
    }
  }

  private openEvidence(userKey: string, sealed: string): EvidenceItem {
    return JSON.parse(open(this.opts.key, sealed, `evidence:${userKey}`)) as EvidenceItem;
  }

  private sealEvidence(userKey: string, item: EvidenceItem): string {
    return seal(this.opts.key, JSON.stringify(item), `evidence:${userKey}`);
  }

  /** Keeps `reserveBytes` of the disk for delete confirmations; best effort (a disk already full gets none). */
  private makeReserve(): void {
    const file = join(this.dir, RESERVE);
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx', 0o600);
      writeSync(fd, Buffer.alloc(this.reserveBytes));
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST' && fd !== undefined) {
        closeSync(fd);
        fd = undefined;
        try {
          unlinkSync(file);
        } catch {
          // nothing to remove
        }
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Frees the reserve; false when there was none to free. */
  private async releaseReserve(): Promise<boolean> {
    const freed = await unlinkIfPresent(this.fs, join(this.dir, RESERVE)).catch(() => false);
    if (freed) this.log.warn({}, 'disk full: reserve spent on a delete confirmation');
    return freed;
  }
}

/**
 * Throws when `dir` cannot be written at all (read-only file system, no permission): nothing could be saved, so
 * the bot must not start as if it could. A full disk passes: space may come back, and /delete still works.
 */
function probeWritable(dir: string): void {
  const probe = join(dir, `.probe-${process.pid}${TEMP_SUFFIX}`);
  try {
    closeSync(openSync(probe, 'w', 0o600));
    unlinkSync(probe);
  } catch (e) {
    if (errnoOf(e) !== 'ENOSPC' && errnoOf(e) !== 'EDQUOT') throw e;
  }
}

function recordName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.rec`;
}

/** Removes temporary files and folders a crash left in `dir` and in the users' record folders (isAbandonedTemp). */
function removeTempFiles(dir: string): void {
  // Only writes nobody will finish: another process sharing DATA_DIR may be writing one of these right now.
  const abandoned = (name: string, path: string) => name.endsWith(TEMP_SUFFIX) && isAbandonedTemp(name, mtimeOf(path));
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (abandoned(name, path)) rmSync(path, { recursive: true, force: true });
      else if (name.endsWith('.records')) for (const inner of readdirSync(path)) if (abandoned(inner, join(path, inner))) rmSync(join(path, inner), { force: true });
    } catch {
      // Left for the next start.
    }
  }
}

/** A file's modification time, or undefined when it is gone already. */
function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
