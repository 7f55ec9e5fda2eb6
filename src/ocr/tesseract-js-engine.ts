/**
 * tesseract.js (Tesseract compiled to WebAssembly) in a worker thread, with the Chinese model from the npm
 * package @tesseract.js-data/chi_sim: needs nothing but `npm install` and never touches the network (local
 * langPath, cacheMethod 'none'). One worker is started on first use and reused; jobs run one at a time.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { AppError } from '../errors';
import { BLOCK_PSM, TESSERACT_PARAMS, keptConfidence, linesFromTsv, textFromTsv, withTimeout, type EngineOutput, type LineOptions, type OcrEngine, type RecognizedLine } from './engine';
import { createSerialQueue } from './serial-queue';

export interface TesseractJsOptions {
  timeoutMs: number;
  /** Folder holding chi_sim.traineddata.gz; defaults to the npm package's 4.0.0_best_int. */
  langPath?: string;
}

/** The folder of the npm-shipped chi_sim model, or undefined when the package is not installed. */
export function chiSimLangPath(): string | undefined {
  try {
    const dir = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
    return existsSync(join(dir, 'chi_sim.traineddata.gz')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the engine; the worker itself starts (about 0.4 s, 200 MB) on the first recognize. */
export function createTesseractJsEngine(opts: TesseractJsOptions): OcrEngine {
  const langPath = opts.langPath ?? chiSimLangPath();
  let worker: Promise<Worker> | undefined;
  /** The page segmentation mode the worker is set to: whole screenshots use AUTO, collages BLOCK_PSM. */
  let psm: string = PSM.AUTO;
  /** The character whitelist the worker is set to ('' for none). */
  let charset = '';
  const queue = createSerialQueue();

  const start = (): Promise<Worker> => {
    if (!langPath) return Promise.reject(new AppError('OCR_UNAVAILABLE', 'tesseract.js: @tesseract.js-data/chi_sim is not installed (npm install)'));
    worker ??= (async () => {
      const w = await createWorker('chi_sim', OEM.LSTM_ONLY, {
        langPath,
        cacheMethod: 'none',
        gzip: true,
        // Errors are also rejected through the job's promise; without a handler the worker would throw.
        errorHandler: () => undefined,
      });
      // debug_file: Tesseract's own diagnostics ("Estimating resolution as …") go nowhere, not to the user's terminal.
      await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, ...TESSERACT_PARAMS, debug_file: '/dev/null' });
      psm = PSM.AUTO;
      charset = '';
      return w;
    })().catch((e: unknown) => {
      worker = undefined;
      throw new AppError('OCR_UNAVAILABLE', `tesseract.js worker failed to start: ${(e as Error).message ?? e}`, { cause: e });
    });
    return worker;
  };

  const stop = async (): Promise<void> => {
    const w = worker;
    worker = undefined;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  };

  /** Recognises with the given page segmentation and returns Tesseract's TSV. */
  const tsv = async (image: Buffer, mode: string, only = ''): Promise<string> => {
    const w = await start();
    try {
      if (psm !== mode) {
        await w.setParameters({ tessedit_pageseg_mode: mode as PSM });
        psm = mode;
      }
      if (charset !== only) {
        await w.setParameters({ tessedit_char_whitelist: only });
        charset = only;
      }
      // TSV rather than plain text: its word confidences let textFromTsv drop lines of noise (same cost).
      const r = await withTimeout(w.recognize(image, {}, { text: false, tsv: true }), opts.timeoutMs, () => new AppError('OCR_UNAVAILABLE', `tesseract.js took longer than OCR_TIMEOUT_MS=${opts.timeoutMs}`));
      return r.data.tsv ?? '';
    } catch (e) {
      if (e instanceof AppError) {
        await stop(); // a timed-out worker may still be busy: replace it
        throw e;
      }
      const msg = String((e as Error)?.message ?? e);
      throw new AppError(/read image|image/i.test(msg) ? 'IMAGE_UNREADABLE' : 'OCR_UNAVAILABLE', `tesseract.js: ${msg}`, { cause: e });
    }
  };

  return {
    name: 'tesseract-js',
    recognize(image) {
      return queue.run(async (): Promise<EngineOutput> => {
        const out = await tsv(image, PSM.AUTO);
        return { text: textFromTsv(out), confidence: keptConfidence(out) };
      });
    },
    recognizeLines(image, lineOpts?: LineOptions): Promise<RecognizedLine[]> {
      return queue.run(async () => linesFromTsv(await tsv(image, BLOCK_PSM, lineOpts?.charset ?? '')));
    },
    async close() {
      await queue.drained();
      await stop();
    },
  };
}
