/**
 * tesseract.js (Tesseract compiled to WebAssembly) in a worker thread, with the Chinese models from the npm
 * packages @tesseract.js-data/chi_sim and chi_tra: needs nothing but `npm install` and never touches the network
 * (local langPath, cacheMethod 'none'). The simplified model's worker is started on first use and reused; the
 * traditional model's (about 60 MB more) only when a collage is first read with it; either is stopped again after
 * sitting unused for idleStopMs (two minutes by default), so an idle service gives its memory back. Jobs run one
 * at a time.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { AppError } from '../errors';
import { BLOCK_PSM, TESSERACT_PARAMS, keptConfidence, linesFromTsv, textFromTsv, withTimeout, type EngineOutput, type LineOptions, type OcrEngine, type RecognizedLine } from './engine';
import { createSerialQueue } from './serial-queue';

export interface TesseractJsOptions {
  timeoutMs: number;
  /** Folder holding chi_sim.traineddata.gz; defaults to the npm package's 4.0.0_best_int. */
  langPath?: string;
  /**
   * Folder holding chi_tra.traineddata.gz, for reading bubbles in traditional characters; defaults to the npm
   * package's 4.0.0_best_int. False: never read traditional (one worker only).
   */
  traditionalLangPath?: string | false;
  /**
   * A worker unused for this long (ms) is stopped, giving its memory back (about 100 MB for the simplified model,
   * 60 MB for the traditional one); the next image that needs it starts it again (about 0.4 s). 0: never.
   * Default IDLE_STOP_MS.
   */
  idleStopMs?: number;
}

/** How long a worker may sit unused before it is stopped (TesseractJsOptions.idleStopMs). */
export const IDLE_STOP_MS = 120_000;

/** The tesseract.js engine, which can also say which of its workers are running (for tests and logs). */
export interface TesseractJsEngine extends OcrEngine {
  /** The models whose worker is running or starting. */
  running(): Array<'chi_sim' | 'chi_tra'>;
}

/** The 4.0.0_best_int folder of an npm-shipped model, or undefined when its package is not installed. */
function npmLangPath(lang: 'chi_sim' | 'chi_tra'): string | undefined {
  try {
    const dir = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
    return existsSync(join(dir, `${lang}.traineddata.gz`)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of the npm-shipped chi_sim model, or undefined when the package is not installed. */
export function chiSimLangPath(): string | undefined {
  return npmLangPath('chi_sim');
}

/** One Tesseract worker for one model, started on first use, with the parameters it is set to. */
interface ModelWorker {
  lang: 'chi_sim' | 'chi_tra';
  langPath: string | undefined;
  worker?: Promise<Worker>;
  /** The page segmentation mode the worker is set to: whole screenshots use AUTO, collages BLOCK_PSM. */
  psm: string;
  /** The character whitelist the worker is set to ('' for none). */
  charset: string;
  /** When a job last finished on it (performance.now()), and the timer that stops it when idle. */
  lastUsed: number;
  idle?: NodeJS.Timeout;
}

/** Creates the engine; the worker itself starts (about 0.4 s, 200 MB) on the first recognize. */
export function createTesseractJsEngine(opts: TesseractJsOptions): TesseractJsEngine {
  const simplified: ModelWorker = { lang: 'chi_sim', langPath: opts.langPath ?? chiSimLangPath(), psm: PSM.AUTO, charset: '', lastUsed: 0 };
  const traditionalPath = opts.traditionalLangPath === false ? undefined : (opts.traditionalLangPath ?? npmLangPath('chi_tra'));
  const traditional: ModelWorker | undefined = traditionalPath ? { lang: 'chi_tra', langPath: traditionalPath, psm: PSM.AUTO, charset: '', lastUsed: 0 } : undefined;
  const idleStopMs = opts.idleStopMs ?? IDLE_STOP_MS;
  const queue = createSerialQueue();

  const start = (m: ModelWorker): Promise<Worker> => {
    if (!m.langPath) return Promise.reject(new AppError('OCR_UNAVAILABLE', `tesseract.js: @tesseract.js-data/${m.lang} is not installed (npm install)`));
    m.worker ??= (async () => {
      const w = await createWorker(m.lang, OEM.LSTM_ONLY, {
        langPath: m.langPath,
        cacheMethod: 'none',
        gzip: true,
        // Errors are also rejected through the job's promise; without a handler the worker would throw.
        errorHandler: () => undefined,
      });
      // debug_file: Tesseract's own diagnostics ("Estimating resolution as …") go nowhere, not to the user's terminal.
      await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, ...TESSERACT_PARAMS, debug_file: '/dev/null' });
      m.psm = PSM.AUTO;
      m.charset = '';
      return w;
    })().catch((e: unknown) => {
      m.worker = undefined;
      throw new AppError('OCR_UNAVAILABLE', `tesseract.js worker failed to start: ${(e as Error).message ?? e}`, { cause: e });
    });
    return m.worker;
  };

  const stopOne = async (m: ModelWorker): Promise<void> => {
    clearTimeout(m.idle);
    const w = m.worker;
    m.worker = undefined;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  };
  /** Stops the worker once it has sat unused for idleStopMs; queued, so never in the middle of a job. */
  const armIdleStop = (m: ModelWorker): void => {
    m.lastUsed = performance.now();
    if (idleStopMs <= 0) return;
    clearTimeout(m.idle);
    m.idle = setTimeout(() => {
      void queue.run(async () => {
        if (m.worker && performance.now() - m.lastUsed >= idleStopMs - 1) await stopOne(m);
      });
    }, idleStopMs);
    m.idle.unref(); // an idle timer never keeps the process alive
  };
  const stop = async (): Promise<void> => {
    await stopOne(simplified);
    if (traditional) await stopOne(traditional);
  };

  /** Recognises with the given model and page segmentation and returns Tesseract's TSV. */
  const tsv = async (m: ModelWorker, image: Buffer, mode: string, only = ''): Promise<string> => {
    const w = await start(m);
    try {
      if (m.psm !== mode) {
        await w.setParameters({ tessedit_pageseg_mode: mode as PSM });
        m.psm = mode;
      }
      if (m.charset !== only) {
        await w.setParameters({ tessedit_char_whitelist: only });
        m.charset = only;
      }
      // TSV rather than plain text: its word confidences let textFromTsv drop lines of noise (same cost).
      const r = await withTimeout(w.recognize(image, {}, { text: false, tsv: true }), opts.timeoutMs, () => new AppError('OCR_UNAVAILABLE', `tesseract.js took longer than OCR_TIMEOUT_MS=${opts.timeoutMs}`));
      armIdleStop(m);
      return r.data.tsv ?? '';
    } catch (e) {
      if (e instanceof AppError) {
        await stopOne(m); // a timed-out worker may still be busy: replace it
        throw e;
      }
      const msg = String((e as Error)?.message ?? e);
      throw new AppError(/read image|image/i.test(msg) ? 'IMAGE_UNREADABLE' : 'OCR_UNAVAILABLE', `tesseract.js: ${msg}`, { cause: e });
    }
  };

  return {
    name: 'tesseract-js',
    readsTraditional: traditional !== undefined,
    recognize(image) {
      return queue.run(async (): Promise<EngineOutput> => {
        const out = await tsv(simplified, image, PSM.AUTO);
        return { text: textFromTsv(out), confidence: keptConfidence(out) };
      });
    },
    recognizeLines(image, lineOpts?: LineOptions): Promise<RecognizedLine[]> {
      const model = lineOpts?.script === 'traditional' && traditional ? traditional : simplified;
      return queue.run(async () => linesFromTsv(await tsv(model, image, BLOCK_PSM, lineOpts?.charset ?? '')));
    },
    running() {
      return [simplified, ...(traditional ? [traditional] : [])].filter((m) => m.worker !== undefined).map((m) => m.lang);
    },
    async close() {
      await queue.drained();
      await stop();
    },
  };
}
