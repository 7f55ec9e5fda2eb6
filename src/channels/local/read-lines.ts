/**
 * Lines from a stream with a byte limit enforced while reading: a line longer than `maxBytes` is reported and
 * skipped without ever being held whole, so one 5 MB line in a pipe costs a few kilobytes of memory and no
 * parsing, not minutes and hundreds of megabytes. Shared by the terminal chat and the --jsonl commands.
 */
import type { Readable } from 'node:stream';

export type LineRead = { line: string } | { tooLong: true; bytes: number };

/**
 * The bytes a line may take for text of `maxChars` characters: each can be four UTF-8 bytes or, JSON-escaped, a
 * \uXXXX pair of twelve; with room for the fields around it.
 */
export function maxLineBytesFor(maxChars: number): number {
  return maxChars * 12 + 16_384;
}

/** Yields each line of `input` (without its \n or \r\n), or `tooLong` in its place. */
export async function* readLines(input: Readable, maxBytes: number): AsyncGenerator<LineRead> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = 0;
  const finish = (): LineRead => {
    if (overflow > 0) return { tooLong: true, bytes: overflow };
    let line = Buffer.concat(parts, size).toString('utf8');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return { line };
  };
  const reset = () => {
    parts = [];
    size = 0;
    overflow = 0;
  };
  for await (const chunk of input) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    for (;;) {
      const nl = buf.indexOf(0x0a);
      const piece = nl < 0 ? buf : buf.subarray(0, nl);
      if (overflow > 0) overflow += piece.length;
      else if (size + piece.length > maxBytes) {
        overflow = size + piece.length; // from here on the line is only counted
        parts = [];
        size = 0;
      } else {
        parts.push(Buffer.from(piece));
        size += piece.length;
      }
      if (nl < 0) break;
      yield finish();
      reset();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0 || overflow > 0) yield finish();
}
