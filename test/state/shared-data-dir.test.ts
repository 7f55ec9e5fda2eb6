/**
 * Processes sharing one DATA_DIR (scripted chats run side by side on a busy machine): a store starting up must not
 * remove the temporary file of a write another store is making at that moment, or that write fails and the turn's
 * state (a crisis flag with it) is lost. Temporary files whose writer is gone are still removed at start.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FileStore } from '../../src/state/file-store';
import type { FsPort } from '../../src/state/durable-fs';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'debtshield-shared-'));
  dirs.push(dir);
  return dir;
}

/** The real file system, with renames of temporary files held until released: a write caught before its rename. */
function slowRenames(): { fs: FsPort; held: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const held = new Promise<void>((r) => (reached = r));
  const fs: FsPort = {
    open: (p, f, m) => fsp.open(p, f, m),
    readFile: (p, e) => fsp.readFile(p, e),
    rename: async (from, to) => {
      if (from.endsWith('.tmp')) {
        reached();
        await gate;
      }
      return fsp.rename(from, to);
    },
    unlink: (p) => fsp.unlink(p),
    readdir: (p) => fsp.readdir(p),
    mkdir: (p, o) => fsp.mkdir(p, o),
    rm: (p, o) => fsp.rm(p, o),
  };
  return { fs, held, release };
}

const tempFiles = (dataDir: string) => readdirSync(join(dataDir, 'users'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));

describe('a store starting on a DATA_DIR another store is writing to', () => {
  it('leaves the other store\'s write in progress alone, so that write is saved', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const slow = slowRenames();
    const first = new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20, fs: slow.fs });
    const saving = first.update('test:shared-1', (s) => {
      s.prefs.mood = 'low';
    });
    await slow.held;
    expect(tempFiles(dataDir)).toHaveLength(1);
    new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20 }); // another process starting up
    slow.release();
    await expect(saving).resolves.toBeDefined();
    const later = new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20 });
    expect((await later.read('test:shared-1'))?.prefs.mood).toBe('low');
  });

  it('still removes temporary files whose writer has exited', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20 });
    // The id of a process that has run and exited: nothing will finish its write.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dataDir, 'users', `0123abcd.state.${gone}-0badf00d.tmp`), 'half a state');
    writeFileSync(join(dataDir, 'users', `4567ef01.state.${process.pid}-5eedc0de.tmp`), 'a write in progress');
    new FileStore({ dataDir, key, ttlDays: 30, historyTurns: 20 });
    expect(tempFiles(dataDir)).toEqual([`4567ef01.state.${process.pid}-5eedc0de.tmp`]);
  });
});
