/**
 * The embedded mode's encryption key: created once in the data folder, readable only by its owner.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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

/** The boot error for a data folder that cannot be written (read-only, no permission), saying what to do. */
export function dataDirError(dataDir: string, cause: unknown): AppError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (cause instanceof Error ? cause.message : String(cause));
  return new AppError('DATA_DIR_UNWRITABLE', `DATA_DIR ${dataDir} cannot be written (${code})`, { cause });
}
