/**
 * Line-by-line JSON processing for the measured CLI contract: load once, then stream. A bad line yields an error
 * line with the same id (when readable) and processing continues.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Reads JSON objects line by line from `input`, writes `handle`'s result for each as one JSON line. */
export async function streamJsonl(
  input: Readable,
  output: Writable,
  handle: (obj: Record<string, unknown>) => Promise<object> | object,
  /** The contract's fields with empty values, so an error line still parses like a result line. */
  emptyResult: object = {},
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    n++;
    let out: object;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      output.write(JSON.stringify({ id: null, ...emptyResult, error: 'invalid JSON line' }) + '\n');
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      output.write(JSON.stringify({ id: null, ...emptyResult, error: 'each line must be a JSON object' }) + '\n');
      continue;
    }
    try {
      out = await handle(obj as Record<string, unknown>);
    } catch (e) {
      out = { id: (obj as Record<string, unknown>).id ?? null, ...emptyResult, error: (e as Error).message };
    }
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return n;
}
