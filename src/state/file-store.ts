/**
 * The embedded store used when no REDIS_URL is set: one encrypted file per user and record kind under
 * DATA_DIR/users, so the local chat keeps conversation and evidence across restarts. File names are hashes;
 * nothing readable is on disk.
 */
import { createHash } from 'node:crypto';
import { promises as fs, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, seal } from './crypto';
import { UserLock } from './user-lock';
import { freshState, type ConversationStore, type EvidenceItem, type UserState } from './store';

export interface FileStoreOptions {
  dataDir: string;
  key: Buffer;
  ttlDays: number;
  historyTurns: number;
  now?: () => Date;
}

const SEEN_KEEP = 500;

export class FileStore implements ConversationStore {
  private readonly dir: string;
  private readonly lock = new UserLock();
  private readonly now: () => Date;

  constructor(private readonly opts: FileStoreOptions) {
    this.dir = join(opts.dataDir, 'users');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.now = opts.now ?? (() => new Date());
  }

  private base(userKey: string): string {
    return join(this.dir, createHash('sha256').update(userKey).digest('hex').slice(0, 32));
  }

  async read(userKey: string): Promise<UserState | null> {
    const file = `${this.base(userKey)}.state`;
    const raw = await readOrNull(file);
    if (raw === null) return null;
    const state = JSON.parse(open(this.opts.key, raw.trim(), `state:${userKey}`)) as UserState;
    const age = this.now().getTime() - Date.parse(state.updatedAt);
    if (age > this.opts.ttlDays * 86400_000) {
      await fs.rm(file, { force: true });
      return null;
    }
    return state;
  }

  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState> {
    return this.lock.run(userKey, async () => {
      const state = (await this.read(userKey)) ?? freshState(this.now());
      mutate(state);
      state.history = state.history.slice(-this.opts.historyTurns);
      state.updatedAt = this.now().toISOString();
      await writeAtomic(`${this.base(userKey)}.state`, seal(this.opts.key, JSON.stringify(state), `state:${userKey}`));
      return state;
    });
  }

  appendEvidence(userKey: string, item: EvidenceItem): Promise<void> {
    return this.lock.run(`${userKey}#evidence`, async () => {
      const line = seal(this.opts.key, JSON.stringify(item), `evidence:${userKey}`);
      await fs.appendFile(`${this.base(userKey)}.evidence`, line + '\n', { mode: 0o600 });
    });
  }

  async listEvidence(userKey: string): Promise<EvidenceItem[]> {
    const raw = await readOrNull(`${this.base(userKey)}.evidence`);
    if (!raw) return [];
    return raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(open(this.opts.key, l, `evidence:${userKey}`)) as EvidenceItem);
  }

  markProcessed(userKey: string, messageId: string): Promise<boolean> {
    return this.lock.run(`${userKey}#seen`, async () => {
      const file = `${this.base(userKey)}.seen`;
      const raw = await readOrNull(file);
      const seen: string[] = raw ? (JSON.parse(open(this.opts.key, raw.trim(), `seen:${userKey}`)) as string[]) : [];
      if (seen.includes(messageId)) return false;
      seen.push(messageId);
      await writeAtomic(file, seal(this.opts.key, JSON.stringify(seen.slice(-SEEN_KEEP)), `seen:${userKey}`));
      return true;
    });
  }

  async deleteUser(userKey: string): Promise<number> {
    let removed = 0;
    for (const ext of ['state', 'evidence', 'seen']) {
      const file = `${this.base(userKey)}.${ext}`;
      try {
        await fs.unlink(file);
        removed++;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    return removed;
  }

  async close(): Promise<void> {}
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
