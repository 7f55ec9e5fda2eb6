/**
 * A cheap look at how a screenshot was degraded, taken on the small copy the layout is found on, so the
 * preprocessing of each image can be chosen before any OCR: noise (sensor noise, heavy JPEG, moiré) asks for a
 * median filter, soft text for sharpening and a larger scale, a tilt for a rotation. Pure functions over pixels.
 */
import type { Rgb, RgbImage } from './layout';

export interface ImageQuality {
  /** Median absolute difference of a pixel from its four neighbours' mean (luma, 0–255) on the small copy. */
  noise: number;
  /** Tilt of the text lines in degrees (positive = clockwise), 0 when none is found. */
  tilt: number;
  /** Whether the image is a photo of a screen whose surround was cut away (see screen-photo.ts). */
  screen?: boolean;
  /** Spread of the background's light in levels (see illumination.ts); evened out from EVEN_BELOW up. */
  unevenness?: number;
}

/** How each region is prepared for OCR. */
export interface Preprocessing {
  /** Glyph height, in pixels, every region is scaled to. */
  glyph: number;
  /** A 3×3 median before recognition (noise, JPEG blocks, moiré). */
  median: boolean;
  /** Unsharp masking (soft or blurred text). */
  sharpen: boolean;
  /** Gaussian smoothing (sigma, in pixels at the region's own resolution) before scaling; 0 for none. */
  smooth: number;
}

/** Glyph height small regions are scaled up to on the first pass: Tesseract's LSTM models read 30–40 px glyphs best. */
export const TARGET_GLYPH_PX = 34;
/**
 * Regions whose glyphs are already taller than the target are scaled down further, to this share of it (28 px on
 * the first pass): a full-size screenshot's 45 px glyphs read as well at 28 px as at 34 on the dev screenshots
 * (clean CER 4.9 → 4.8 %) and the smaller collage costs less (full-size CPU about −8 %), while small labels
 * scaled up read better at 34 (dev degraded: 109 → 105 of 141 times right when everything went to 28).
 */
export const DOWNSCALED_GLYPH_SHARE = 28 / 34;
/** Noise (see ImageQuality.noise) above which regions get a median filter. */
export const NOISY = 2.5;
/** Noise above which each region is smoothed before it is scaled (grey labels drown in speckle otherwise). */
export const GRAINY = 1.5;
/** Edge sharpness (see textSharpness) below which text counts as soft and is sharpened and scaled up. */
export const SOFT = 0.32;

const lumaAt = (d: Uint8Array, p: number) => 0.299 * d[p * 3]! + 0.587 * d[p * 3 + 1]! + 0.114 * d[p * 3 + 2]!;

/** Noise level of an image: the median absolute Laplacian over every other pixel (flat areas dominate). */
export function estimateNoise(img: RgbImage): number {
  const { width: w, height: h, data } = img;
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = 1; y < h - 1; y += 2) {
    for (let x = 1; x < w - 1; x += 2) {
      const p = y * w + x;
      const around = (lumaAt(data, p - 1) + lumaAt(data, p + 1) + lumaAt(data, p - w) + lumaAt(data, p + w)) / 4;
      hist[Math.min(255, Math.round(Math.abs(lumaAt(data, p) - around) * 4))]! += 1;
      n += 1;
    }
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen * 2 >= n) return v / 4;
  }
  return 0;
}

/**
 * The tilt of the text: the angle (within ±6°) whose row projection of ink pixels is most peaked. Ink is what
 * differs from the background by more than `inkTol`. Returns 0 unless a tilt beats upright by a clear margin.
 */
export function estimateTilt(img: RgbImage, background: Rgb, inkTol = 40): number {
  const { width: w, height: h, data } = img;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 3;
      if (Math.max(Math.abs(data[p]! - background[0]), Math.abs(data[p + 1]! - background[1]), Math.abs(data[p + 2]! - background[2])) > inkTol) {
        xs.push(x - w / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 50) return 0;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const hist = new Float64Array(h + w);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i]! - xs[i]! * t + w / 2);
      if (r >= 0 && r < hist.length) hist[r]! += 1;
    }
    let s = 0;
    for (const v of hist) s += v * v;
    return s;
  };
  const upright = score(0);
  let best = 0;
  let bestScore = upright;
  for (let d = -6; d <= 6; d += 0.5) {
    const s = score(d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  for (let d = best - 0.4; d <= best + 0.4; d += 0.1) {
    const s = score(d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return bestScore > upright * 1.08 ? Math.round(best * 10) / 10 : 0;
}

/**
 * Edge sharpness of a region already mapped to black text on white (0–1): the mean of the strongest 3 % of
 * horizontal and vertical steps, over 255. Crisp text steps from white to black within a pixel or two.
 */
export function textSharpness(grey: Uint8Array, width: number, height: number): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0; x < width - 1; x++) {
      const p = y * width + x;
      const g = Math.max(Math.abs(grey[p]! - grey[p + 1]!), Math.abs(grey[p]! - grey[p + width]!));
      hist[g]! += 1;
      n += 1;
    }
  }
  let want = Math.max(1, Math.round(n * 0.03));
  let sum = 0;
  let count = 0;
  for (let v = 255; v >= 0 && want > 0; v--) {
    const take = Math.min(hist[v]!, want);
    sum += take * v;
    count += take;
    want -= take;
  }
  return count === 0 ? 0 : sum / count / 255;
}

/** The first pass's preprocessing for an image of this quality and text sharpness. */
export function choosePreprocessing(q: ImageQuality, sharpness: number): Preprocessing {
  return { glyph: TARGET_GLYPH_PX, median: q.noise >= NOISY, sharpen: sharpness < SOFT, smooth: q.noise >= GRAINY ? 0.8 : 0 };
}

/**
 * The second pass for regions the first read with low confidence: larger; on a grainy image smoothed harder and
 * median-filtered, else with the median choice flipped.
 */
export function alternativePreprocessing(p: Preprocessing): Preprocessing {
  const glyph = Math.round(p.glyph * 1.3);
  return p.smooth > 0 ? { glyph, median: true, sharpen: false, smooth: p.smooth * 1.5 } : { glyph, median: !p.median, sharpen: p.sharpen, smooth: 0 };
}
