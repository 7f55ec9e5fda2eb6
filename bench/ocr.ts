/**
 * `npm run bench:ocr`: reads the generated chat screenshots of test/fixtures/screenshots/gen (render-chats.js:
 * WeChat, QQ, iOS and Android SMS, light and dark, clean, small and degraded) with every OCR engine available,
 * and reports per split — dev (tuned on), heldout (never tuned on, but its aggregate figures were looked at after
 * each round of tuning), heldout2 (rendered after the first December 2026 tuning; its failures were looked at
 * since) and heldout3 (rendered once after the 6 December 2026 tuning, never looked at: the blind figures) —
 * against the targets of issue #15: mean character error rate per image (Levenshtein distance over Han characters, letters
 * and digits of all bubbles, both sides, over the truth's length) for clean+small (≤ 3 %) and degraded (≤ 6 %);
 * images read as nothing (none); bubbles given the right side (≥ 98 %); bubbles whose visible time is resolved
 * to the right instant (≥ 95 %); time per full-size screenshot (median ≤ 1 s, wall, and CPU over all threads,
 * which does not depend on other load on the machine); peak RSS (≤ 400 MB); the longest event-loop stall.
 * Per-image rows are printed for the dev split only; the held-out splits are reported in aggregate.
 * Options: an engine name (tesseract-js, tesseract-cli), --split=dev|heldout|heldout2|heldout3, --match=SUBSTRING.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as OpenCC from 'opencc-js';
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

/** The splits of the generated screenshots, and what each one's figures mean. */
const SPLITS = {
  dev: 'tuned on',
  heldout: 'never tuned on, but its aggregate figures were seen after each round of tuning',
  heldout2: 'rendered after the first December 2026 tuning and scored once; its failures were looked at on 6 December 2026, so no longer blind',
  heldout3: 'rendered after the 6 December 2026 tuning with a new seed and new texts, never looked at; scored once at 8881947 (test/fixtures/screenshots/README.md)',
} as const;
export type Split = keyof typeof SPLITS;

/** One generated chat screenshot in test/fixtures/screenshots/gen/truth.json (render-chats.js). */
export interface ChatTruthImage {
  split: Split;
  group: 'clean' | 'small' | 'degraded';
  app: string;
  mode: 'light' | 'dark';
  font: string;
  long: boolean;
  degrade: string;
  width: number;
  height: number;
  sender: string;
  separators: string[];
  bubbles: Array<{ side: 'collector' | 'user'; text: string; at: string | null }>;
}

export interface ChatTruth {
  reference: string;
  images: Record<string, ChatTruthImage>;
}

export const GENERATED = join(SCREENSHOTS, 'gen');

/** Reads gen/truth.json. */
export function loadChatTruth(): ChatTruth {
  return JSON.parse(readFileSync(join(GENERATED, 'truth.json'), 'utf8')) as ChatTruth;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' }) as (s: string) => string;

/**
 * CER with traditional characters folded to simplified on both sides. The chi_sim model reads 網貸 as 网贷; the
 * analyzer folds the same way, so this shows how much of the strict CER is the script and not a misreading.
 */
export function foldedErrorRate(truth: string, read: string): number {
  return characterErrorRate(toSimplified(truth), toSimplified(read)).cer;
}

/** What one read bubble is compared with. */
interface SeenBubble {
  side: string;
  text: string;
  time?: string;
}

/**
 * Scores one reading against its truth: CER over every bubble's text (both sides, in order), and for each true
 * bubble the read bubble that matches its text best (CER ≤ 0.5): its side and its time are checked.
 */
export function scoreChat(t: ChatTruthImage, read: SeenBubble[]): { cer: number; edits: number; chars: number; sides: number; sidesRight: number; timed: number; timesRight: number; found: number } {
  const all = characterErrorRate(t.bubbles.map((b) => b.text).join('\n'), read.map((b) => b.text).join('\n'));
  let sidesRight = 0;
  let timed = 0;
  let timesRight = 0;
  let found = 0;
  const used = new Set<number>();
  for (const b of t.bubbles) {
    let best = -1;
    let bestCer = 0.5001;
    read.forEach((r, i) => {
      if (used.has(i)) return;
      const c = characterErrorRate(b.text, r.text).cer;
      if (c < bestCer) [best, bestCer] = [i, c];
    });
    if (b.at) timed += 1;
    if (best < 0) continue;
    used.add(best);
    found += 1;
    const r = read[best]!;
    if (r.side === b.side) sidesRight += 1;
    if (b.at && r.time === b.at) timesRight += 1;
  }
  return { ...all, sides: t.bubbles.length, sidesRight, timed, timesRight, found };
}

interface ImageResult {
  file: string;
  t: ChatTruthImage;
  cer: number;
  /** CER with traditional folded to simplified (see foldedErrorRate). */
  folded: number;
  edits: number;
  chars: number;
  ms: number;
  /** CPU time of the whole process (main thread, libuv pool, Tesseract's worker) during the read. */
  cpuMs: number;
  sender: boolean;
  sides: number;
  sidesRight: number;
  timed: number;
  timesRight: number;
  nothing: boolean;
  method: string;
  error?: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function benchEngine(name: string, engine: OcrEngine, truth: ChatTruth, split: string | undefined, match?: string): Promise<void> {
  const vocabulary = loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr'));
  const service = createOcrService({ engine, vocabulary, limits: { maxBytes: 10_000_000, maxPixels: 25_000_000 }, now: () => new Date(truth.reference) });
  const files = Object.keys(truth.images).filter((f) => (!split || truth.images[f]!.split === split) && (!match || f.includes(match)));
  const t0 = performance.now();
  await service.read(readFileSync(join(GENERATED, files[0]!)), '').catch(() => undefined);
  const startupMs = performance.now() - t0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const elu0 = performance.eventLoopUtilization();
  const wall0 = performance.now();
  const results: ImageResult[] = [];
  for (const file of files) {
    const t = truth.images[file]!;
    const bytes = readFileSync(join(GENERATED, file));
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const cpuMs = () => {
      const c = process.cpuUsage(cpu0);
      return (c.user + c.system) / 1000;
    };
    try {
      const r = await service.read(bytes, '');
      const ms = performance.now() - started;
      const s = scoreChat(t, r.bubbles);
      const folded = foldedErrorRate(t.bubbles.map((b) => b.text).join('\n'), r.bubbles.map((b) => b.text).join('\n'));
      results.push({ file, t, ...s, folded, ms, cpuMs: cpuMs(), sender: r.sender === t.sender, nothing: false, method: r.method });
    } catch (e) {
      const s = scoreChat(t, []);
      results.push({ file, t, ...s, folded: s.cer, ms: performance.now() - started, cpuMs: cpuMs(), sender: false, nothing: true, method: '-', error: (e as Error).message });
    }
  }
  loop.disable();
  const elu = performance.eventLoopUtilization(elu0);
  const wallAll = performance.now() - wall0;
  await service.close();

  const out: string[] = [`\n== ${name}`, `start-up (first read, incl. worker start): ${startupMs.toFixed(0)} ms`];
  out.push('image                                                      CER      ms  cpu ms  sender  sides  times  method');
  // Held-out images are scored only in aggregate: their per-image rows are never printed, so nobody tunes on them.
  for (const r of results.filter((x) => x.t.split === 'dev')) {
    out.push(`${r.file.padEnd(56)}${pct(r.cer).padStart(8)}${r.ms.toFixed(0).padStart(7)}${r.cpuMs.toFixed(0).padStart(8)}  ${(r.sender ? 'ok' : 'MISS').padEnd(6)}  ${`${r.sidesRight}/${r.sides}`.padEnd(5)}  ${`${r.timesRight}/${r.timed}`.padEnd(5)}  ${r.method}${r.error ? `  ERROR ${r.error}` : ''}`);
  }
  for (const part of Object.keys(SPLITS) as Split[]) {
    const rs = results.filter((r) => r.t.split === part);
    if (rs.length === 0) continue;
    const g = (group: string) => rs.filter((r) => r.t.group === group);
    const cleanSmall = rs.filter((r) => r.t.group !== 'degraded');
    const sides = rs.reduce((a, r) => a + r.sides, 0);
    const sidesRight = rs.reduce((a, r) => a + r.sidesRight, 0);
    const timed = rs.reduce((a, r) => a + r.timed, 0);
    const timesRight = rs.reduce((a, r) => a + r.timesRight, 0);
    const big = rs.filter((r) => r.t.width >= 1080 && !r.t.long && r.t.group !== 'degraded');
    out.push(
      ``,
      `-- ${part} (${rs.length} images): ${SPLITS[part]}`,
      `mean CER clean ${pct(mean(g('clean').map((r) => r.cer)))}   small ${pct(mean(g('small').map((r) => r.cer)))}   clean+small ${pct(mean(cleanSmall.map((r) => r.cer)))} (target ≤ 3 %)   degraded ${pct(mean(g('degraded').map((r) => r.cer)))} (target ≤ 6 %)`,
      `the same with traditional characters folded to simplified (informative; the targets use the strict figures): clean+small ${pct(mean(cleanSmall.map((r) => r.folded)))}   degraded ${pct(mean(g('degraded').map((r) => r.folded)))}`,
      `degraded by kind: ${[...new Set(g('degraded').map((r) => r.t.degrade))].map((k) => `${k} ${pct(mean(g('degraded').filter((r) => r.t.degrade === k).map((r) => r.cer)))}`).join(', ')}`,
      `photos of screens: light ${pct(mean(g('degraded').filter((r) => r.t.degrade === 'photo' && r.t.mode === 'light').map((r) => r.cer)))}, dark ${pct(mean(g('degraded').filter((r) => r.t.degrade === 'photo' && r.t.mode === 'dark').map((r) => r.cer)))}`,
      `read as nothing: ${rs.filter((r) => r.nothing).length} (target 0)   read whole (no layout): ${rs.filter((r) => r.method === 'whole').length}`,
      `bubbles with the right side: ${sidesRight}/${sides} = ${pct(sidesRight / Math.max(1, sides))} (target ≥ 98 %)`,
      `bubbles with a visible time resolved right: ${timesRight}/${timed} = ${pct(timesRight / Math.max(1, timed))} (target ≥ 95 %)`,
      `sender: ${rs.filter((r) => r.sender).length}/${rs.length}`,
      `time per image (wall): median ${median(rs.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(...rs.map((r) => r.ms)).toFixed(0)} ms; full-size screenshots (≥1080 wide, not long, not degraded): median ${median(big.map((r) => r.ms)).toFixed(0)} ms over ${big.length} (target ≤ 1000)`,
      `CPU per image (all threads; the figure that does not depend on other load on the machine): median ${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms; full-size: median ${median(big.map((r) => r.cpuMs)).toFixed(0)} ms`,
    );
  }
  out.push(
    ``,
    `event loop: busy ${(elu.utilization * 100).toFixed(0)} % of the time, ${((elu.utilization * wallAll) / files.length).toFixed(0)} ms per image; longest stall ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms (stalls include waiting for a core on a loaded machine; layout and OCR run in worker threads, decoding and resizing in libuv's pool)`,
    `peak memory: process RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target ≤ 400 MB)`,
  );
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  const truth = loadChatTruth();
  const args = process.argv.slice(2);
  const only = args.find((a) => !a.startsWith('--'));
  const split = args.find((a) => a.startsWith('--split='))?.slice('--split='.length);
  // --match=photo: only the files whose name contains it (for a quick look at one kind).
  const match = args.find((a) => a.startsWith('--match='))?.slice('--match='.length);
  const timeoutMs = 60_000;
  process.stdout.write(`OCR bench: ${Object.keys(truth.images).length} generated screenshots (test/fixtures/screenshots/gen), reference ${truth.reference}\n`);
  const cli = detectTesseractCli();
  if (cli && only === 'tesseract-cli') {
    await benchEngine(`tesseract-cli (${cli.model}, OMP_THREAD_LIMIT=1)`, createTesseractCliEngine({ ...cli, timeoutMs, measureMemory: true }), truth, split, match);
  } else if (only === 'tesseract-cli') process.stdout.write('\n== tesseract-cli: not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans)\n');
  if (!only || only === 'tesseract-js') await benchEngine('tesseract-js (chi_sim + chi_tra 4.0.0_best_int, worker threads)', createTesseractJsEngine({ timeoutMs }), truth, split, match);
  process.stdout.write(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
