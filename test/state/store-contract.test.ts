/**
 * One behavioural contract for every ConversationStore: memory, the embedded file store and Redis must agree,
 * so the core behaves the same whichever one a deployment uses. Redis is the real one (REDIS_TEST_URL, default
 * 127.0.0.1:6379) under a prefix unique to this run, removed afterwards.
 */
import { randomBytes } from 'node:crypto';
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

const factories: Array<[string, () => ConversationStore]> = [
  ['MemoryStore', () => new MemoryStore({ ttlDays: 30, historyTurns: HISTORY_TURNS })],
  [
    'FileStore',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'debtshield-contract-'));
      tempDirs.push(dir);
      return new FileStore({ dataDir: dir, key: randomBytes(32), ttlDays: 30, historyTurns: HISTORY_TURNS });
    },
  ],
  [
    'RedisStore',
    () =>
      new RedisStore({
        url: URL,
        prefix: `${PREFIX}${randomBytes(4).toString('hex')}:`,
        key: randomBytes(32),
        ttlDays: 30,
        historyTurns: HISTORY_TURNS,
        logger: quiet,
      }),
  ],
];

function item(id: string, text: string): EvidenceItem {
  return {
    id,
    kind: 'screenshot',
    receivedAt: '2025-03-01T08:00:00.000Z',
    sentAt: '2025-02-28T23:10:00.000Z',
    text,
    imageSha256: 'cd'.repeat(32),
    categories: ['night_calls', 'threat'],
    contentSha256: 'ef'.repeat(32),
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

describe.each(factories)('%s honours the ConversationStore contract', (_name, make) => {
  let store: ConversationStore;
  beforeEach(() => {
    store = make();
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
