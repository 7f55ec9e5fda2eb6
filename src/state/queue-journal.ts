/**
 * Where the evidence retry queue keeps what it accepted, so a restart does not lose it: one sealed file per
 * queued item in a folder of the data directory, written whole (durable-fs.ts) before the queue says "queued".
 * A file name carries a keyed hash of the user (so /delete can drop that user's items without opening any) and
 * the arrival order; the user and the item are inside, encrypted.
 *
 * In Redis mode the queue holds exactly what Redis could not take, so it cannot live in Redis: it lives here,
 * on the process's own disk, and is replayed into Redis by the next process that starts on that data directory.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { open, seal } from './crypto';
import { isAbandonedTemp, listOrEmpty, nodeFs, readOrNull, TEMP_SUFFIX, unlinkIfPresent, writeDurably, type FsPort } from './durable-fs';

export interface QueueJournal<E> {
  /** Every item kept, oldest first; files that cannot be opened are counted, not returned. */
  load(): Promise<{ entries: E[]; unreadable: number }>;
  /** Keeps `entry`; resolves only once it is on disk. */
  add(entry: E): Promise<void>;
  /** Forgets an entry that was written. */
  remove(entry: E): Promise<void>;
  /** Forgets every entry of the user. */
  dropUser(userKey: string): Promise<void>;
}

/** What the journal needs of an entry: whose it is (for the file name, so /delete can drop it unopened). */
export interface JournalEntry {
  userKey: string;
}

const AAD = 'evidence-queue';
const SUFFIX = '.q';

/** The journal in `dir` (created on first use), sealed with `key`. */
export class DirJournal<E extends JournalEntry> implements QueueJournal<E> {
  private readonly fs: FsPort;
  private readonly nameKey: Buffer;
  private readonly files = new WeakMap<E, string>();
  private seq = 0;

  constructor(private readonly o: { dir: string; key: Buffer; fs?: FsPort }) {
    this.fs = o.fs ?? nodeFs;
    this.nameKey = createHmac('sha256', o.key).update('debtshield/queue-names').digest();
  }

  async load(): Promise<{ entries: E[]; unreadable: number }> {
    const names = (await listOrEmpty(this.fs, this.o.dir)).sort(byArrival);
    const entries: E[] = [];
    let unreadable = 0;
    for (const name of names) {
      if (name.endsWith(TEMP_SUFFIX)) {
        // A write another process sharing the folder is making now is left alone.
        if (isAbandonedTemp(name, undefined)) await unlinkIfPresent(this.fs, join(this.o.dir, name)).catch(() => undefined);
        continue;
      }
      if (!name.endsWith(SUFFIX)) continue;
      try {
        const raw = await readOrNull(this.fs, join(this.o.dir, name));
        if (raw === null) continue;
        const entry = JSON.parse(open(this.o.key, raw.trim(), AAD)) as E;
        this.files.set(entry, name);
        entries.push(entry);
      } catch {
        unreadable++;
      }
    }
    return { entries, unreadable };
  }

  async add(entry: E): Promise<void> {
    await this.fs.mkdir(this.o.dir, { recursive: true, mode: 0o700 });
    // Arrival order by name: milliseconds, then a counter for items of one millisecond.
    const name = `${this.userTag(entry.userKey)}-${Date.now().toString(36).padStart(10, '0')}-${(this.seq++ % 1e6).toString(36).padStart(4, '0')}${SUFFIX}`;
    await writeDurably(this.fs, join(this.o.dir, name), seal(this.o.key, JSON.stringify(entry), AAD));
    this.files.set(entry, name);
  }

  async remove(entry: E): Promise<void> {
    const name = this.files.get(entry);
    if (name) await unlinkIfPresent(this.fs, join(this.o.dir, name));
  }

  async dropUser(userKey: string): Promise<void> {
    const tag = `${this.userTag(userKey)}-`;
    for (const name of await listOrEmpty(this.fs, this.o.dir)) if (name.startsWith(tag)) await unlinkIfPresent(this.fs, join(this.o.dir, name));
  }

  private userTag(userKey: string): string {
    return createHmac('sha256', this.nameKey).update(userKey).digest('hex').slice(0, 16);
  }
}

/** Oldest first across users: by the time part of the name, then the counter. */
function byArrival(a: string, b: string): number {
  const ka = a.slice(17);
  const kb = b.slice(17);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
