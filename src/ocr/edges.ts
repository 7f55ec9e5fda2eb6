/**
 * Edges on the small copy of a screenshot or photo: where the colour changes across two pixels by more than a
 * few levels. Slow changes (vignetting, moiré bands, a light falling off) are no edges; a bubble's outline, even
 * a pale one, and every glyph are. Regions between edges are what illumination.ts and layout.ts build on.
 */
import type { RgbImage } from './raster';

/** Difference across two pixels, per channel, that makes an edge. */
export const EDGE_STEP = 7;

/**
 * 1 for every pixel on or within `widen` pixels of an edge: a colour difference across two pixels (left and
 * right, or above and below) of more than EDGE_STEP in some channel. Widening closes gaps in faint outlines.
 */
export function blockedByEdges(img: RgbImage, widen = 1): Uint8Array {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const edge = new Uint8Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      for (let c = 0; c < 3; c++) {
        const dx = Math.abs(data[(p + 1) * 3 + c]! - data[(p - 1) * 3 + c]!);
        const dy = Math.abs(data[(p + w) * 3 + c]! - data[(p - w) * 3 + c]!);
        if (dx > EDGE_STEP || dy > EDGE_STEP) {
          edge[p] = 1;
          break;
        }
      }
    }
  }
  let blocked = edge;
  for (let round = 0; round < widen; round++) {
    const grown = new Uint8Array(n);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        if (blocked[p] || (x > 0 && blocked[p - 1]) || (x < w - 1 && blocked[p + 1]) || (y > 0 && blocked[p - w]) || (y < h - 1 && blocked[p + w])) grown[p] = 1;
      }
    }
    blocked = grown;
  }
  return blocked;
}

