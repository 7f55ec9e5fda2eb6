/**
 * `npm run bench:ocr`: character error rate and speed of every OCR engine available on this machine on the
 * rendered screenshots in test/fixtures/screenshots/ (truth.json). CER is the Levenshtein distance between
 * truth and reading over Han characters, letters and digits only, divided by the truth's length; reported per
 * image, for clean and small/noisy images apart, and overall. Also time per image (after the engine has
 * started), start-up time, sender / timestamp accuracy and peak memory (this process's RSS, which includes the
 * tesseract.js worker thread, and the Tesseract child's). Targets: CER ≤ 3 % clean, ≤ 8 % small/noisy;
 * ≤ 1.5 s per 1080×2400 screenshot on one core; peak memory ≤ 400 MB.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/paths';
import type { OcrEngine } from '../src/ocr/engine';
import { createOcrService } from '../src/ocr/ocr-service';
import { createTesseractCliEngine, detectTesseractCli } from '../src/ocr/tesseract-cli-engine';
import { createTesseractJsEngine } from '../src/ocr/tesseract-js-engine';
import { loadOcrVocabulary } from '../src/ocr/vocabulary';

export const SCREENSHOTS = join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots');

export interface TruthImage {
  group: 'clean' | 'noisy';
  /** Rendered after the tuning with new texts: reported apart, as a check that the tuning generalises. */
  heldout?: boolean;
  width: number;
  height: number;
  text: string;
  sender: string;
  timestamps: Array<{ raw: string; at: string }>;
}

export interface Truth {
  reference: string;
  images: Record<string, TruthImage>;
  /** The text of the small WebP / GIF / BMP stills in formats/. */
  formats: { text: string };
}

/** Reads truth.json. */
export function loadTruth(): Truth {
  return JSON.parse(readFileSync(join(SCREENSHOTS, 'truth.json'), 'utf8')) as Truth;
}

/** Keeps what CER counts: Han characters, letters and digits (full-width folded, Latin lower-cased). */
export function normalizeForCer(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase()].filter((ch) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch));
}

/** Levenshtein distance between two character arrays (two rows, O(n·m) time). */
export function levenshtein(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Character error rate of `read` against `truth` (edit distance / truth length), with the raw counts. */
export function characterErrorRate(truth: string, read: string): { cer: number; edits: number; chars: number } {
  const t = normalizeForCer(truth);
  const edits = levenshtein(t, normalizeForCer(read));
  return { cer: t.length === 0 ? 0 : edits / t.length, edits, chars: t.length };
}

interface ImageResult {
  file: string;
  group: 'clean' | 'noisy';
  heldout: boolean;
  size: string;
  cer: number;
  edits: number;
  chars: number;
  ms: number;
  sender: boolean;
  stampsRight: number;
  stamps: number;
  error?: string;
}

/** One engine's figures, for the table at the end. */
interface EngineSummary {
  name: string;
  clean: number;
  noisy: number;
  heldout: number;
  medianMs: number;
  senders: string;
  stamps: string;
  peakMb: number;
}

async function benchEngine(name: string, engine: OcrEngine, truth: Truth): Promise<EngineSummary> {
  const vocabulary = loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr'));
  const service = createOcrService({ engine, vocabulary, limits: { maxBytes: 10_000_000, maxPixels: 25_000_000 }, now: () => new Date(truth.reference) });
  const files = Object.keys(truth.images);
  // Start-up: the first read includes starting the worker; measured on the first image, then read again.
  const t0 = performance.now();
  await service.read(readFileSync(join(SCREENSHOTS, files[0]!)), '').catch(() => undefined);
  const startupMs = performance.now() - t0;
  let childPeak = 0;
  const results: ImageResult[] = [];
  for (const file of files) {
    const t = truth.images[file]!;
    const bytes = readFileSync(join(SCREENSHOTS, file));
    const started = performance.now();
    try {
      const r = await service.read(bytes, '');
      const ms = performance.now() - started;
      childPeak = Math.max(childPeak, r.childPeakRssBytes ?? 0);
      const { cer, edits, chars } = characterErrorRate(t.text, r.text);
      const right = t.timestamps.filter((s) => r.timestamps.some((x) => x.at === new Date(s.at).toISOString())).length;
      results.push({ file, group: t.group, heldout: t.heldout === true, size: `${t.width}x${t.height}`, cer, edits, chars, ms, sender: r.sender === t.sender, stampsRight: right, stamps: t.timestamps.length });
    } catch (e) {
      const chars = normalizeForCer(t.text).length;
      results.push({ file, group: t.group, heldout: t.heldout === true, size: `${t.width}x${t.height}`, cer: 1, edits: chars, chars, ms: performance.now() - started, sender: false, stampsRight: 0, stamps: t.timestamps.length, error: (e as Error).message });
    }
  }
  await service.close();

  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const pooled = (rs: ImageResult[]) => rs.reduce((s, r) => s + r.edits, 0) / Math.max(1, rs.reduce((s, r) => s + r.chars, 0));
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const out: string[] = [`\n== ${name}`, `start-up (first read, incl. worker start): ${startupMs.toFixed(0)} ms`];
  out.push('image                                     group  size        CER      ms  sender  stamps');
  for (const r of results) {
    out.push(`${r.file.padEnd(42)}${r.group.padEnd(7)}${r.size.padEnd(10)}${pct(r.cer).padStart(8)}${r.ms.toFixed(0).padStart(7)}  ${(r.sender ? 'ok' : 'MISS').padEnd(6)}  ${r.stampsRight}/${r.stamps}${r.error ? `  ERROR ${r.error}` : ''}`);
  }
  const tuned = results.filter((r) => !r.heldout);
  const held = results.filter((r) => r.heldout);
  const clean = tuned.filter((r) => r.group === 'clean');
  const noisy = tuned.filter((r) => r.group === 'noisy');
  const big = results.filter((r) => r.size === '1080x2400');
  const stampsRight = results.reduce((s, r) => s + r.stampsRight, 0);
  const stamps = results.reduce((s, r) => s + r.stamps, 0);
  const selfPeak = process.resourceUsage().maxRSS * 1024;
  out.push(
    `CER clean ${pct(pooled(clean))} (target ≤ 3 %)   small/noisy ${pct(pooled(noisy))} (target ≤ 8 %)   overall ${pct(pooled(tuned))}`,
    `held-out CER (${held.length} images): clean ${pct(pooled(held.filter((r) => r.group === 'clean')))}   small/noisy ${pct(pooled(held.filter((r) => r.group === 'noisy')))}   overall ${pct(pooled(held))}`,
    `time per image: median ${median(results.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms; 1080×2400 median ${median(big.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...big.map((r) => r.ms)).toFixed(0)} ms (target ≤ 1500)`,
    `sender ${results.filter((r) => r.sender).length}/${results.length}, timestamps ${stampsRight}/${stamps}`,
    `peak memory: process RSS ${(selfPeak / 1e6).toFixed(0)} MB${childPeak ? `, tesseract child ${(childPeak / 1e6).toFixed(0)} MB` : ''} (target ≤ 400 MB)`,
  );
  process.stdout.write(out.join('\n') + '\n');
  return {
    name,
    clean: pooled(clean),
    noisy: pooled(noisy),
    heldout: pooled(held),
    medianMs: median(big.map((r) => r.ms)),
    senders: `${results.filter((r) => r.sender).length}/${results.length}`,
    stamps: `${stampsRight}/${stamps}`,
    peakMb: Math.max(selfPeak, childPeak) / 1e6,
  };
}

async function main(): Promise<void> {
  const truth = loadTruth();
  const only = process.argv[2];
  const timeoutMs = 60_000;
  process.stdout.write(`OCR bench: ${Object.keys(truth.images).length} screenshots, reference ${truth.reference}\n`);
  const cli = detectTesseractCli();
  const summaries: EngineSummary[] = [];
  if (cli && (!only || only === 'tesseract-cli')) {
    summaries.push(await benchEngine(`tesseract-cli (${cli.model}, OMP_THREAD_LIMIT=1)`, createTesseractCliEngine({ ...cli, timeoutMs, measureMemory: true }), truth));
  } else if (!cli) process.stdout.write('\n== tesseract-cli: not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans)\n');
  if (!only || only === 'tesseract-js') summaries.push(await benchEngine('tesseract-js (chi_sim 4.0.0_best_int, worker thread)', createTesseractJsEngine({ timeoutMs }), truth));
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const rows = summaries.map((x) => `${x.name.split(' ')[0]!.padEnd(15)}${pct(x.clean).padStart(8)}${pct(x.noisy).padStart(8)}${pct(x.heldout).padStart(10)}${x.medianMs.toFixed(0).padStart(11)}${x.senders.padStart(8)}${x.stamps.padStart(8)}${x.peakMb.toFixed(0).padStart(9)}`);
  process.stdout.write(['', '== summary (CER pooled; ms = median per 1080×2400 image; peak MB = largest RSS)', 'engine            clean   noisy  held-out  ms/1080p  sender  stamps  peak MB', ...rows, `load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`, ''].join('\n'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
