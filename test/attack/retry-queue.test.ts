/**
 * Finding 4 (issue #12): "我会在恢复后自动重试" must be true. Evidence the store could not take is retried after
 * a restart (on disk in embedded mode; journaled on disk in Redis mode, since it is what Redis could not take),
 * one user cannot crowd the others out, and when no retry can be promised the user is told so.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { handleTurn } from '../../src/conversation/conversation';
import { FileStore } from '../../src/state/file-store';
import { RedisStore, type RedisStoreOptions } from '../../src/state/redis-store';
import { nodeFs, type FsPort } from '../../src/state/durable-fs';
import type { EvidenceItem, StoreLogger } from '../../src/state/store';
import { deleteKeys } from '../support/redis-keys';
import { freePort } from '../support/private-redis';
import { testDeps } from '../support/core-deps';
import { REDIS_URL } from '../channels/telegram/harness';
import { figure, msg, shown } from './harness';
import { smallDisk, type SmallDisk } from './small-disk';

const key = randomBytes(32);

function item(n: number, user = 0): EvidenceItem {
  return { id: `E${user}-${n}`, kind: 'message', receivedAt: new Date(Date.UTC(2026, 5, 1, 0, 0, n)).toISOString(), sentAt: null, text: `第${n}条：再不还钱就上门`, categories: ['threat'], contentSha256: `${user}`.padStart(8, '0') + String(n).padStart(56, '0') };
}

function collectingLogger(): StoreLogger & { lines: Array<{ level: string; msg: string; obj: object }> } {
  const lines: Array<{ level: string; msg: string; obj: object }> = [];
  const at = (level: string) => (obj: object, m: string) => lines.push({ level, msg: m, obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

let disk: SmallDisk;
beforeAll(() => {
  disk = smallDisk(64 * 1024 * 1024); // the journal's disk: a tmpfs when root (fsync costs nothing there)
});
afterAll(() => disk.cleanup());

describe('finding 4: the embedded store retries what a disk error refused, also after a restart', () => {
  it('an EIO on the record is queued on disk, and the next process writes it', async () => {
    const dataDir = join(disk.dir, `file-${randomBytes(4).toString('hex')}`);
    // Record writes fail (the evidence folder's disk hiccups); the journal's writes succeed.
    const failing: FsPort = {
      ...nodeFs,
      open: (path, flags, mode) => (path.includes('.records') && flags === 'wx' ? Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })) : nodeFs.open(path, flags, mode)),
    };
    const first = new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20, fs: failing, retryDelayMs: 60_000, logger: collectingLogger() });
    await expect(first.appendEvidence('cli:local', item(1))).resolves.toMatchObject({ queued: true });
    expect(await first.listEvidence('cli:local')).toEqual([]);
    await first.close(); // the terminal chat exits

    const second = new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20 });
    await waitFor(async () => (await second.listEvidence('cli:local')).length === 1);
    expect(figure('embedded: queued items written after a restart', `${(await second.listEvidence('cli:local')).length} of 1`)).toBe('1 of 1');
  });
});

describe('finding 4: the Redis store', () => {
  const prefix = `dstest:rq:${randomBytes(6).toString('hex')}:`;
  const afterCleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of afterCleanup) await c().catch(() => undefined);
    await deleteKeys(prefix, REDIS_URL);
  });

  async function downStore(extra: Partial<RedisStoreOptions> = {}) {
    const logger = collectingLogger();
    const store = new RedisStore({
      url: `redis://127.0.0.1:${await freePort()}`, prefix, key, ttlDays: 30, historyTurns: 20, logger,
      connectWaitMs: 20, commandTimeoutMs: 200, maxReconnectDelayMs: 50, queueDir: join(disk.dir, 'queue'), ...extra,
    });
    afterCleanup.push(() => store.close());
    return { store, logger };
  }

  it('1,100 senders during an outage: 1,000 promised and all written after a restart, 100 told no', async () => {
    const { store, logger } = await downStore({ queueDir: join(disk.dir, 'q1100') });
    const results = [];
    for (let u = 1; u <= 1100; u++) results.push(await store.appendEvidence(`telegram:${u}`, item(1, u)).then((r) => r.queued === true, () => false));
    const promised = results.filter(Boolean).length;
    figure('Redis outage, 1,100 senders: retries promised / refused', `${promised} / ${1100 - promised}`);
    expect(promised).toBe(1000);
    await store.close();
    expect(logger.lines.filter((l) => l.msg.includes('lost'))).toEqual([]);

    // A new process on the same data folder, with Redis back.
    const back = new RedisStore({ url: REDIS_URL, prefix, key, ttlDays: 30, historyTurns: 20, queueDir: join(disk.dir, 'q1100') });
    afterCleanup.push(() => back.close());
    await back.connect();
    await back.evidenceRestored();
    expect(back.pendingEvidence()).toBeGreaterThan(0); // loaded from the journal…
    await waitFor(() => back.pendingEvidence() === 0, 20_000); // …and written
    let written = 0;
    for (let u = 1; u <= 1100; u++) written += (await back.listEvidence(`telegram:${u}`)).length;
    expect(figure('Redis outage, 1,100 senders: written after the restart', written)).toBe(1000);
    for (let u = 1; u <= 1000; u++) if (results[u - 1]) expect((await back.listEvidence(`telegram:${u}`)).map((e) => e.id)).toEqual([`E${u}-1`]);
    await back.close();
  }, 60_000);

  it('one user flooding during an outage gets a fair share; everyone else still gets theirs', async () => {
    const { store } = await downStore({ queueDir: join(disk.dir, 'fair') });
    let promised = 0;
    for (let n = 1; n <= 1100; n++) promised += await store.appendEvidence('telegram:flood', item(n, 9)).then((r) => Number(r.queued === true), () => 0);
    expect(figure('Redis outage, one user sending 1,100: retries promised', promised)).toBe(50);
    await expect(store.appendEvidence('telegram:other', item(1, 8))).resolves.toMatchObject({ queued: true });
    await store.close();
  }, 60_000);

  it('the user hears the truth: a retry promised while the queue can keep it, "not kept" when it cannot', async () => {
    const { store } = await downStore({ queueDir: join(disk.dir, 'honest'), evidenceQueuePerUserMax: 1 });
    const deps = { ...testDeps(store), store };
    const first = shown(await handleTurn(msg.command('call', '13800001111 说明天上门', 'honest'), deps));
    const second = shown(await handleTurn(msg.command('call', '13800001111 说后天也上门', 'honest'), deps));
    expect(first).toContain(deps.replies.text('evidence_not_saved'));
    expect(second).toContain(deps.replies.text('evidence_not_kept'));
    expect(second).not.toContain(deps.replies.text('evidence_not_saved'));
    figure('reply when no retry can be promised', deps.replies.text('evidence_not_kept'));
    await store.close();
  });
});
