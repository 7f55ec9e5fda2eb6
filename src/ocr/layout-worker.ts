/**
 * The worker-thread side of layout-runner.ts: reads screenshots by their layout (read-layout.ts) off the main
 * event loop. Each collage to recognise is sent back to the main thread, whose OCR engine reads it (Tesseract
 * has its own worker); the lines come back here. Messages: read → (lines? ↔ lines)* → done | failed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import type { RecognizedLine } from './engine';
import { readLayout, type ReadLayoutOptions, type ReadPurpose } from './read-layout';

interface ReadRequest {
  type: 'read';
  id: number;
  image: Uint8Array;
  opts?: ReadLayoutOptions;
}

interface LinesReply {
  type: 'lines';
  id: number;
  seq: number;
  lines?: RecognizedLine[];
  error?: string;
}

/**
 * A full garbage collection of this thread's heap, run after each read and as soon as a photo of a screen has
 * been straightened or a tilted image rotated (ReadLayoutOptions.collect). A screenshot's pixels pass through
 * buffers of tens of megabytes (decoded, straightened, rotated), which V8 counts as external memory and frees
 * only once much more of it has piled up; collected at once, the process's peak RSS stays lower (bench:ocr).
 * Only this worker's heap is collected, never the main event loop's.
 */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => undefined;
})();

const waiting = new Map<string, { resolve: (l: RecognizedLine[]) => void; reject: (e: Error) => void }>();
let seq = 0;

parentPort?.on('message', (m: ReadRequest | LinesReply) => {
  if (m.type === 'lines') {
    const key = `${m.id}:${m.seq}`;
    const w = waiting.get(key);
    waiting.delete(key);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.lines ?? []);
    return;
  }
  const { id } = m;
  const read = (png: Buffer, purpose?: ReadPurpose) =>
    new Promise<RecognizedLine[]>((resolve, reject) => {
      const s = ++seq;
      waiting.set(`${id}:${s}`, { resolve, reject });
      parentPort!.postMessage({ type: 'recognize', id, seq: s, png, ...(purpose ? { purpose } : {}) });
    });
  readLayout(Buffer.from(m.image.buffer, m.image.byteOffset, m.image.byteLength), read, { ...m.opts, collect })
    .then(
      (result) => parentPort!.postMessage({ type: 'done', id, result }),
      (e: unknown) => parentPort!.postMessage({ type: 'failed', id, error: e instanceof Error ? e.message : String(e) }),
    )
    .finally(collect);
});
