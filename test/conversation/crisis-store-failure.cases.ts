/**
 * Crisis care survives a store failure (tester problem 1): when the turn that opened crisis mode could not be saved
 * (a disk error, Redis down or too slow), the next turns still open with care and keep 12356 in view, and the mode
 * is written once the store takes writes again. The store is the real embedded FileStore with its disk failing on
 * demand through its file-system seam, and a RedisStore on a redis-server of its own, paused (too slow to answer)
 * during the crisis turn. Wordings are this file's own.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleTurn } from '../../src/conversation/conversation';
import { renderText } from '../../src/channels/local/render-text';
import { FileStore } from '../../src/state/file-store';
import { RedisStore } from '../../src/state/redis-store';
import type { ConversationStore } from '../../src/state/store';
import type { FsPort } from '../../src/state/durable-fs';
import type { OutboundReply } from '../../src/message';
import { testCore, testDeps } from '../support/core-deps';
import { freePort, startRedis } from '../support/private-redis';

const AT = new Date('2026-06-02T01:30:00+08:00');
// The core loads once per file; on a busy machine that alone can take most of a test's time.
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The real disk, failing with EIO while `writes` / `reads` are switched off. */
function flakyDisk() {
  const sw = { writes: true, reads: true };
  const eio = () => Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
  const fs: FsPort = {
    open: async (p, f, m) => {
      if (!sw.writes && f !== 'r') throw eio();
      return fsp.open(p, f, m);
    },
    readFile: async (p, e) => {
      if (!sw.reads) throw eio();
      return fsp.readFile(p, e);
    },
    rename: (a, b) => fsp.rename(a, b),
    unlink: (p) => fsp.unlink(p),
    readdir: (p) => fsp.readdir(p),
    mkdir: (p, o) => fsp.mkdir(p, o),
    rm: (p, o) => fsp.rm(p, o),
  };
  return { fs, sw };
}

function chat(user: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'debtshield-crisis-store-'));
  dirs.push(dataDir);
  const disk = flakyDisk();
  const store = new FileStore({ dataDir, key: randomBytes(32), ttlDays: 30, historyTurns: 20, fs: disk.fs });
  return { ...over(store, user), disk: disk.sw };
}

/** A chat of one user through handleTurn over `store`. */
function over(store: ConversationStore, user: string) {
  const deps = testDeps(store, undefined, { now: () => AT });
  let n = 0;
  const say = async (text: string) => {
    const r: OutboundReply = await handleTurn({ channel: 'test', userId: user, receivedAt: AT, messageId: String(++n), kind: 'text', text }, deps);
    return Object.assign(r, { shown: renderText(r, { buttons: false }) });
  };
  return { say, store, key: `test:${user}` };
}

const notSaved = (r: OutboundReply) => r.notices.some((x) => x.kind === 'not_saved');

describe('crisis care when the turn that opened it was not saved', () => {
  it('goes on: the next turns open with care and keep 12356, and the mode is written once the store is back', async () => {
    const c = chat('sf1');
    c.disk.writes = false;
    const first = await c.say('还不上了 真想一觉睡过去别醒了');
    expect(first.kind).toBe('crisis');
    expect(notSaved(first)).toBe(true);
    c.disk.writes = true;
    for (const next of ['哦', '我是不是特别差劲']) {
      const r = await c.say(next);
      expect(r.kind).toBe('crisis');
      expect(r.shown).toMatch(/安全/);
      expect(r.shown).toMatch(/12356/);
      expect(r.citations).toEqual([]);
    }
    expect((await c.store.read(c.key))?.crisis?.turnsLeft).toBeGreaterThan(0);
  });

  it('goes on while the store can neither write nor read', async () => {
    const c = chat('sf2');
    c.disk.writes = false;
    await c.say('这日子没法过了 不如死了干净');
    c.disk.reads = false;
    const r = await c.say('嗯嗯');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/你好/);
  });

  it('ends when the person says they are safe, even though nothing was saved', async () => {
    const c = chat('sf3');
    c.disk.writes = false;
    await c.say('撑不下去了 想去死');
    await c.say('我媳妇回来了 在旁边陪着我 我保证不会做傻事');
    const r = await c.say('催收能给我单位打电话吗');
    expect(r.kind).not.toBe('crisis');
  });
});

describe('crisis care when Redis is too slow to take the crisis turn', () => {
  let server: ChildProcess | undefined;
  afterEach(() => {
    server?.kill('SIGCONT');
    server?.kill('SIGKILL');
    server = undefined;
  });

  it('goes on once Redis answers again', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const store = new RedisStore({ url: `redis://127.0.0.1:${port}`, prefix: 'crisis-test:', key: randomBytes(32), ttlDays: 30, historyTurns: 20, commandTimeoutMs: 300, maxReconnectDelayMs: 200, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    try {
      const c = over(store, 'sf-redis');
      server.kill('SIGSTOP');
      const first = await c.say('还不起了 今晚就想把自己了结');
      expect(first.kind).toBe('crisis');
      expect(notSaved(first)).toBe(true);
      server.kill('SIGCONT');
      // Redis answers again once the client has reconnected.
      for (let i = 0; i < 100 && !(await store.read(c.key).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
      const r = await c.say('嗯');
      expect(r.kind).toBe('crisis');
      expect(r.shown).toMatch(/12356/);
      expect((await store.read(c.key))?.crisis).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
