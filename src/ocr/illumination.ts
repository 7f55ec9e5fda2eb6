/**
 * Evens out the light of a photo of a screen before its layout is found: a phone photographed under a lamp is
 * brighter in the middle than at the corners (vignetting, a light falling off to one side) and carries broad
 * moiré bands, so one background colour no longer describes the chat and bubbles fragment. The background is the
 * largest region whose colour changes only gradually from pixel to pixel; its colour, smoothed over the image and
 * filled in under the bubbles, is the light field, which is divided out (light backgrounds) or subtracted (dark
 * ones, where moiré is added light rather than a gain). A screenshot with an even background is left as it is.
 * Pure functions over the small RGB copy (about 360 px wide).
 */
import { blockedByEdges } from './edges';
import type { RgbImage } from './raster';

/** Spread (p95 − p5) of the background's light, in levels, under which an image is left untouched. */
export const EVEN_BELOW = 10;
/** Share of the image the background must cover for its light to be measured. */
const MIN_BACKGROUND = 0.2;

export interface Illumination {
  image: RgbImage;
  /**
   * Spread of the background's light field in levels (p95 − p5 of its luma); for a background whose own luma
   * range is under EVEN_BELOW, that range (an upper bound: the field is not computed). 0 for a flat background.
   */
  unevenness: number;
  /** Whether the image was corrected (unevenness at or above EVEN_BELOW). */
  corrected: boolean;
}

/** Evens out the light of `img`; see the file comment. */
export function evenIllumination(img: RgbImage): Illumination {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const mask = backgroundMask(img);
  // Too little background to measure the light on (heavy noise makes edges everywhere): leave the image alone.
  let seen = 0;
  for (let p = 0; p < n; p++) seen += mask[p]!;
  if (seen < n * MIN_BACKGROUND) return { image: img, unevenness: 0, corrected: false };
  // The light field at every pixel is a weighted mean of background pixels, the same weights for each channel,
  // so its luma stays within the background's own luma range: a range under EVEN_BELOW (every clean
  // screenshot) bounds the unevenness without smoothing anything, which costs most of this function.
  const spread = backgroundSpread(data, mask);
  if (spread < EVEN_BELOW) return { image: img, unevenness: spread, corrected: false };
  const fields: Float32Array[] = [];
  for (let c = 0; c < 3; c++) {
    const v = new Float32Array(n);
    for (let p = 0; p < n; p++) v[p] = mask[p] ? data[p * 3 + c]! : 0;
    fields.push(fillSmooth(v, mask, w, h));
  }
  const luma = new Float32Array(n);
  for (let p = 0; p < n; p++) luma[p] = 0.299 * fields[0]![p]! + 0.587 * fields[1]![p]! + 0.114 * fields[2]![p]!;
  const sorted = Float32Array.from(luma).sort();
  const unevenness = sorted[Math.floor(n * 0.95)]! - sorted[Math.floor(n * 0.05)]!;
  if (unevenness < EVEN_BELOW) return { image: img, unevenness, corrected: false };

  const light = sorted[Math.floor(n * 0.5)]! >= 128;
  const out = new Uint8Array(data.length);
  for (let c = 0; c < 3; c++) {
    const f = fields[c]!;
    const values = Float32Array.from(f).sort();
    // Light: the brightest part of the background is its true colour (light falls off from there). Dark: the
    // median, as bands add and take away light about it.
    const ref = light ? values[Math.floor(n * 0.98)]! : values[Math.floor(n * 0.5)]!;
    for (let p = 0; p < n; p++) {
      const v = data[p * 3 + c]!;
      const x = light ? (v * ref) / Math.max(8, f[p]!) : v - (f[p]! - ref);
      out[p * 3 + c] = x < 0 ? 0 : x > 255 ? 255 : Math.round(x);
    }
  }
  return { image: { width: w, height: h, data: out }, unevenness, corrected: true };
}

/** Max − min luma of the pixels in `mask`: an upper bound of the light field's spread (see evenIllumination). */
function backgroundSpread(data: Uint8Array, mask: Uint8Array): number {
  let lo = 255;
  let hi = 0;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const v = 0.299 * data[p * 3]! + 0.587 * data[p * 3 + 1]! + 0.114 * data[p * 3 + 2]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}

/**
 * The background: the largest 4-connected region free of edges (see blockedByEdges: an edge is widened by a
 * pixel, so that a faint bubble outline with a gap still closes). Slow gradients (vignetting, moiré bands) are no edges; the
 * outline of even a pale bubble is. Pixels in `exclude` never belong to it.
 */
export function backgroundMask(img: RgbImage, exclude?: Uint8Array): Uint8Array {
  const { width: w, height: h } = img;
  const n = w * h;
  const blocked = blockedByEdges(img);
  if (exclude) for (let p = 0; p < n; p++) if (exclude[p]) blocked[p] = 1;
  const labels = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let best = -1;
  let bestArea = 0;
  let id = 0;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || blocked[start]) continue;
    let top = 0;
    let area = 0;
    stack[top++] = start;
    labels[start] = id;
    while (top > 0) {
      const p = stack[--top]!;
      area += 1;
      const x = p % w;
      if (x > 0 && labels[p - 1] === -1 && !blocked[p - 1]) (labels[p - 1] = id), (stack[top++] = p - 1);
      if (x < w - 1 && labels[p + 1] === -1 && !blocked[p + 1]) (labels[p + 1] = id), (stack[top++] = p + 1);
      if (p >= w && labels[p - w] === -1 && !blocked[p - w]) (labels[p - w] = id), (stack[top++] = p - w);
      if (p < n - w && labels[p + w] === -1 && !blocked[p + w]) (labels[p + w] = id), (stack[top++] = p + w);
    }
    if (area > bestArea) [best, bestArea] = [id, area];
    id += 1;
  }
  const mask = new Uint8Array(n);
  for (let p = 0; p < n; p++) mask[p] = labels[p] === best ? 1 : 0;
  return mask;
}

/**
 * A smooth field through the masked values, filled in where the mask is empty (normalised convolution with a
 * box filter applied three times, nearly a Gaussian): a fine radius where the background is near, a coarse one
 * under large bubbles far from any background pixel.
 */
function fillSmooth(values: Float32Array, mask: Uint8Array, w: number, h: number): Float32Array {
  const weights = new Float32Array(mask.length);
  for (let p = 0; p < mask.length; p++) weights[p] = mask[p]!;
  const fine = Math.max(2, Math.round(w / 40));
  const coarse = Math.max(fine * 2, Math.round(w / 8));
  const vf = blur3(values, w, h, fine);
  const wf = blur3(weights, w, h, fine);
  const vc = blur3(values, w, h, coarse);
  const wc = blur3(weights, w, h, coarse);
  const out = new Float32Array(values.length);
  for (let p = 0; p < out.length; p++) {
    const a = wf[p]!;
    const coarseValue = wc[p]! > 1e-4 ? vc[p]! / wc[p]! : 0;
    // Blend: where the fine window holds little background, lean on the coarse estimate.
    const t = Math.min(1, a / 0.2);
    out[p] = a > 1e-6 ? t * (vf[p]! / a) + (1 - t) * coarseValue : coarseValue;
  }
  return out;
}

/** Three passes of a separable box filter of radius r (edges clamped): close to a Gaussian of sigma ≈ r. */
function blur3(src: Float32Array, w: number, h: number, r: number): Float32Array {
  let a = Float32Array.from(src);
  let b = new Float32Array(src.length);
  for (let pass = 0; pass < 3; pass++) {
    boxRows(a, b, w, h, r);
    boxColumns(b, a, w, h, r);
  }
  return a;
}

function boxRows(src: Float32Array, dst: Float32Array, w: number, h: number, r: number): void {
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = 0;
    let count = 0;
    for (let x = 0; x <= Math.min(w - 1, r); x++) {
      sum += src[row + x]!;
      count += 1;
    }
    for (let x = 0; x < w; x++) {
      dst[row + x] = sum / count;
      const add = x + r + 1;
      const drop = x - r;
      if (add < w) {
        sum += src[row + add]!;
        count += 1;
      }
      if (drop >= 0) {
        sum -= src[row + drop]!;
        count -= 1;
      }
    }
  }
}

function boxColumns(src: Float32Array, dst: Float32Array, w: number, h: number, r: number): void {
  for (let x = 0; x < w; x++) {
    let sum = 0;
    let count = 0;
    for (let y = 0; y <= Math.min(h - 1, r); y++) {
      sum += src[y * w + x]!;
      count += 1;
    }
    for (let y = 0; y < h; y++) {
      dst[y * w + x] = sum / count;
      const add = y + r + 1;
      const drop = y - r;
      if (add < h) {
        sum += src[add * w + x]!;
        count += 1;
      }
      if (drop >= 0) {
        sum -= src[drop * w + x]!;
        count -= 1;
      }
    }
  }
}
