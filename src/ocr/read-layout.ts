/**
 * Reads a screenshot region by region: decode once (sharp, off the event loop in libuv's pool), look at a small
 * copy for noise and tilt, straighten it, find the bubbles and labels (layout.ts), then cut each region out at
 * full resolution, scale it to one glyph height, map it to black text on white (dark mode, blue bubbles and low
 * contrast alike), and stack all regions into one collage that the engine reads in a single call (Tesseract in
 * its worker thread). Regions read with low confidence get a second pass with other preprocessing; the better
 * reading of each region, by confidence, is kept.
 */
import sharp from 'sharp';
import type { RecognizedLine } from './engine';
import { DOWNSCALED_GLYPH_SHARE, GRAINY, alternativePreprocessing, choosePreprocessing, estimateNoise, estimateTilt, textSharpness, type ImageQuality, type Preprocessing } from './image-quality';
import { evenIllumination } from './illumination';
import { dominantColour, findLayout, strayLines, type Box, type Layout, type RgbImage, type Side, type TextKind } from './layout';
import { findScreen, straightenScreen } from './screen-photo';
import { TRADITIONAL_CHECK_BELOW, foldTraditional, prefersTraditional } from './script-choice';
import { collapseCjkSpaces } from './postprocess';
import { createTimestampParser, type TimestampParser } from './timestamps';
import type { TimestampVocabulary } from './vocabulary';

// Every image is decoded once and its pieces cut from raw pixels: libvips' operation cache would only hold
// memory (tens of megabytes) for results never asked for again.
sharp.cache(false);

/** Width of the small copy the layout is found on. */
export const LAYOUT_WIDTH = 360;
/** Mean confidence (0–100) under which a region is read a second time. */
export const SECOND_PASS_BELOW = 82;
/**
 * A collage taller than this is split, so one recognition never holds a huge image: Tesseract's WebAssembly heap
 * grows to the largest image it has read and never shrinks, so this bounds the worker's memory.
 */
const MAX_COLLAGE_HEIGHT = 3000;
/**
 * The same for the traditional model's collages, lower: its worker (started only for them) then stays small, about
 * 60 MB, which keeps the process under the 400 MB of issue #15 with both workers running.
 */
const MAX_TRADITIONAL_COLLAGE_HEIGHT = 1200;

/**
 * Reads one collage; an OcrEngine's recognizeLines. `purpose` 'labels' marks a collage of time labels only, which
 * the caller reads within the characters of time labels (LineOptions.charset); 'traditional' a collage of bubbles
 * to read with the traditional-character model (LineOptions.script).
 */
export type LineReader = (image: Buffer, purpose?: ReadPurpose) => Promise<RecognizedLine[]>;
export type ReadPurpose = 'labels' | 'traditional';

export interface ReadLayoutOptions {
  /** Whether the reader can read with the traditional-character model (OcrEngine.readsTraditional). */
  traditional?: boolean;
  /**
   * The timestamp words (knowledge/ocr/timestamps.yaml): separators and asides whose first reading already parses
   * as a label are not read again as labels (the chat assembly takes a reading that parses as it stands first).
   * Without it every separator and aside is read again.
   */
  labels?: TimestampVocabulary;
  /** The reading time, for the parser (labels relative to today); the wall clock by default. */
  reference?: Date;
  /**
   * Called when a photo of a screen has been straightened or a tilted image rotated: the copies of the image left
   * behind are tens of megabytes of external memory, which the layout worker collects at once (layout-worker.ts)
   * instead of holding them while Tesseract's heap grows.
   */
  collect?: () => void;
}

/** Parsers by vocabulary: the worker receives a copy of the same vocabulary with every read. */
const parsers = new Map<string, TimestampParser>();
function parserFor(vocab: TimestampVocabulary): TimestampParser {
  const key = JSON.stringify(vocab);
  let p = parsers.get(key);
  if (!p) parsers.set(key, (p = createTimestampParser(vocab)));
  return p;
}

/** What was read in one region, in reading order. */
export interface RegionText {
  kind: 'bubble' | TextKind;
  /** Top of the region in the (straightened) image, for ordering. */
  y: number;
  side?: Side;
  /** For an aside under a bubble: that bubble's index among the bubbles. */
  under?: number;
  lines: Array<{ text: string; conf: number }>;
  /** Mean confidence of the lines, 0–100 (0 when nothing was read). */
  conf: number;
  /** For a separator or an aside: the same region read again within the characters of time labels. */
  labelLines?: Array<{ text: string; conf: number }>;
  /**
   * For a separator or an aside neither reading of which parses as a label: the traditional model's reading,
   * folded to simplified characters. It reads some small labels the simplified model misreads (星期四 for 蜂期中).
   */
  otherLines?: Array<{ text: string; conf: number }>;
}

export interface LayoutReading {
  regions: RegionText[];
  layout: Layout;
  quality: ImageQuality;
  preprocessing: Preprocessing;
  /** 1, or 2 when some regions were read again. */
  passes: number;
}

interface Region {
  kind: 'bubble' | TextKind;
  box: Box;
  /** Glyph height in full-resolution pixels. */
  glyph: number;
  side?: Side;
  under?: number;
}

interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Reads a screenshot by its layout. Returns undefined when the image has no bubbles (a plain photo of text, a
 * document) or cannot be decoded by sharp (BMP): the caller then reads it whole.
 */
export async function readLayout(image: Buffer, read: LineReader, opts: ReadLayoutOptions = {}): Promise<LayoutReading | undefined> {
  let full: { data: Buffer; width: number; height: number };
  try {
    const { data, info } = await sharp(image, { limitInputPixels: false }).rotate().flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    full = { data, width: info.width, height: info.height };
  } catch {
    return undefined;
  }
  // No median on the small copy: it would erase the one-pixel strokes of grey separators; shrinking averages
  // the noise away well enough for the layout (except on grainy images: see layoutOf).
  let small = await shrink(full);
  // A photo of a screen: the screen cut out of its surround and made upright (rotation, shear and keystone).
  const screen = findScreen(small);
  if (screen) {
    const f = full.width / small.width;
    const at = (p: { x: number; y: number }) => ({ x: p.x * f, y: p.y * f });
    full = straightenScreen(full, { tl: at(screen.tl), tr: at(screen.tr), br: at(screen.br), bl: at(screen.bl) });
    opts.collect?.();
    small = await shrink(full);
  }
  // Uneven light (a lamp, vignetting, moiré bands) evened out on the small copy the layout is found on.
  let light = evenIllumination(small);
  small = light.image;
  const noise = estimateNoise(small);
  const tilt = estimateTilt(small, dominantColour(small));
  if (tilt !== 0) {
    const bg = dominantColour(small);
    const rotated = await sharp(full.data, { raw: { width: full.width, height: full.height, channels: 3 } })
      .rotate(-tilt, { background: { r: bg[0], g: bg[1], b: bg[2] } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Back to the original size, centred: bars span the width again and the corners filled in are cut off.
    const left = Math.floor((rotated.info.width - full.width) / 2);
    const top = Math.floor((rotated.info.height - full.height) / 2);
    const { data, info } = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: 3 } })
      .extract({ left, top, width: full.width, height: full.height })
      .raw()
      .toBuffer({ resolveWithObject: true });
    full = { data, width: info.width, height: info.height };
    opts.collect?.();
    light = evenIllumination(await shrink(full));
    small = light.image;
  }
  const photo = screen !== undefined || light.corrected;
  const quality: ImageQuality = { noise, tilt, screen: screen !== undefined, unevenness: Math.round(light.unevenness * 10) / 10 };
  const layout = await layoutOf(small, noise, photo);
  if (layout.bubbles.length === 0) return undefined;

  const f = full.width / small.width;
  const scaleBox = (b: Box, padX: number, padY: number): Box => ({
    x0: Math.max(0, Math.floor(b.x0 * f - padX)),
    y0: Math.max(0, Math.floor(b.y0 * f - padY)),
    x1: Math.min(full.width, Math.ceil(b.x1 * f + padX)),
    y1: Math.min(full.height, Math.ceil(b.y1 * f + padY)),
  });
  const regions: Region[] = [];
  for (const b of layout.bubbles) {
    const glyph = Math.max(6, b.glyphHeight * f);
    // Inset a little: the rounded corners show the background, which must not read as ink.
    regions.push({ kind: 'bubble', box: scaleBox(b.box, -glyph * 0.3, -glyph * 0.12), glyph, side: b.side });
  }
  for (const t of layout.texts) {
    if (t.kind === 'footer') continue;
    const glyph = Math.max(6, t.glyphHeight * f);
    regions.push({ kind: t.kind, box: scaleBox(t.box, glyph * 0.5, glyph * 0.3), glyph, ...(t.under !== undefined ? { under: t.under } : {}) });
  }
  const usable = regions.filter((r) => r.box.x1 - r.box.x0 >= 4 && r.box.y1 - r.box.y0 >= 4);

  // First pass: preprocessing chosen from the noise and from how sharp the text of the largest bubble is.
  const base = choosePreprocessing(quality, 1);
  const rasters = await Promise.all(usable.map((r) => rasterize(full, r, base.glyph, base.smooth)));
  const largest = usable.reduce((best, r, i) => (r.kind === 'bubble' && area(r.box) > area(usable[best]!.box) ? i : best), 0);
  const first = choosePreprocessing(quality, textSharpness(rasters[largest]!.data, rasters[largest]!.width, rasters[largest]!.height));
  const read1 = await readCollages(rasters, first, read);

  // Second pass for what the first read poorly; keep whichever reading of each region is more confident. Not for
  // the header's pieces: status icons, back arrows and menu glyphs read poorly on every screenshot, a second
  // reading never made them text, and the title is taken by its letters and digits, not its confidence.
  const weak = usable.map((_, i) => i).filter((i) => usable[i]!.kind !== 'header' && read1[i]!.conf < SECOND_PASS_BELOW);
  let passes = 1;
  if (weak.length > 0) {
    passes = 2;
    const second = alternativePreprocessing(first);
    const rasters2 = await Promise.all(weak.map((i) => rasterize(full, usable[i]!, second.glyph, second.smooth)));
    const read2 = await readCollages(rasters2, second, read);
    weak.forEach((i, j) => {
      const better = read2[j]!;
      const now = read1[i]!;
      if (better.conf > now.conf + 1 || (now.lines.length === 0 && better.lines.length > 0)) read1[i] = better;
    });
  }
  // Bubbles the simplified model read without confidence, once more with the traditional model: the more fitting
  // script's reading is kept (script-choice.ts).
  let traditionalUsed = false;
  if (opts.traditional) {
    const check = usable.map((_, i) => i).filter((i) => usable[i]!.kind === 'bubble' && read1[i]!.lines.length > 0 && read1[i]!.conf < TRADITIONAL_CHECK_BELOW);
    if (check.length > 0) {
      traditionalUsed = true;
      const asTraditional = await readCollages(check.map((i) => rasters[i]!), first, read, 'traditional', MAX_TRADITIONAL_COLLAGE_HEIGHT);
      check.forEach((i, j) => {
        if (prefersTraditional(modelReading(read1[i]!), modelReading(asTraditional[j]!))) read1[i] = asTraditional[j]!;
      });
    }
  }
  // Separators and asides once more, read as time labels only: a small grey 昨天 上午9:40 read freely comes back
  // as 罚天 上年 9340; within the digits and time words it mostly comes back right. Both readings are kept.
  const parser = opts.labels ? parserFor(opts.labels) : undefined;
  const reference = opts.reference ?? new Date();
  const parsed = (i: number) => parser?.parseParts(collapseCjkSpaces(read1[i]!.lines.map((l) => l.text).join(' ')), reference) !== undefined;
  const labels = usable.map((_, i) => i).filter((i) => (usable[i]!.kind === 'separator' || usable[i]!.kind === 'aside') && !parsed(i));
  const asLabels = labels.length > 0 ? await readCollages(labels.map((i) => rasters[i]!), first, read, 'labels') : [];
  const labelLines = new Map(labels.map((i, j) => [i, asLabels[j]!.lines]));
  // Labels still unread, once more with the traditional model when it read bubbles of this image too: started for
  // labels alone, its worker would raise the process's peak memory past 400 MB (bench:ocr).
  const loose = (text: string) => parser?.parseParts(collapseCjkSpaces(text), reference, true) !== undefined;
  const unread = traditionalUsed && parser ? labels.filter((i, j) => !loose(read1[i]!.lines.map((l) => l.text).join(' ')) && !loose(asLabels[j]!.lines.map((l) => l.text).join(' '))) : [];
  const asOther = unread.length > 0 ? await readCollages(unread.map((i) => rasters[i]!), first, read, 'traditional', MAX_TRADITIONAL_COLLAGE_HEIGHT) : [];
  const otherLines = new Map(unread.map((i, j) => [i, asOther[j]!.lines.map((l) => ({ text: foldTraditional(l.text), conf: l.conf }))]));
  const out: RegionText[] = usable.map((r, i) => ({
    kind: r.kind,
    y: r.box.y0,
    ...(r.side ? { side: r.side } : {}),
    ...(r.under !== undefined ? { under: r.under } : {}),
    lines: read1[i]!.lines.map(({ text, conf }) => ({ text, conf })),
    conf: read1[i]!.conf,
    ...(labelLines.has(i) ? { labelLines: labelLines.get(i)! } : {}),
    ...(otherLines.has(i) ? { otherLines: otherLines.get(i)! } : {}),
  }));
  out.sort((a, b) => a.y - b.y);
  return { regions: out, layout, quality, preprocessing: first, passes };
}

/** Colour tolerance for growing bubbles on a denoised copy when lines of text were left outside any bubble. */
const FINE_TOLERANCE = 6;

/**
 * The layout of the small copy. Photos are segmented between edges. Screenshots by colour, with the tolerance
 * following the noise; a grainy image's layout is found on a median-filtered copy (speckle let fills leak into
 * the background and read as rows of ink; a thin stroke lost to the median matters less), and when lines of
 * message text are still left outside any bubble (a pale fill merged with the background), a finer tolerance is
 * tried and kept if it leaves fewer such lines.
 */
async function layoutOf(small: RgbImage, noise: number, photo: boolean): Promise<Layout> {
  if (photo) return findLayout(small, { tolerance: Math.min(16, 8 + noise * 1.5), segmentation: 'edges' });
  if (noise < GRAINY) return findLayout(small, { tolerance: Math.min(16, 8 + noise * 1.5) });
  const data = await sharp(small.data, { raw: { width: small.width, height: small.height, channels: 3 } }).median(3).raw().toBuffer();
  const denoised = { width: small.width, height: small.height, data };
  const layout = findLayout(denoised, { tolerance: Math.min(16, 8 + estimateNoise(denoised) * 1.5) });
  if (strayLines(layout) === 0) return layout;
  const fine = findLayout(denoised, { tolerance: FINE_TOLERANCE });
  return strayLines(fine) < strayLines(layout) && fine.plausible ? fine : layout;
}

const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);

/** The small RGB copy the layout is found on, contrast-stretched. */
async function shrink(full: { data: Buffer; width: number; height: number }): Promise<RgbImage> {
  const width = Math.min(LAYOUT_WIDTH, full.width);
  // Min–max stretch: percentiles would map a sparse screenshot's bubble fill to black (its text is under 1 %).
  const { data, info } = await sharp(full.data, { raw: { width: full.width, height: full.height, channels: 3 } })
    .resize({ width, kernel: 'linear' })
    .normalise({ lower: 0, upper: 100 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * Cuts a region out at full resolution, smooths it (sigma `smooth`, 0 for none), scales its glyphs to `glyph` px
 * and maps it to black ink on white.
 */
async function rasterize(full: { data: Buffer; width: number; height: number }, r: Region, glyph: number, smooth: number): Promise<Raster> {
  const w = r.box.x1 - r.box.x0;
  const h = r.box.y1 - r.box.y0;
  // Large glyphs are scaled down past the target (DOWNSCALED_GLYPH_SHARE); small ones up to it.
  const target = r.glyph > glyph ? glyph * DOWNSCALED_GLYPH_SHARE : glyph;
  const s = Math.min(4, Math.max(0.4, target / r.glyph));
  const tw = Math.max(1, Math.round(w * s));
  const th = Math.max(1, Math.round(h * s));
  let cut = sharp(full.data, { raw: { width: full.width, height: full.height, channels: 3 } }).extract({ left: r.box.x0, top: r.box.y0, width: w, height: h });
  if (smooth > 0) cut = sharp(await cut.blur(Math.max(0.3, smooth)).raw().toBuffer(), { raw: { width: w, height: h, channels: 3 } });
  const { data } = await cut
    .resize(tw, th, { fit: 'fill', kernel: s > 1 ? 'cubic' : 'lanczos3' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: tw, height: th, data: inkOnWhite(data) };
}

/**
 * Maps a grey region so its fill (the most common level) becomes white and its ink black, whichever is darker:
 * dark mode, white text on blue and washed-out low-contrast images all come out as black text on white.
 */
export function inkOnWhite(grey: Uint8Array): Uint8Array {
  const hist = new Float64Array(256);
  for (const v of grey) hist[v]! += 1;
  let fill = 0;
  let best = -1;
  for (let v = 0; v < 256; v++) {
    let s = 0;
    for (let d = -2; d <= 2; d++) s += hist[Math.min(255, Math.max(0, v + d))]!;
    if (s > best) [best, fill] = [s, v];
  }
  // The smoothed peak finds the fill despite noise; the exact level is the tallest bar next to it.
  for (let v = Math.max(0, fill - 2), peak = fill; v <= Math.min(255, peak + 2); v++) if (hist[v]! > hist[fill]!) fill = v;
  let darker = 0;
  let lighter = 0;
  for (let v = 0; v < 256; v++) {
    if (v < fill - 24) darker += hist[v]!;
    else if (v > fill + 24) lighter += hist[v]!;
  }
  const out = new Uint8Array(grey.length);
  if (darker + lighter === 0) return out.fill(255);
  // The ink level: 1 % into the ink side's tail (the deepest ink, not a lone outlier).
  const want = Math.max(1, (darker >= lighter ? darker : lighter) * 0.02);
  let ink = darker >= lighter ? 0 : 255;
  let seen = 0;
  if (darker >= lighter) for (let v = 0; v < 256 && seen < want; v++) [seen, ink] = [seen + hist[v]!, v];
  else for (let v = 255; v >= 0 && seen < want; v--) [seen, ink] = [seen + hist[v]!, v];
  const span = fill - ink;
  for (let i = 0; i < grey.length; i++) {
    const v = ((grey[i]! - ink) * 255) / span;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

/** A region's lines as script-choice.ts compares them. */
const modelReading = (r: RegionReading) => ({ conf: r.conf, words: r.lines.flatMap((l) => l.words ?? [{ text: l.text, conf: l.conf }]) });

interface RegionReading {
  lines: Array<{ text: string; conf: number; words?: Array<{ text: string; conf: number }> }>;
  conf: number;
}

/** Stacks rasters into collages (white gaps between), reads each, and gives every raster its lines back. */
async function readCollages(rasters: Raster[], p: Preprocessing, read: LineReader, purpose?: ReadPurpose, maxHeight = MAX_COLLAGE_HEIGHT): Promise<RegionReading[]> {
  const gap = Math.round(p.glyph * 0.9);
  const margin = Math.round(p.glyph * 0.8);
  const results = rasters.map(() => ({ lines: [] as Array<{ text: string; conf: number; top: number; words?: Array<{ text: string; conf: number }> }>, conf: 0, chars: 0 }));
  let start = 0;
  while (start < rasters.length) {
    let end = start;
    let height = margin;
    while (end < rasters.length && (end === start || height + rasters[end]!.height + gap <= maxHeight)) height += rasters[end++]!.height + gap;
    height += margin - gap;
    const width = Math.max(...rasters.slice(start, end).map((r) => r.width)) + 2 * margin;
    const canvas = new Uint8Array(width * height).fill(255);
    const spans: Array<[number, number]> = [];
    let y = margin;
    for (let i = start; i < end; i++) {
      const r = rasters[i]!;
      for (let row = 0; row < r.height; row++) canvas.set(r.data.subarray(row * r.width, (row + 1) * r.width), (y + row) * width + margin);
      spans.push([y, y + r.height]);
      y += r.height + gap;
    }
    let img = sharp(canvas, { raw: { width, height, channels: 1 } });
    if (p.median) img = img.median(3);
    if (p.sharpen) img = img.sharpen({ sigma: 1 });
    const png = await img.png({ compressionLevel: 1 }).toBuffer();
    const lines = await read(png, purpose);
    for (const line of lines) {
      const mid = (line.top + line.bottom) / 2;
      const k = spans.findIndex(([a, b]) => mid >= a - gap / 2 && mid < b + gap / 2);
      if (k < 0) continue;
      const res = results[start + k]!;
      res.lines.push({ text: line.text, conf: line.conf, top: line.top, ...(line.words ? { words: line.words } : {}) });
      res.conf += line.conf * line.chars;
      res.chars += line.chars;
    }
    start = end;
  }
  return results.map((r) => ({ lines: r.lines.sort((a, b) => a.top - b.top).map(({ top: _top, ...l }) => l), conf: r.chars === 0 ? 0 : r.conf / r.chars }));
}
