/**
 * The embedded mode's encryption key: created once in the data folder, readable only by its owner.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';

/**
 * Reads DATA_DIR/secret.key, creating it (mode 0600) with 32 random bytes on first use. A folder that cannot be
 * created or written throws AppError DATA_DIR_UNWRITABLE, which says what to set instead.
 */
export function loadOrCreateKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    }
  } catch (e) {
    throw dataDirError(dataDir, e);
  }
  try {
    chmodSync(file, 0o600);
  } catch {
    // A read-only folder holding a key made earlier: the store's own check reports the folder.
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; move it away to create a new one`);
  return key;
}

/**
 * The boot error for a data folder that cannot be written (read-only, no permission), saying what to do. A
 * recursive mkdir on a read-only file system reports ENOENT; the nearest existing folder then tells the real
 * reason (EROFS, EACCES).
 */
export function dataDirError(dataDir: string, cause: unknown): AppError {
  let code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (cause instanceof Error ? cause.message : String(cause));
  if (code === 'ENOENT') {
    let dir = dataDir;
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    try {
      accessSync(dir, constants.W_OK);
    } catch (e) {
      code = (e as NodeJS.ErrnoException).code ?? code;
    }
  }
  return new AppError('DATA_DIR_UNWRITABLE', `DATA_DIR ${dataDir} cannot be written (${code})`, { cause });
}
