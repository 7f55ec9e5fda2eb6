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
  /** The error texts for a line that is not JSON, or not an object (in Chinese, from prompts/cli.yaml). */
  errors: { invalidJson: string; notObject: string } = { invalidJson: '这一行不是有效的 JSON', notObject: '每一行必须是一个 JSON 对象' },
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
      output.write(JSON.stringify({ id: null, ...emptyResult, error: errors.invalidJson }) + '\n');
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      output.write(JSON.stringify({ id: null, ...emptyResult, error: errors.notObject }) + '\n');
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
