/**
 * Finding 3 (issue #12): the embedded store on a full disk, a crash mid-write and a broken record. The disk is a
 * real tmpfs of 2 MiB when the test may mount one, else a folder behind the store's file-system seam that fails
 * the same way (small-disk.ts; ATTACK_NO_MOUNT=1 forces it): a write past the end writes what fits, then ENOSPC.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleTurn } from '../../src/conversation/conversation';
import { FileStore } from '../../src/state/file-store';
import { seal } from '../../src/state/crypto';
import type { EvidenceItem } from '../../src/state/store';
import { testDeps } from '../support/core-deps';
import { figure, msg, shown } from './harness';
import { smallDisk, type SmallDisk } from './small-disk';

const USER = 'attack:u1';
const key = randomBytes(32);

function item(n: number, text = `第${n}条：再不还钱就上门泼油漆`): EvidenceItem {
  return { id: `E${n}`, kind: 'message', receivedAt: new Date(Date.UTC(2026, 5, 1, 0, n)).toISOString(), sentAt: null, text, categories: ['threat'], contentSha256: String(n).padStart(64, '0') };
}

/** Every file and folder under `dir`, relative. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String);
}

describe('finding 3: a full disk', () => {
  let disk: SmallDisk;
  beforeEach(() => {
    disk = smallDisk(2 * 1024 * 1024);
  });
  afterEach(() => disk.cleanup());

  const store = () => new FileStore({ dataDir: disk.dir, key, ttlDays: 30, historyTurns: 20, fs: disk.fs, retryDelayMs: 60_000 });

  it('never reports an unwritten item as saved, never breaks the records already kept, leaves no temporary file', async () => {
    const s = store();
    for (let n = 1; n <= 3; n++) await s.appendEvidence(USER, item(n));
    disk.fill();

    let refused = 0;
    for (let n = 4; n <= 8; n++) {
      await s.appendEvidence(USER, item(n, `第${n}条：`.padEnd(3000, '很长的催收短信'))).then(
        (r) => expect(r.queued).toBe(true), // only ever queued with a promise the journal can keep…
        () => refused++, // …or refused
      );
    }
    figure(`appends refused on a full disk (${disk.kind})`, refused);
    expect(refused + s.pendingEvidence()).toBe(5);

    const kept = await s.listEvidence(USER);
    expect(kept.map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
    expect(figure('unreadable records after ENOSPC', kept.unreadable ?? 0)).toBe(0);
    expect(tree(disk.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The conversation: a /call on the full disk is not reported as saved, and the user hears no retry promise.
    const deps = testDeps(s);
    const call = await handleTurn(msg.command('call', '13800001111 说明天不还就去你单位闹', USER.split(':')[1], new Date()), { ...deps, store: s });
    const text = shown(call);
    expect(text).not.toContain(deps.replies.text('call_saved', { id: '', time: '', count: 1 }).slice(0, 4));
    expect(text).toContain(deps.replies.text('evidence_not_kept'));

    // Space comes back: the next append is saved whole, and everything reads.
    disk.free();
    await expect(s.appendEvidence(USER, item(9))).resolves.toMatchObject({ id: 'E9', duplicate: false });
    expect((await s.listEvidence(USER)).map((e) => e.id)).toEqual(expect.arrayContaining(['E1', 'E2', 'E3', 'E9']));
  });

  it('/delete and its confirmation work on a full disk, and free the space', async () => {
    const s = store();
    const deps = { ...testDeps(s), store: s };
    const user = 'u-del';
    await handleTurn(msg.forward('再不还钱就上门泼油漆，让你全家不得安宁', user), deps);
    expect(await s.listEvidence(`attack:${user}`)).toHaveLength(1);
    disk.fill();

    const ask = await handleTurn(msg.command('delete', '', user, new Date()), deps);
    expect(ask.buttons.map((b) => b.id)).toContain('del:yes');
    const done = await handleTurn(msg.button('del:yes', user, new Date()), deps);
    expect(figure(`/delete on a full disk (${disk.kind})`, shown(done))).toContain(deps.replies.text('delete_done', { count: 0 }).split('（')[0]);
    expect(await s.listEvidence(`attack:${user}`)).toEqual([]);
    expect(await s.read(`attack:${user}`)).toBeNull();
    expect(tree(disk.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('finding 3: a crash mid-write and a broken record', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const dataDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'debtshield-attack-'));
    dirs.push(d);
    return d;
  };

  it('a broken record is skipped and reported; the list, /evidence and /export still work', async () => {
    const dir = dataDir();
    const s = new FileStore({ dataDir: dir, key, ttlDays: 30, historyTurns: 20 });
    for (let n = 1; n <= 3; n++) await s.appendEvidence(USER, item(n));
    const records = join(dir, 'users', readdirSync(join(dir, 'users')).find((f) => f.endsWith('.records'))!);
    // What a torn write of an earlier version left: half a sealed line.
    const line = seal(key, JSON.stringify(item(2)), `evidence:${USER}`);
    writeFileSync(join(records, readdirSync(records).sort()[1]!), line.slice(0, line.length / 2));

    const list = await s.listEvidence(USER);
    expect(list.map((e) => e.id)).toEqual(['E1', 'E3']);
    expect(figure('broken records reported by listEvidence', list.unreadable ?? 0)).toBe(1);

    const deps = { ...testDeps(s), store: s };
    const evidence = shown(await handleTurn(msg.command('evidence', '', 'u1'), deps));
    expect(evidence).toContain('E1');
    expect(evidence).toContain(deps.replies.text('evidence_unreadable', { count: 1 }));
    const exported = await handleTurn(msg.command('export', '', 'u1'), deps);
    expect(exported.kind).not.toBe('error');
    expect(shown(exported)).toContain(deps.replies.text('evidence_unreadable', { count: 1 }));
  });

  it('an evidence file of an earlier version with a broken line is moved into records: the rest reads', async () => {
    const dir = dataDir();
    const first = new FileStore({ dataDir: dir, key, ttlDays: 30, historyTurns: 20 });
    await first.update(USER, () => undefined);
    const base = readdirSync(join(dir, 'users')).find((f) => f.endsWith('.state'))!.replace(/\.state$/, '');
    const lines = [1, 2, 3].map((n) => seal(key, JSON.stringify(item(n)), `evidence:${USER}`));
    // The file a full disk left before this fix: a half-written line, and a later line appended after it.
    writeFileSync(join(dir, 'users', `${base}.evidence`), `${lines[0]}\n${lines[1]!.slice(0, 40)}${lines[2]}\n`);

    const s = new FileStore({ dataDir: dir, key, ttlDays: 30, historyTurns: 20 });
    const list = await s.listEvidence(USER);
    expect(list.map((e) => e.id)).toEqual(['E1']);
    expect(list.unreadable).toBe(1);
    await expect(s.appendEvidence(USER, item(4))).resolves.toMatchObject({ id: 'E4' });
    expect((await s.listEvidence(USER)).map((e) => e.id)).toEqual(['E1', 'E4']);
  });

  it('temporary files a crash left are removed at start and never read as records', async () => {
    const dir = dataDir();
    const s = new FileStore({ dataDir: dir, key, ttlDays: 30, historyTurns: 20 });
    await s.appendEvidence(USER, item(1));
    await s.update(USER, () => undefined);
    const users = join(dir, 'users');
    const records = join(users, readdirSync(users).find((f) => f.endsWith('.records'))!);
    // A process killed between writing the temporary file and renaming it.
    writeFileSync(join(records, '00000002.rec.4242-deadbeef.tmp'), seal(key, JSON.stringify(item(2)), `evidence:${USER}`));
    writeFileSync(join(users, 'x.state.1.2.tmp'), '');
    expect((await s.listEvidence(USER)).map((e) => e.id)).toEqual(['E1']);

    new FileStore({ dataDir: dir, key, ttlDays: 30, historyTurns: 20 }); // restart
    expect(figure('temporary files left after a restart', tree(users).filter((f) => f.endsWith('.tmp')).length)).toBe(0);
    expect(existsSync(join(users, '.reserve'))).toBe(true);
  });
});
