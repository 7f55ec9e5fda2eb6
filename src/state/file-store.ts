/**
 * The embedded store used when no REDIS_URL is set: one encrypted file per user and record kind under
 * DATA_DIR/users, so the local chat keeps conversation and evidence across restarts. Nothing readable is on
 * disk: contents are sealed, and file names are an HMAC of the user key under a key derived from the store's
 * encryption key, so a name cannot be linked to a Telegram id without that key (an unkeyed hash could be, by
 * hashing candidate ids). Files named by the unkeyed hash of earlier versions are renamed on first use.
 */
import { applyUpdate, isExpired } from './history';
import { createHash, createHmac } from 'node:crypto';
import { promises as fs, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, seal } from './crypto';
import { asFirstSeen, countRepeat, firstSeen } from './evidence-count';
import { UserLock } from './user-lock';
import { freshState, type AppendResult, type ConversationStore, type EvidenceItem, type UserState } from './store';

export interface FileStoreOptions {
  dataDir: string;
  key: Buffer;
  ttlDays: number;
  historyTurns: number;
  now?: () => Date;
}

const SEEN_KEEP = 500;
const KINDS = ['state', 'evidence', 'seen'] as const;

export class FileStore implements ConversationStore {
  private readonly dir: string;
  private readonly lock = new UserLock();
  private readonly now: () => Date;
  private readonly nameKey: Buffer;
  /** Per user, the one-time rename of files named the pre-HMAC way; every operation awaits it first. */
  private readonly migrated = new Map<string, Promise<void>>();

  constructor(private readonly opts: FileStoreOptions) {
    this.dir = join(opts.dataDir, 'users');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.now = opts.now ?? (() => new Date());
    this.nameKey = createHmac('sha256', opts.key).update('debtshield/file-names').digest();
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
   * Renames files an earlier version named by the unkeyed sha256 of the user key, unless a file of the new
   * name exists already. Runs once per user and process; rename is atomic, so a concurrent run is harmless.
   */
  private migrate(userKey: string): Promise<void> {
    let done = this.migrated.get(userKey);
    if (!done) {
      const legacy = this.legacyBase(userKey);
      const current = this.base(userKey);
      done = Promise.all(KINDS.map((kind) => renameIfAbsent(`${legacy}.${kind}`, `${current}.${kind}`))).then(() => undefined);
      done.catch(() => this.migrated.delete(userKey)); // a failure is retried by the next operation
      this.migrated.set(userKey, done);
    }
    return done;
  }

  async read(userKey: string): Promise<UserState | null> {
    await this.migrate(userKey);
    const file = `${this.base(userKey)}.state`;
    const raw = await readOrNull(file);
    if (raw === null) return null;
    const state = JSON.parse(open(this.opts.key, raw.trim(), `state:${userKey}`)) as UserState;
    if (isExpired(state, this.now(), this.opts.ttlDays)) {
      await fs.rm(file, { force: true });
      return null;
    }
    return state;
  }

  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState> {
    return this.lock.run(userKey, async () => {
      const state = (await this.read(userKey)) ?? freshState(this.now());
      applyUpdate(state, mutate, this.now(), this.opts.historyTurns);
      await writeAtomic(`${this.base(userKey)}.state`, seal(this.opts.key, JSON.stringify(state), `state:${userKey}`));
      return state;
    });
  }

  /**
   * New content is appended as one sealed line, as before counting existed. A repeat rewrites the file with the
   * kept item's count and lastSeenAt updated, atomically (temporary file, then rename): a crash leaves the old
   * file or the new one. Under the user's evidence lock, so concurrent appends in this process count correctly.
   */
  appendEvidence(userKey: string, item: EvidenceItem): Promise<AppendResult> {
    return this.lock.run(`${userKey}#evidence`, async () => {
      await this.migrate(userKey);
      const file = `${this.base(userKey)}.evidence`;
      const lines = evidenceLines(await readOrNull(file));
      const items = lines.map((l) => this.openEvidence(userKey, l));
      const at = items.findIndex((e) => e.contentSha256 === item.contentSha256);
      const kept = items[at];
      if (kept) {
        const result = countRepeat(kept, item, this.now());
        lines[at] = this.sealEvidence(userKey, kept);
        await writeAtomic(file, lines.map((l) => `${l}\n`).join(''));
        return result;
      }
      await fs.appendFile(file, `${this.sealEvidence(userKey, asFirstSeen(item))}\n`, { mode: 0o600 });
      return firstSeen(item);
    });
  }

  async listEvidence(userKey: string): Promise<EvidenceItem[]> {
    await this.migrate(userKey);
    const raw = await readOrNull(`${this.base(userKey)}.evidence`);
    return evidenceLines(raw).map((l) => this.openEvidence(userKey, l));
  }

  private openEvidence(userKey: string, line: string): EvidenceItem {
    return JSON.parse(open(this.opts.key, line, `evidence:${userKey}`)) as EvidenceItem;
  }

  private sealEvidence(userKey: string, item: EvidenceItem): string {
    return seal(this.opts.key, JSON.stringify(item), `evidence:${userKey}`);
  }

  markProcessed(userKey: string, messageId: string): Promise<boolean> {
    return this.lock.run(`${userKey}#seen`, async () => {
      await this.migrate(userKey);
      const file = `${this.base(userKey)}.seen`;
      const raw = await readOrNull(file);
      const seen: string[] = raw ? (JSON.parse(open(this.opts.key, raw.trim(), `seen:${userKey}`)) as string[]) : [];
      if (seen.includes(messageId)) return false;
      seen.push(messageId);
      await writeAtomic(file, seal(this.opts.key, JSON.stringify(seen.slice(-SEEN_KEEP)), `seen:${userKey}`));
      return true;
    });
  }

  /**
   * Removes the user's files under all three of the user's locks (taken in the order state, evidence, seen), so
   * an update, append or mark already queued finishes first and none issued later can be overtaken: nothing
   * re-creates a file after the deletion it preceded.
   */
  deleteUser(userKey: string): Promise<number> {
    return this.lock.run(userKey, () =>
      this.lock.run(`${userKey}#evidence`, () =>
        this.lock.run(`${userKey}#seen`, async () => {
          await this.migrate(userKey);
          let removed = 0;
          for (const kind of KINDS) {
            // A file under the legacy name is only left when one under the new name existed too: remove both.
            const gone = await Promise.all([unlinkIfPresent(`${this.base(userKey)}.${kind}`), unlinkIfPresent(`${this.legacyBase(userKey)}.${kind}`)]);
            if (gone.some(Boolean)) removed++;
          }
          return removed;
        }),
      ),
    );
  }

  async close(): Promise<void> {}
}

/** The sealed records of an evidence file, one a line. */
function evidenceLines(raw: string | null): string[] {
  return raw ? raw.split('\n').filter(Boolean) : [];
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function writeAtomic(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content, { mode: 0o600 });
  await fs.rename(tmp, file);
}

/** Renames `from` to `to` unless `to` exists (or `from` does not). */
async function renameIfAbsent(from: string, to: string): Promise<void> {
  try {
    await fs.access(to);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    await fs.rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Deletes `file`; false if it was not there. */
async function unlinkIfPresent(file: string): Promise<boolean> {
  try {
    await fs.unlink(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
