/**
 * The Tesseract command line (Debian: tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-script-hans) as a
 * child process per image: the image goes in on stdin, text comes out on stdout, nothing touches the disk.
 * The HanS script model reads phone screenshots best; OpenMP is pinned to one thread (it made Tesseract 3×
 * slower on two cores) and the child is killed at the timeout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AppError } from '../errors';
import { BLOCK_PSM, TESSERACT_PARAMS, keptConfidence, linesFromTsv, textFromTsv, type EngineOutput, type OcrEngine, type RecognizedLine } from './engine';
import { createSerialQueue } from './serial-queue';

export interface TesseractCliInstall {
  binary: string;
  /** The model passed to -l: script/HanS, HanS or chi_sim, best first. */
  model: string;
}

export interface TesseractCliOptions extends TesseractCliInstall {
  timeoutMs: number;
  /** The child's environment (config.ocr.childEnv: PATH, locale, TESSDATA_PREFIX — never the bot's secrets). */
  env?: Record<string, string>;
  /** Sample the child's peak RSS (for the bench); costs a /proc read every 20 ms. */
  measureMemory?: boolean;
}

/** Models in order of preference: the Han script model had half chi_sim's error rate on screenshots. */
export const CLI_MODELS = ['script/HanS', 'HanS', 'chi_sim'] as const;

/**
 * Finds an installed Tesseract with a Chinese model by running `tesseract --list-langs` (about 20 ms).
 * Returns undefined when the binary or every Chinese model is missing.
 */
export function detectTesseractCli(binary = 'tesseract'): TesseractCliInstall | undefined {
  const r = spawnSync(binary, ['--list-langs'], { encoding: 'utf8', timeout: 5000 });
  if (r.error || r.status !== 0) return undefined;
  const langs = new Set(`${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim()));
  const model = CLI_MODELS.find((m) => langs.has(m));
  return model ? { binary, model } : undefined;
}

/** Creates the engine: one child process per image, at most one at a time per engine. */
export function createTesseractCliEngine(opts: TesseractCliOptions): OcrEngine {
  const params = Object.entries(TESSERACT_PARAMS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  // PSM 4 (one column of text of varying sizes): with PSM 3 the HanS model's page layout dropped or split whole
  // bubbles (CER 6.9 % clean / 4.8 % noisy on the bench against 2.1 % / 1.1 % with PSM 4, with Sauvola kept;
  // Otsu with PSM 4 lost light grey text: 3.3 % / 14.8 %). The `tsv` config prints words with their
  // confidence: textFromTsv drops lines of noise, as for tesseract.js.
  const argsFor = (psm: string, charset?: string) => ['stdin', 'stdout', '-l', opts.model, '--psm', psm, ...params, ...(charset ? ['-c', `tessedit_char_whitelist=${charset}`] : []), 'tsv'];
  const queue = createSerialQueue();

  const run = (image: Buffer, psm = '4', charset?: string): Promise<EngineOutput & { tsv: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(opts.binary, argsFor(psm, charset), {
        // Only what tesseract needs — never the bot's secrets (tokens, API and encryption keys) — with OpenMP
        // pinned to one thread.
        env: { ...(opts.env ?? {}), OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let peak = 0;
      let timedOut = false;
      const sample = () => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) peak = Math.max(peak, Number(m[1]) * 1024);
        } catch {
          // the child has exited; keep the last sample
        }
      };
      const sampler = opts.measureMemory ? setInterval(sample, 20) : undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, opts.timeoutMs);
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.stdin.on('error', () => undefined); // EPIPE when tesseract exits early on a bad image
      child.on('error', (e) => {
        clearTimeout(timer);
        clearInterval(sampler);
        reject(new AppError('OCR_UNAVAILABLE', `tesseract could not be started: ${e.message}`, { cause: e }));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        clearInterval(sampler);
        const stderr = Buffer.concat(err).toString('utf8').trim();
        if (timedOut) return reject(new AppError('OCR_UNAVAILABLE', `tesseract took longer than OCR_TIMEOUT_MS=${opts.timeoutMs}`));
        if (code !== 0) {
          const unreadable = /read|image|pix/i.test(stderr);
          return reject(new AppError(unreadable ? 'IMAGE_UNREADABLE' : 'OCR_UNAVAILABLE', `tesseract exited with ${code}: ${stderr.slice(0, 300)}`));
        }
        const tsv = Buffer.concat(out).toString('utf8');
        resolve({ text: textFromTsv(tsv), confidence: keptConfidence(tsv), tsv, childPeakRssBytes: opts.measureMemory ? peak : undefined });
      });
      if (opts.measureMemory) sample();
      child.stdin.end(image);
    });

  return {
    name: 'tesseract-cli',
    recognize(image) {
      return queue.run(async () => {
        const { tsv: _tsv, ...out } = await run(image);
        return out;
      });
    },
    recognizeLines(image, lineOpts): Promise<RecognizedLine[]> {
      return queue.run(async () => linesFromTsv((await run(image, BLOCK_PSM, lineOpts?.charset)).tsv));
    },
    async close() {
      await queue.drained();
    },
  };
}
