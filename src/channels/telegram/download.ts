/**
 * Downloads a file a user sent (getFile, then the file link), with a byte limit enforced while reading — a
 * wrong or missing Content-Length cannot make the bot buffer more — and a timeout. Local Bot API servers
 * (`--local`) return absolute paths, read from disk.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { FileTooLargeError } from './inbound';

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
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > opts.maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw new FileTooLargeError(opts.maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > opts.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FileTooLargeError(opts.maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
