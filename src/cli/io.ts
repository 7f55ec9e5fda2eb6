import type { Readable, Writable } from 'node:stream';

/** The streams the CLI talks through (process streams, or in-memory ones in tests). */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}
