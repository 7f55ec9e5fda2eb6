/**
 * RedisStore against a real Redis (REDIS_TEST_URL, default 127.0.0.1:6379) under a prefix unique to this run,
 * removed afterwards. The outage case starts and kills its own redis-server on a free port.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError } from '../../src/errors';
import { seal } from '../../src/state/crypto';
import { RedisStore, type RedisStoreOptions } from '../../src/state/redis-store';
import type { StoreLogger } from '../../src/state/store';
import type { EvidenceItem } from '../../src/state/store';
import { freePort, startRedis } from '../support/private-redis';

const URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `dstest:${randomBytes(6).toString('hex')}:`;
const KEY = randomBytes(32);
const USER = 'telegram:7712345678';
const SECRET_TEXT = '你好，我欠了网贷三万元，催收天天打电话给我妈妈';

const raw = new Redis(URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
const stores: RedisStore[] = [];

/** Keeps what a store logs, so tests stay quiet and can check that failures are reported. */
function collectingLogger(): StoreLogger & { lines: Array<{ level: string; msg: string; obj: object }> } {
  const lines: Array<{ level: string; msg: string; obj: object }> = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

function makeStore(over: Partial<RedisStoreOptions> = {}): RedisStore {
  const s = new RedisStore({ url: URL, prefix: PREFIX, key: KEY, ttlDays: 30, historyTurns: 20, logger: collectingLogger(), ...over });
  stores.push(s);
  return s;
}

async function keysUnder(prefix: string, client: Redis = raw): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    out.push(...batch);
  } while (cursor !== '0');
  return out;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** An evidence item whose content hash is that of its text, as the conversation builds them. */
function evidence(id: string, text = SECRET_TEXT, receivedAt = '2025-01-02T03:04:05.000Z'): EvidenceItem {
  return { id, kind: 'message', receivedAt, sentAt: null, text, categories: ['contact_third_party'], contentSha256: sha256(`${text}\n`) };
}

/** A user's key names, found by writing only to that user under a fresh sub-prefix. */
async function keysOf(prefix: string): Promise<{ state: string; evidence: string; evidx: string; evcount: string; seen: string }> {
  const ks = await keysUnder(prefix);
  const find = (suffix: string) => ks.find((k) => k.endsWith(suffix)) ?? '';
  return { state: find(':state'), evidence: find(':evidence'), evidx: find(':evidx'), evcount: find(':evcount'), seen: find(':seen') };
}

beforeAll(async () => {
  await raw.connect();
});

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  const left = await keysUnder(PREFIX);
  if (left.length > 0) await raw.del(...left);
  await raw.quit();
});

describe('RedisStore', () => {
  it('round-trips state and creates a fresh one on first update', async () => {
    const store = makeStore();
    expect(await store.read(USER)).toBeNull();
    const written = await store.update(USER, (s) => {
      s.history.push({ at: '2025-01-01T00:00:00.000Z', role: 'user', text: SECRET_TEXT });
      s.summary = '用户被催收骚扰';
      s.lastAnalysis = { at: '2025-01-01T00:00:00.000Z', categories: ['threat'], lawful: false, sentAt: null, evidenceId: 'E250101-abcd' };
      s.prefs.lang = 'zh';
    });
    expect(written.version).toBe(1);
    expect(await store.read(USER)).toEqual(written);
  });

  it('keeps everything encrypted at rest and the user id out of key names', async () => {
    const prefix = `${PREFIX}enc:`;
    const store = makeStore({ prefix });
    await store.update(USER, (s) => s.history.push({ at: 'now', role: 'user', text: SECRET_TEXT }));
    await store.appendEvidence(USER, evidence('E1'));
    await store.appendEvidence(USER, evidence('E2')); // the same content again: counted
    await store.markProcessed(USER, 'telegram:4242');

    const ks = await keysUnder(prefix);
    expect(ks).toHaveLength(5);
    for (const k of ks) {
      expect(k).not.toContain('7712345678');
      expect(k).toMatch(new RegExp(`^${prefix}u:[0-9a-f]{32}:(state|evidence|evidx|evcount|seen)$`));
    }
    const k = await keysOf(prefix);
    const state = (await raw.get(k.state))!;
    const items = await raw.lrange(k.evidence, 0, -1);
    const seen = await raw.zrange(k.seen, '0', '-1');
    // The index and counts hold keyed tags, list positions and numbers only (no ids, no content).
    const indexEntries = Object.entries(await raw.hgetall(k.evidx));
    const countEntries = Object.entries(await raw.hgetall(k.evcount));
    expect(indexEntries).toEqual([[expect.stringMatching(/^[\w-]{22}$/), '0']]);
    expect(countEntries).toEqual([['0', expect.stringMatching(/^2:\d{13}:[0-9a-f]{16}$/)]]);
    const index = indexEntries.flat();
    const counts = countEntries.flat();
    // Neither the content hash (hex or base64, whole or in part) nor the content is readable in the index.
    const contentHash = evidence('E1').contentSha256;
    for (const blob of [state, ...items, ...seen, ...index, ...counts]) {
      expect(blob).not.toContain('催收');
      expect(blob).not.toContain(Buffer.from('催收').toString('base64'));
      expect(blob).not.toContain('7712345678');
      expect(blob).not.toContain('4242');
      expect(blob).not.toContain(contentHash.slice(0, 12));
      expect(blob).not.toContain(Buffer.from(contentHash, 'hex').toString('base64url').slice(0, 12));
    }
    expect(state.startsWith('v2.')).toBe(true);

    // A record copied under another user's key does not decrypt there (the key name is bound in).
    const other = makeStore({ prefix });
    await other.update('telegram:1', () => undefined);
    const otherKey = (await keysUnder(prefix)).find((x) => x.endsWith(':state') && x !== k.state)!;
    await raw.set(otherKey, state);
    await expect(other.read('telegram:1')).rejects.toThrow();
  });

  it('puts a TTL on state and on seen ids, none on evidence', async () => {
    const prefix = `${PREFIX}ttl:`;
    const store = makeStore({ prefix, ttlDays: 30 });
    await store.update(USER, () => undefined);
    await store.appendEvidence(USER, evidence('E1'));
    await store.markProcessed(USER, 'm1');
    const k = await keysOf(prefix);
    const stateTtl = await raw.ttl(k.state);
    expect(stateTtl).toBeGreaterThan(30 * 86400 - 60);
    expect(stateTtl).toBeLessThanOrEqual(30 * 86400);
    expect(await raw.ttl(k.evidence)).toBe(-1);
    expect(await raw.ttl(k.evidx)).toBe(-1);
    const seenTtl = await raw.ttl(k.seen);
    expect(seenTtl).toBeGreaterThan(6 * 86400);
    expect(seenTtl).toBeLessThanOrEqual(7 * 86400);

    // A write refreshes the TTL.
    await raw.expire(k.state, 100);
    await store.update(USER, () => undefined);
    expect(await raw.ttl(k.state)).toBeGreaterThan(30 * 86400 - 60);
  });

  it('trims history to historyTurns', async () => {
    const store = makeStore({ historyTurns: 2 });
    const user = 'telegram:trim';
    for (let i = 0; i < 8; i++) await store.update(user, (s) => s.history.push({ at: `t${i}`, role: 'user', text: `第${i}条` }));
    const state = (await store.read(user))!;
    expect(state.history.map((t) => t.at)).toEqual(['t4', 't5', 't6', 't7']);
    expect(state.summary).toBe('第0条 / 第1条 / 第2条 / 第3条');
  });

  it('loses no turn when two processes update one user 50 times at once', async () => {
    const a = makeStore({ historyTurns: 200 });
    const b = makeStore({ historyTurns: 200 });
    const user = 'telegram:race';
    // Like the core, most turns read first: update() then starts from that (soon stale) read.
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const store = i % 2 ? a : b;
        if (i % 4 < 3) await store.read(user);
        return store.update(user, (s) => s.history.push({ at: `turn-${i}`, role: 'user', text: `消息${i}` }));
      }),
    );
    const turns = (await a.read(user))!.history.map((t) => t.at);
    expect(turns).toHaveLength(50);
    expect(new Set(turns).size).toBe(50);
  });

  it('keeps concurrent updates of many users on one connection apart (the WATCH pitfall)', async () => {
    const a = makeStore({ historyTurns: 200 });
    const b = makeStore({ historyTurns: 200 });
    const users = Array.from({ length: 10 }, (_, i) => `telegram:many-${i}`);
    await Promise.all(
      users.flatMap((u, ui) =>
        Array.from({ length: 10 }, (_, i) => ((i + ui) % 2 ? a : b).update(u, (s) => s.history.push({ at: `${u}/${i}`, role: 'user', text: 'x' }))),
      ),
    );
    for (const u of users) {
      const turns = (await a.read(u))!.history.map((t) => t.at);
      expect(turns.every((t) => t.startsWith(`${u}/`))).toBe(true);
      expect(new Set(turns).size).toBe(10);
    }
  });

  it('loses nothing when another process writes between this one’s read and update', async () => {
    const a = makeStore();
    const b = makeStore();
    const user = 'telegram:read-then-update';
    await a.update(user, (s) => s.history.push({ at: 't0', role: 'user', text: '一' }));
    expect((await a.read(user))!.history).toHaveLength(1); // a now holds what it read
    await b.update(user, (s) => s.history.push({ at: 't1', role: 'user', text: '二' }));
    await a.update(user, (s) => s.history.push({ at: 't2', role: 'user', text: '三' }));
    expect((await b.read(user))!.history.map((t) => t.at)).toEqual(['t0', 't1', 't2']);
  });

  it('leaves the state untouched when mutate throws', async () => {
    const store = makeStore();
    const user = 'telegram:throws';
    await store.update(user, (s) => (s.summary = 'before'));
    await expect(store.update(user, () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await store.read(user))!.summary).toBe('before');
  });

  it('dedupes processed message ids, across processes and under concurrency', async () => {
    const a = makeStore();
    const b = makeStore();
    expect(await a.markProcessed(USER, 'telegram:1')).toBe(true);
    expect(await b.markProcessed(USER, 'telegram:1')).toBe(false);
    expect(await a.markProcessed('telegram:someone-else', 'telegram:1')).toBe(true);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).markProcessed(USER, 'telegram:dup')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('bounds the seen set', async () => {
    const prefix = `${PREFIX}seen:`;
    const store = makeStore({ prefix, seenKeep: 5 });
    for (let i = 0; i < 9; i++) expect(await store.markProcessed(USER, `m${i}`)).toBe(true);
    expect(await raw.zcard((await keysOf(prefix)).seen)).toBe(5);
    expect(await store.markProcessed(USER, 'm8')).toBe(false);
  });

  it('appends and lists evidence in order', async () => {
    const store = makeStore();
    const user = 'telegram:evidence';
    await store.appendEvidence(user, evidence('E1', '第一条'));
    await store.appendEvidence(user, evidence('E2', '第二条'));
    expect((await store.listEvidence(user)).map((e) => [e.id, e.text])).toEqual([['E1', '第一条'], ['E2', '第二条']]);
    expect(await store.listEvidence('telegram:nobody')).toEqual([]);
  });

  it('deleteUser removes every key of the user, stray ones included, and nobody else’s', async () => {
    const prefix = `${PREFIX}del:`;
    const store = makeStore({ prefix });
    await store.update(USER, () => undefined);
    await store.appendEvidence(USER, evidence('E1'));
    await store.appendEvidence(USER, evidence('E2')); // a repeat: index and counts exist
    await store.markProcessed(USER, 'm1');
    const k = await keysOf(prefix);
    expect(await raw.exists(k.evidx, k.evcount)).toBe(2);
    const stray = k.state.replace(/:state$/, ':legacy');
    await raw.set(stray, 'x');
    const keep = makeStore({ prefix: `${PREFIX}del2:` });
    await keep.update(USER, () => undefined);

    expect(await store.deleteUser(USER)).toBe(4);
    expect(await keysUnder(prefix)).toEqual([]);
    expect(await keep.read(USER)).not.toBeNull();
    expect(await store.deleteUser(USER)).toBe(0);
    expect(await store.read(USER)).toBeNull();
  });

  it('reads evidence kept before counting existed, and counts repeats on it (the index is built once)', async () => {
    const prefix = `${PREFIX}legacy:`;
    const a = makeStore({ prefix });
    const b = makeStore({ prefix });
    const user = 'telegram:legacy';
    await a.update(user, () => undefined);
    const listKey = (await keysOf(prefix)).state.replace(/:state$/, ':evidence');
    // As the previous version wrote them: sealed items, no index; it kept repeats as separate items.
    const legacy = [evidence('L1', '催收说要上门'), evidence('L2', '再不还就告诉你家人'), evidence('L3', '催收说要上门')];
    await raw.rpush(listKey, ...legacy.map((e) => seal(KEY, JSON.stringify(e), `evidence:${user}`)));

    expect(await a.listEvidence(user)).toEqual(legacy);
    expect(await a.appendEvidence(user, evidence('N1', '催收说要上门', '2025-02-01T00:00:00.000Z'))).toEqual({ id: 'L1', duplicate: true, count: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).appendEvidence(user, evidence(`R${i}`, '再不还就告诉你家人'))));
    expect(results.every((r) => r.duplicate && r.id === 'L2')).toBe(true);
    expect(await a.appendEvidence(user, evidence('N2', '新内容'))).toEqual({ id: 'N2', duplicate: false, count: 1 });

    const list = await b.listEvidence(user);
    expect(list.map((e) => [e.id, e.count])).toEqual([['L1', 2], ['L2', 11], ['L3', undefined], ['N2', undefined]]);
    expect(list[0]!.lastSeenAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('fails fast, without hanging, when Redis was never reachable', async () => {
    const port = await freePort();
    const store = makeStore({ url: `redis://127.0.0.1:${port}`, maxReconnectDelayMs: 200 });
    await expect(settlesFirst(store.read(USER))).rejects.toBeInstanceOf(AppError);
    await expect(settlesFirst(store.update(USER, () => undefined))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await store.close();
  });
});

describe('RedisStore through an outage', () => {
  let server: ChildProcess | undefined;
  afterEach(() => {
    server?.kill('SIGCONT');
    server?.kill('SIGKILL');
    server = undefined;
  });

  it('rejects state calls quickly while Redis is down, queues evidence and writes it exactly once when Redis is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    server = await startRedis(port);
    const logger = collectingLogger();
    const store = makeStore({ url, maxReconnectDelayMs: 200, evidenceQueueMax: 3, logger });
    await store.update(USER, (s) => (s.summary = 'before'));
    await store.appendEvidence(USER, evidence('E0'));

    await killRedis(server);
    server = undefined;

    await expect(settlesFirst(store.update(USER, (s) => (s.summary = 'during')))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });

    const e1 = evidence('E1', '第一条');
    const queued = { id: 'E1', duplicate: false, count: 1, queued: true };
    await expect(settlesFirst(store.appendEvidence(USER, e1))).resolves.toEqual(queued);
    await expect(settlesFirst(store.appendEvidence(USER, e1))).resolves.toEqual(queued); // the same item again: queued once
    await expect(settlesFirst(store.appendEvidence(USER, evidence('E2', '第二条')))).resolves.toMatchObject({ queued: true });
    await expect(settlesFirst(store.appendEvidence('telegram:gone', evidence('G1')))).resolves.toMatchObject({ queued: true });
    expect(store.pendingEvidence()).toBe(3);

    // Full queue: nothing accepted is dropped to make room; E3 is refused, so the caller can say it was not kept.
    await expect(store.appendEvidence(USER, evidence('E3', '第三条'))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(store.pendingEvidence()).toBe(3);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);

    // A user who deletes their data during the outage never gets queued evidence written back.
    await expect(store.deleteUser('telegram:gone')).rejects.toBeInstanceOf(AppError);
    expect(store.pendingEvidence()).toBe(2);

    server = await startRedis(port); // empty: this Redis keeps nothing on disk
    await waitFor(() => store.pendingEvidence() === 0, 10_000);

    expect((await store.listEvidence(USER)).map((e) => e.id)).toEqual(['E1', 'E2']);
    expect(await store.listEvidence('telegram:gone')).toEqual([]);
    const after = await store.update(USER, (s) => (s.summary = 'after'));
    expect(after.summary).toBe('after');
    // Logs say what happened, never what was said.
    expect(JSON.stringify(logger.lines)).not.toMatch(/第|telegram|E[0-3]/);
    await store.close();
  });

  it('dedupes queued evidence when it is written after the outage', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const store = makeStore({ url: `redis://127.0.0.1:${port}`, maxReconnectDelayMs: 200 });
    await store.update(USER, () => undefined);
    await killRedis(server);
    server = undefined;

    const at = (h: number) => `2025-01-02T0${h}:00:00.000Z`;
    for (const e of [evidence('A1', '第一条', at(1)), evidence('A2', '第一条', at(2)), evidence('B1', '第二条', at(3)), evidence('A3', '第一条', at(4))]) {
      // While queued, nothing is known of what is kept: each is reported as a first item, queued.
      await expect(settlesFirst(store.appendEvidence(USER, e))).resolves.toEqual({ id: e.id, duplicate: false, count: 1, queued: true });
    }
    expect(store.pendingEvidence()).toBe(4);

    server = await startRedis(port);
    await waitFor(() => store.pendingEvidence() === 0, 10_000);
    const list = await store.listEvidence(USER);
    expect(list.map((e) => [e.id, e.count, e.lastSeenAt])).toEqual([['A1', 3, at(4)], ['B1', undefined, undefined]]);
    expect(await store.appendEvidence(USER, evidence('A4', '第一条', at(5)))).toEqual({ id: 'A1', duplicate: true, count: 4 });
    await store.close();
  });

  it('counts a write whose reply was lost once, though the queue writes it again', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const store = makeStore({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 300, maxReconnectDelayMs: 200 });
    await store.appendEvidence(USER, evidence('A1', '第一条'));

    // A paused server takes the commands but answers none: they time out here, and run when it resumes.
    server.kill('SIGSTOP');
    await expect(settlesFirst(store.appendEvidence(USER, evidence('A2', '第一条', '2025-01-03T00:00:00.000Z')))).resolves.toMatchObject({ queued: true });
    expect(store.pendingEvidence()).toBe(1);
    await expect(settlesFirst(store.appendEvidence(USER, evidence('B1', '第二条')))).resolves.toMatchObject({ queued: true });
    // Another user's first item: sent, timed out, queued.
    await expect(settlesFirst(store.appendEvidence('telegram:other', evidence('C1', '第三条')))).resolves.toMatchObject({ queued: true });
    expect(store.pendingEvidence()).toBe(3);
    server.kill('SIGCONT');

    await waitFor(() => store.pendingEvidence() === 0, 10_000);
    const list = await store.listEvidence(USER);
    expect(list.map((e) => [e.id, e.count, e.lastSeenAt])).toEqual([['A1', 2, '2025-01-03T00:00:00.000Z'], ['B1', undefined, undefined]]);
    expect((await store.listEvidence('telegram:other')).map((e) => [e.id, e.count])).toEqual([['C1', undefined]]);
    await store.close();
  });
});

/**
 * `p`, unless it is still pending when a generous timer fires: then a rejection saying it hung. The margin
 * (10 s, against a store that fails within about a second) makes this a "does not hang" check, not a timing.
 */
async function settlesFirst<T>(p: Promise<T>, marginMs = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${marginMs} ms: the store hangs while Redis is down`)), marginMs);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

function killRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
