/**
 * Line-by-line JSON processing for the measured CLI contract: load once, then stream. A bad line yields an error
 * line with the same id (when readable) and processing continues; a line longer than the limit is refused while
 * it is read (read-lines.ts), never parsed.
 */
import type { Readable, Writable } from 'node:stream';
import { readLines } from '../channels/local/read-lines';

/** The Chinese error texts of the contract (prompts/cli.yaml). */
export interface JsonlErrors {
  invalidJson: string;
  notObject: string;
  /** A line longer than the limit. */
  lineTooLong: string;
}

/** Reads JSON objects line by line from `input`, writes `handle`'s result for each as one JSON line. */
export async function streamJsonl(
  input: Readable,
  output: Writable,
  handle: (obj: Record<string, unknown>) => Promise<object> | object,
  /** The contract's fields with empty values, so an error line still parses like a result line. */
  emptyResult: object = {},
  /** The error texts for a line that is not JSON, not an object or too long (prompts/cli.yaml). */
  errors: JsonlErrors,
  /** Longest line read, in bytes (maxLineBytesFor(MAX_MESSAGE_CHARS)). */
  maxLineBytes: number,
  /** The line written for a line that cannot be handled (default: `{id, ...emptyResult, error}`). */
  errorLine: (message: string, id: unknown) => object = (error, id) => ({ id, ...emptyResult, error }),
): Promise<number> {
  let n = 0;
  for await (const read of readLines(input, maxLineBytes)) {
    if ('tooLong' in read) {
      n++;
      output.write(JSON.stringify(errorLine(errors.lineTooLong, null)) + '\n');
      continue;
    }
    const line = read.line;
    if (line.trim() === '') continue;
    n++;
    let out: object;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      output.write(JSON.stringify(errorLine(errors.invalidJson, null)) + '\n');
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      output.write(JSON.stringify(errorLine(errors.notObject, null)) + '\n');
      continue;
    }
    try {
      out = await handle(obj as Record<string, unknown>);
    } catch (e) {
      out = errorLine((e as Error).message, (obj as Record<string, unknown>).id ?? null);
    }
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return n;
}
