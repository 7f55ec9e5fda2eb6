/**
 * Downloads a file a user sent (getFile, then the file link), with a byte limit enforced while reading — a
 * wrong or missing Content-Length cannot make the bot buffer more — and a timeout. Local Bot API servers
 * (`--local`) return absolute paths, read from disk.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FileTooLargeError } from './inbound';
import { readBounded } from '../read-bounded';

/** The slice of telegraf's Telegram client used here. */
export interface FileLinkSource {
  getFileLink(fileId: string): Promise<URL>;
}

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
}

/** The file's bytes; rejects with FileTooLargeError past `maxBytes`, or with the network error. */
export async function downloadFile(telegram: FileLinkSource, fileId: string, opts: DownloadOptions): Promise<Buffer> {
  const url = await telegram.getFileLink(fileId);
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    if ((await stat(path)).size > opts.maxBytes) throw new FileTooLargeError(opts.maxBytes);
    return readFile(path);
  }
  const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`file download failed with HTTP ${res.status}`);
  }
  const body = await readBounded(res, opts.maxBytes);
  if (body === 'too_large') throw new FileTooLargeError(opts.maxBytes);
  return body;
}
