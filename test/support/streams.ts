/** In-memory stdin/stdout pairs for driving the CLI and terminal chat in-process. */
import { PassThrough, Writable } from 'node:stream';

export interface CapturedIo {
  stdin: PassThrough & { isTTY?: boolean };
  stdout: Writable & { text(): string };
  stderr: Writable & { text(): string };
}

function capture(): Writable & { text(): string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _e, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { text(): string };
  w.text = () => chunks.join('');
  return w;
}

/** stdin pre-filled with `input` and ended; stdout/stderr captured. */
export function ioWith(input: string): CapturedIo {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.end(input);
  return { stdin, stdout: capture(), stderr: capture() };
}
