/**
 * Whole-or-nothing files for the embedded store and the retry journal, over a small file-system port. A record
 * is written to a temporary file, flushed to the disk (fsync), renamed over its name and the folder flushed, so
 * a crash or a full disk leaves the old record or the new one — never half of one — and a failed write removes
 * its temporary file. The port is the seam tests use to make a disk fail (ENOSPC, EIO) without mounting one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/** The few calls of an open file the store makes. */
export interface FileHandleLike {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The subset of node:fs/promises the embedded store uses. */
export interface FsPort {
  open(path: string, flags: string, mode?: number): Promise<FileHandleLike>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  rm(path: string, options: { recursive?: boolean; force?: boolean }): Promise<void>;
}

/** The real file system. */
export const nodeFs: FsPort = fs;

/** Suffix of temporary files: anything ending so is an unfinished write (see isAbandonedTemp for when to remove one). */
export const TEMP_SUFFIX = '.tmp';

/** A temporary file older than this is abandoned even when a process of its writer's id runs (ids get reused). */
export const STALE_TEMP_MS = 3600_000;

/** The id of the process that is writing a temporary file, from its name (`<file>.<pid>-<tag>.tmp`, `.probe-<pid>.tmp`). */
function writerOf(name: string): number | undefined {
  const m = /\.(\d+)-[0-9a-z]+\.tmp$/i.exec(name) ?? /-(\d+)\.tmp$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** True while a process with this id runs on this machine (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

/**
 * True when a temporary file is a write nobody will finish, so removing it at start is safe: its writer no longer
 * runs, its name gives no writer, or it is older than STALE_TEMP_MS. Several processes may share one DATA_DIR
 * (scripted chats run side by side); a process starting must not remove the file another is writing at that
 * moment: that write's rename would fail and its turn would not be saved (a crisis flag lost with it).
 */
export function isAbandonedTemp(name: string, mtimeMs: number | undefined, nowMs = Date.now()): boolean {
  const pid = writerOf(name);
  if (pid === undefined || !isRunning(pid)) return true;
  return mtimeMs !== undefined && nowMs - mtimeMs > STALE_TEMP_MS;
}

/**
 * Writes `content` to `file` whole and durably: temporary file, fsync, rename, fsync of the folder. On failure
 * the temporary file is removed and the error rethrown; `file` keeps its old content (or stays absent).
 */
export async function writeDurably(port: FsPort, file: string, content: string, mode = 0o600): Promise<void> {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  let handle: FileHandleLike | undefined;
  try {
    handle = await port.open(tmp, 'wx', mode);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await port.rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await port.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(port, dirname(file));
}

/** Flushes a folder's entries (a rename, an unlink) to the disk; best effort where folders cannot be opened. */
export async function syncDir(port: FsPort, dir: string): Promise<void> {
  let handle: FileHandleLike | undefined;
  try {
    handle = await port.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename itself is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The file's text, or null when it does not exist. */
export async function readOrNull(port: FsPort, file: string): Promise<string | null> {
  try {
    return await port.readFile(file, 'utf8');
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return null;
    throw e;
  }
}

/** The folder's entries, or none when it does not exist. */
export async function listOrEmpty(port: FsPort, dir: string): Promise<string[]> {
  try {
    return await port.readdir(dir);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return [];
    throw e;
  }
}

/** Deletes `file`; false if it was not there. */
export async function unlinkIfPresent(port: FsPort, file: string): Promise<boolean> {
  try {
    await port.unlink(file);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return false;
    throw e;
  }
}

/** The errno code of a file-system error (ENOSPC, EROFS, …), if it has one. */
export function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Failures that may pass on their own (a full disk someone cleans up, an I/O hiccup, too many open files): a
 * write that met one is worth retrying later. A read-only or forbidden folder is not: it needs an operator.
 */
export function isTransientFsError(e: unknown): boolean {
  return ['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'ENOMEM', 'ETIMEDOUT'].includes(errnoOf(e) ?? '');
}
