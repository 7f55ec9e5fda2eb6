/**
 * Reads a downloaded file's body with a byte limit enforced while reading: a wrong or missing Content-Length
 * cannot make the bot buffer more than `maxBytes`. Shared by the Telegram and WeChat downloads.
 */

/** The body's bytes, or 'too_large' once it passes `maxBytes` (declared or counted; the rest is cancelled). */
export async function readBounded(res: Response, maxBytes: number): Promise<Buffer | 'too_large'> {
  if (!res.body) return Buffer.alloc(0);
  if (Number(res.headers.get('content-length') ?? NaN) > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    return 'too_large';
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too_large';
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
