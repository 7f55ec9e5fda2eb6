/**
 * Runs read-layout.ts in a worker thread, so decoding, finding the layout and building collages never hold the
 * main event loop (a long screenshot's layout is tens of milliseconds of JavaScript); the engine's recognition
 * stays where the engine lives. When the compiled worker is not there (the TypeScript sources run directly, as
 * under ts-jest), it reads in this thread instead: same code, same results.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { RecognizedLine } from './engine';
import { readLayout, type LayoutReading, type LineReader, type ReadLayoutOptions, type ReadPurpose } from './read-layout';

export interface LayoutRunner {
  /** Whether reads run in a worker thread (false: in this thread). */
  readonly threaded: boolean;
  read(image: Buffer, lines: LineReader, opts?: ReadLayoutOptions): Promise<LayoutReading | undefined>;
  /** Stops the worker; a later read starts a new one. */
  close(): Promise<void>;
}

type FromWorker =
  | { type: 'recognize'; id: number; seq: number; png: Uint8Array; purpose?: ReadPurpose }
  | { type: 'done'; id: number; result: LayoutReading | undefined }
  | { type: 'failed'; id: number; error: string };

/** Young-generation size of the layout worker's V8 heap, in MB (see createLayoutRunner). */
export const LAYOUT_YOUNG_GENERATION_MB = 8;

/** The compiled worker next to this file, or undefined when running from TypeScript sources. */
export function layoutWorkerFile(dir = __dirname): string | undefined {
  const file = join(dir, 'layout-worker.js');
  return existsSync(file) ? file : undefined;
}

/** A runner on a worker thread when `workerFile` exists (the compiled build), else in this thread. */
export function createLayoutRunner(workerFile = layoutWorkerFile()): LayoutRunner {
  if (!workerFile) return { threaded: false, read: (image, lines, opts) => readLayout(image, lines, opts), close: async () => undefined };
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: LayoutReading | undefined) => void; reject: (e: Error) => void; lines: LineReader }>();

  const start = (): Worker => {
    if (worker) return worker;
    // A small young generation: the layout's pixels live in external buffers, and V8's default semi-spaces (tens of
    // megabytes per thread) only raise the process's peak memory.
    const w = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: LAYOUT_YOUNG_GENERATION_MB } });
    w.unref(); // an idle worker never keeps the process alive
    w.on('message', (m: FromWorker) => {
      const job = pending.get(m.id);
      if (!job) return;
      if (m.type === 'recognize') {
        job.lines(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength), m.purpose).then(
          (lines: RecognizedLine[]) => w.postMessage({ type: 'lines', id: m.id, seq: m.seq, lines }),
          (e: unknown) => {
            // The engine's own error (a timeout, an unreadable image) is what the caller must see.
            pending.delete(m.id);
            job.reject(e instanceof Error ? e : new Error(String(e)));
            w.postMessage({ type: 'lines', id: m.id, seq: m.seq, error: String(e) });
          },
        );
        return;
      }
      pending.delete(m.id);
      if (m.type === 'done') job.resolve(m.result);
      else job.reject(new AppError('OCR_UNAVAILABLE', `layout reading failed: ${m.error}`));
    });
    const fail = (e: Error) => {
      worker = undefined;
      for (const job of pending.values()) job.reject(new AppError('OCR_UNAVAILABLE', `layout worker stopped: ${e.message}`, { cause: e }));
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`exit code ${code}`));
    });
    worker = w;
    return w;
  };

  return {
    threaded: true,
    read(image, lines, opts = {}) {
      const w = start();
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, lines });
        w.ref(); // keep the process alive while a read is under way
        w.postMessage({ type: 'read', id, image, opts });
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      }) as Promise<LayoutReading | undefined>;
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
