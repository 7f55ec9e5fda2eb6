/**
 * FileStore beyond the shared contract: what its file names give away, the rename of files named the old way,
 * and /delete racing a user's other writes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seal } from '../../src/state/crypto';
import { FileStore } from '../../src/state/file-store';
import { freshState, type EvidenceItem } from '../../src/state/store';

const USER = 'telegram:7712345678';
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'debtshield-file-store-'));
  dirs.push(dir);
  return dir;
}

function makeStore(dataDir = tempDir(), key = randomBytes(32)): FileStore {
  return new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 50 });
}

/** The user files' names, extensions stripped, deduplicated (the disk reserve is not a user's). */
function names(dataDir: string): string[] {
  return [...new Set(userFiles(dataDir).map((f) => f.replace(/\.(state|evidence|seen|records)$/, '')))];
}

function userFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'users')).filter((f) => f !== '.reserve');
}

const sha256Name = (userKey: string) => createHash('sha256').update(userKey).digest('hex').slice(0, 32);

function item(id: string): EvidenceItem {
  return { id, kind: 'message', receivedAt: '2025-03-01T08:00:00.000Z', sentAt: null, text: '再不还钱就上门', categories: ['threat'], contentSha256: 'ef'.repeat(32) };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('FileStore file names', () => {
  it('are keyed: not the sha256 of the user key, and different under another key', async () => {
    const a = tempDir();
    const b = tempDir();
    await makeStore(a).update(USER, () => undefined);
    await makeStore(b).update(USER, () => undefined);
    const [nameA] = names(a);
    const [nameB] = names(b);
    expect(nameA).toMatch(/^[0-9a-f]{32}$/);
    expect(nameA).not.toBe(sha256Name(USER));
    expect(nameB).not.toBe(nameA);
  });

  it('are stable for one key, so a restarted store finds its data', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    await makeStore(dir, key).update(USER, (s) => (s.summary = 'kept'));
    expect((await makeStore(dir, key).read(USER))!.summary).toBe('kept');
  });

  it('renames files named the old (unkeyed) way on first use, so an upgrade loses nothing', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const legacy = join(dir, 'users', sha256Name(USER));
    makeStore(dir, key); // creates the folder
    const state = { ...freshState(new Date()), summary: 'from before the upgrade' };
    writeFileSync(`${legacy}.state`, seal(key, JSON.stringify(state), `state:${USER}`));
    writeFileSync(`${legacy}.evidence`, `${seal(key, JSON.stringify(item('E1')), `evidence:${USER}`)}\n`);

    const store = makeStore(dir, key);
    expect((await store.read(USER))!.summary).toBe('from before the upgrade');
    expect((await store.listEvidence(USER)).map((e) => e.id)).toEqual(['E1']);
    expect(names(dir)).not.toContain(sha256Name(USER));
    expect(await store.deleteUser(USER)).toBe(2);
    expect(userFiles(dir)).toEqual([]);
  });
});

describe('FileStore evidence counts', () => {
  it('reads evidence written before counting existed, and counts repeats on its first copy', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    await makeStore(dir, key).update(USER, () => undefined); // creates a file under the user's name
    const [name] = names(dir);
    // As earlier versions wrote them: one sealed line per item, repeats kept as separate items.
    const legacy = [item('E1'), { ...item('E2'), text: '别的内容', contentSha256: 'ab'.repeat(32) }, item('E3')];
    writeFileSync(join(dir, 'users', `${name}.evidence`), legacy.map((e) => `${seal(key, JSON.stringify(e), `evidence:${USER}`)}\n`).join(''));

    const store = makeStore(dir, key);
    expect(await store.listEvidence(USER)).toEqual(legacy);
    expect(await store.appendEvidence(USER, { ...item('E4'), receivedAt: '2025-03-02T00:00:00.000Z' })).toEqual({ id: 'E1', duplicate: true, count: 2 });
    const after = await makeStore(dir, key).listEvidence(USER);
    expect(after.map((e) => [e.id, e.count, e.lastSeenAt])).toEqual([
      ['E1', 2, '2025-03-02T00:00:00.000Z'],
      ['E2', undefined, undefined],
      ['E3', undefined, undefined],
    ]);
    expect(readdirSync(join(dir, 'users')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(userFiles(dir).filter((f) => f.endsWith('.evidence'))).toEqual([]); // moved into records
  });
});

describe('FileStore deleteUser', () => {
  it('waits for writes issued before it, and is not undone by them', async () => {
    const store = makeStore();
    const results = await Promise.all([
      store.update(USER, (s) => s.history.push({ at: 't1', role: 'user', text: '一' })),
      store.appendEvidence(USER, item('E1')),
      store.markProcessed(USER, 'telegram:1'),
      store.update(USER, (s) => s.history.push({ at: 't2', role: 'user', text: '二' })),
      store.deleteUser(USER),
    ]);
    expect(results[4]).toBe(3); // state, evidence and seen were all written before the deletion ran
    expect(await store.read(USER)).toBeNull();
    expect(await store.listEvidence(USER)).toEqual([]);
    expect(await store.markProcessed(USER, 'telegram:1')).toBe(true);
  });

  it('keeps exactly the writes issued after it', async () => {
    const store = makeStore();
    await store.update(USER, (s) => s.history.push({ at: 'old', role: 'user', text: '旧' }));
    const [, , after] = await Promise.all([
      store.update(USER, (s) => s.history.push({ at: 'before', role: 'user', text: '前' })),
      store.deleteUser(USER),
      store.update(USER, (s) => s.history.push({ at: 'after', role: 'user', text: '后' })),
    ]);
    expect(after.history.map((t) => t.at)).toEqual(['after']);
    expect((await store.read(USER))!.history.map((t) => t.at)).toEqual(['after']);
  });
});
