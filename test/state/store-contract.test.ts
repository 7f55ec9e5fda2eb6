/**
 * One behavioural contract for every ConversationStore: memory, the embedded file store and Redis must agree,
 * so the core behaves the same whichever one a deployment uses. Redis is the real one (REDIS_TEST_URL, default
 * 127.0.0.1:6379) under a prefix unique to this run, removed afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { FileStore } from '../../src/state/file-store';
import { MemoryStore } from '../../src/state/memory-store';
import { RedisStore } from '../../src/state/redis-store';
import type { ConversationStore, EvidenceItem } from '../../src/state/store';

const URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `dstest:${randomBytes(6).toString('hex')}:`;
const HISTORY_TURNS = 2; // turns (a user message and a reply each): 4 entries kept
const tempDirs: string[] = [];
const opened: ConversationStore[] = [];

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Each factory makes a store, and a pair of stores over the same data: two processes' view of one Redis. The
 * memory and file stores are one process's, so their pair is one store twice.
 */
interface Factory {
  make(): ConversationStore;
  pair(): [ConversationStore, ConversationStore];
}

const oneProcess = (make: () => ConversationStore): Factory => ({
  make,
  pair: () => {
    const s = make();
    return [s, s];
  },
});

function redisStore(prefix = `${PREFIX}${randomBytes(4).toString('hex')}:`, key = randomBytes(32)): RedisStore {
  return new RedisStore({ url: URL, prefix, key, ttlDays: 30, historyTurns: HISTORY_TURNS, logger: quiet });
}

const factories: Array<[string, Factory]> = [
  ['MemoryStore', oneProcess(() => new MemoryStore({ ttlDays: 30, historyTurns: HISTORY_TURNS }))],
  [
    'FileStore',
    oneProcess(() => {
      const dir = mkdtempSync(join(tmpdir(), 'debtshield-contract-'));
      tempDirs.push(dir);
      return new FileStore({ dataDir: dir, key: randomBytes(32), ttlDays: 30, historyTurns: HISTORY_TURNS });
    }),
  ],
  [
    'RedisStore',
    {
      make: () => redisStore(),
      pair: () => {
        const prefix = `${PREFIX}${randomBytes(4).toString('hex')}:`;
        const key = randomBytes(32);
        return [redisStore(prefix, key), redisStore(prefix, key)];
      },
    },
  ],
];

/** An evidence item whose content hash is that of its text and image hash, as the conversation builds them. */
function item(id: string, text: string, receivedAt = '2025-03-01T08:00:00.000Z'): EvidenceItem {
  const imageSha256 = 'cd'.repeat(32);
  return {
    id,
    kind: 'screenshot',
    receivedAt,
    sentAt: '2025-02-28T23:10:00.000Z',
    text,
    imageSha256,
    categories: ['night_calls', 'threat'],
    contentSha256: createHash('sha256').update(`${text}\n${imageSha256}`).digest('hex'),
  };
}

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  const raw = new Redis(URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await raw.connect();
  let cursor = '0';
  do {
    const [next, keys] = await raw.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await raw.del(...keys);
  } while (cursor !== '0');
  await raw.quit();
});

describe.each(factories)('%s honours the ConversationStore contract', (_name, factory) => {
  let store: ConversationStore;
  beforeEach(() => {
    store = factory.make();
    opened.push(store);
  });

  it('has no state for an unknown user', async () => {
    expect(await store.read('telegram:unknown')).toBeNull();
  });

  it('creates a fresh state on first update, applies the mutation and reads it back', async () => {
    const s = await store.update('u1', (st) => {
      st.history.push({ at: '2025-03-01T08:00:00.000Z', role: 'user', text: '他们说要去我单位闹' });
      st.summary = '催收威胁上门';
      st.pending = { kind: 'confirm_delete', since: '2025-03-01T08:00:00.000Z' };
      st.prefs.lang = 'zh';
    });
    expect(s).toMatchObject({ version: 1, summary: '催收威胁上门', prefs: { lang: 'zh' } });
    expect(Date.parse(s.updatedAt)).not.toBeNaN();
    expect(await store.read('u1')).toEqual(s);
  });

  it('keeps only the last historyTurns turns and folds older user messages into the summary', async () => {
    for (let i = 0; i < 7; i++) await store.update('u1', (st) => st.history.push({ at: `t${i}`, role: i % 2 ? 'bot' : 'user', text: `第${i}轮` }));
    const state = (await store.read('u1'))!;
    expect(state.history.map((t) => t.at)).toEqual(['t3', 't4', 't5', 't6']);
    expect(state.summary).toBe('第0轮 / 第2轮');
  });

  it('lands every one of many concurrent updates for one user', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update('u1', (st) => (st.prefs[`k${i}`] = String(i)))));
    expect(Object.keys((await store.read('u1'))!.prefs)).toHaveLength(20);
  });

  it('leaves the state as it was when the mutation throws', async () => {
    await store.update('u1', (st) => (st.summary = 'kept'));
    await expect(store.update('u1', () => { throw new Error('mutation failed'); })).rejects.toThrow('mutation failed');
    expect((await store.read('u1'))!.summary).toBe('kept');
  });

  it('keeps users apart', async () => {
    await store.update('u1', (st) => (st.summary = 'one'));
    await store.update('u2', (st) => (st.summary = 'two'));
    expect((await store.read('u1'))!.summary).toBe('one');
    expect((await store.read('u2'))!.summary).toBe('two');
  });

  it('appends evidence and lists it in order, unchanged', async () => {
    const a = item('E250301-0001', '逾期三天，再不还就爆你通讯录');
    const b = item('E250301-0002', '今晚十二点前不还，明天上门');
    await store.appendEvidence('u1', a);
    await store.appendEvidence('u1', b);
    expect(await store.listEvidence('u1')).toEqual([a, b]);
    expect(await store.listEvidence('u2')).toEqual([]);
  });

  it('stores the same content once, counting repeats and when the last one came', async () => {
    const first = item('E250301-0001', '逾期三天，再不还就爆你通讯录');
    const again = { ...item('E250302-0002', '逾期三天，再不还就爆你通讯录', '2025-03-02T09:30:00.000Z'), kind: 'message' as const };
    expect(await store.appendEvidence('u1', first)).toEqual({ id: 'E250301-0001', duplicate: false, count: 1 });
    expect(await store.appendEvidence('u1', again)).toEqual({ id: 'E250301-0001', duplicate: true, count: 2 });
    expect(await store.listEvidence('u1')).toEqual([{ ...first, count: 2, lastSeenAt: '2025-03-02T09:30:00.000Z' }]);

    // An older repeat (a late retry, say) counts but does not move lastSeenAt back.
    expect(await store.appendEvidence('u1', item('E250228-0003', '逾期三天，再不还就爆你通讯录', '2025-02-28T10:00:00.000Z'))).toMatchObject({ count: 3 });
    expect(await store.listEvidence('u1')).toEqual([{ ...first, count: 3, lastSeenAt: '2025-03-02T09:30:00.000Z' }]);

    // Per user: another user's same content is their own first item.
    expect(await store.appendEvidence('u2', item('E2', '逾期三天，再不还就爆你通讯录'))).toEqual({ id: 'E2', duplicate: false, count: 1 });
  });

  it('keeps different content as different items, and repeats count on the right one', async () => {
    const a = item('E1', '今晚十二点前不还，明天上门');
    const b = item('E2', '今晚十二点前不还，明天上门。'); // one character more: other content
    await store.appendEvidence('u1', a);
    await store.appendEvidence('u1', b);
    expect(await store.appendEvidence('u1', item('E3', '今晚十二点前不还，明天上门。', '2025-03-05T00:00:00.000Z'))).toEqual({ id: 'E2', duplicate: true, count: 2 });
    expect(await store.listEvidence('u1')).toEqual([a, { ...b, count: 2, lastSeenAt: '2025-03-05T00:00:00.000Z' }]);
  });

  it('sets count and lastSeenAt itself, ignoring a caller’s, and keeps notes of conduct', async () => {
    const note: EvidenceItem = { ...item('N1', '他们在我家门上贴了欠债不还的纸'), kind: 'note', imageSha256: undefined, sentAt: null };
    expect(await store.appendEvidence('u1', { ...note, count: 7, lastSeenAt: '2030-01-01T00:00:00.000Z' })).toEqual({ id: 'N1', duplicate: false, count: 1 });
    const [kept] = await store.listEvidence('u1');
    expect(kept).toEqual(note);
    expect(kept).not.toHaveProperty('count');
  });

  it('counts 20 concurrent appends of one content as one item seen 20 times', async () => {
    const [a, b] = factory.pair();
    opened.push(a, b);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).appendEvidence('u1', item(`E${i}`, '不还钱就去你单位闹', `2025-03-01T08:00:${String(i).padStart(2, '0')}.000Z`))),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const keptId = results.find((r) => !r.duplicate)!.id;
    expect(results.every((r) => r.id === keptId)).toBe(true);
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const list = await b.listEvidence('u1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: keptId, count: 20, lastSeenAt: '2025-03-01T08:00:19.000Z' });
  });

  it('forgets counts with the user: the same content after deletion is a first item again', async () => {
    await store.appendEvidence('u1', item('E1', '证据'));
    await store.appendEvidence('u1', item('E2', '证据'));
    expect(await store.deleteUser('u1')).toBe(1);
    expect(await store.listEvidence('u1')).toEqual([]);
    expect(await store.appendEvidence('u1', item('E3', '证据'))).toEqual({ id: 'E3', duplicate: false, count: 1 });
    expect(await store.listEvidence('u1')).toEqual([item('E3', '证据')]);
  });

  it('reports a message as processed once, per user', async () => {
    expect(await store.markProcessed('u1', 'telegram:100')).toBe(true);
    expect(await store.markProcessed('u1', 'telegram:100')).toBe(false);
    expect(await store.markProcessed('u1', 'telegram:101')).toBe(true);
    expect(await store.markProcessed('u2', 'telegram:100')).toBe(true);
  });

  it('deletes everything about one user, counts the records and spares the others', async () => {
    await store.update('u1', (st) => (st.summary = 'gone'));
    await store.appendEvidence('u1', item('E1', '证据'));
    await store.markProcessed('u1', 'telegram:1');
    await store.update('u2', (st) => (st.summary = 'stays'));

    expect(await store.deleteUser('u1')).toBe(3);
    expect(await store.read('u1')).toBeNull();
    expect(await store.listEvidence('u1')).toEqual([]);
    expect(await store.markProcessed('u1', 'telegram:1')).toBe(true);
    expect((await store.read('u2'))!.summary).toBe('stays');
    expect(await store.deleteUser('nobody')).toBe(0);
  });
});
