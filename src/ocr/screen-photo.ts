/**
 * Finds the phone's screen in a photo of it and straightens it. The screen's sides are the long straight edges
 * near the image border — a chat has no long vertical line of its own, and a desk, a hand or a bezel ends where
 * the screen begins — found by a Hough vote over the edge pixels near each side of the image. A projective warp
 * then maps the four corners to an upright rectangle, undoing rotation, shear and the keystone of a camera held
 * at an angle all at once. A screenshot has no such left and right edges and is left alone.
 */
import { blockedByEdges } from './edges';
import type { RgbImage } from './raster';

export interface Point {
  x: number;
  y: number;
}

/** The screen's corners, clockwise from the top left, in the pixels of the image it was found in. */
export interface Quad {
  tl: Point;
  tr: Point;
  br: Point;
  bl: Point;
}

/** Share of the image's side, from each border, searched for the screen's edge. */
const STRIP = 0.3;
/** Share of the rows (columns) a side must be seen on to count as the screen's edge. */
const MIN_SUPPORT = 0.6;
/** Largest slope of a side (tan of its angle from the vertical or horizontal). */
const MAX_SLOPE = 0.15;
const SLOPE_STEP = 0.005;
/** Pixels (of the small copy) the fitted sides are moved inwards: a fitted edge leaves slivers of the desk. */
const INSET = 2;

interface Line {
  /** v = a + b·u: x = a + b·y for the left and right sides, y = a + b·x for the top and bottom. */
  a: number;
  b: number;
}

/**
 * The screen of a photo of a phone (in `img`'s pixels), or undefined for a screenshot: no long straight left
 * and right edges near the image border. A top or bottom edge not seen (the photo cuts the screen off) is the
 * image border.
 */
export function findScreen(img: RgbImage): Quad | undefined {
  const { width: w, height: h } = img;
  const edge = blockedByEdges(img, 0);
  // Vertical sides: u = y runs over rows, v = x. Horizontal sides: u = x over columns, v = y. The left and right
  // sides are the innermost long edges (a bezel or a desk edge may run outside them; nothing inside a chat is a
  // long vertical line), the top and bottom the outermost (the header's and the input bar's hairlines run inside).
  const side = (vertical: boolean, far: boolean): Line | undefined => {
    const len = vertical ? h : w;
    const span = vertical ? w : h;
    const lo = far ? Math.floor(span * (1 - STRIP)) : 0;
    const hi = far ? span : Math.ceil(span * STRIP);
    const edgeAt = vertical ? (u: number, v: number) => edge[u * w + v] === 1 : (u: number, v: number) => edge[v * w + u] === 1;
    return houghSide(len, lo, hi, edgeAt, vertical !== far);
  };
  const left = side(true, false);
  const right = side(true, true);
  if (!left || !right) return undefined;
  if (Math.abs(left.b - right.b) > 0.08) return undefined;
  const midY = h / 2;
  if (right.a + right.b * midY - (left.a + left.b * midY) < w * 0.5) return undefined;
  const upper = side(false, false) ?? { a: 0, b: 0 };
  const lower = side(false, true) ?? { a: h, b: 0 };
  left.a += INSET;
  right.a -= INSET;
  upper.a += INSET;
  lower.a -= INSET;
  const corner = (v: Line, hz: Line): Point => {
    // x = v.a + v.b·y and y = hz.a + hz.b·x
    const y = (hz.a + hz.b * v.a) / (1 - hz.b * v.b);
    return { x: v.a + v.b * y, y };
  };
  return { tl: corner(left, upper), tr: corner(right, upper), br: corner(right, lower), bl: corner(left, lower) };
}

/**
 * The straight edge v = a + b·u (u over [0, len), v within [lo, hi)) seen on at least MIN_SUPPORT of the u, by a
 * Hough vote over the slopes within ±MAX_SLOPE; among several, the one with the largest v (`largest`) or the
 * smallest. Refined by least squares over the edge pixels within a pixel of it.
 */
function houghSide(len: number, lo: number, hi: number, edgeAt: (u: number, v: number) => boolean, largest: boolean): Line | undefined {
  const slopes = Math.round((2 * MAX_SLOPE) / SLOPE_STEP) + 1;
  const pad = Math.ceil(MAX_SLOPE * len);
  const bins = hi - lo + 2 * pad;
  const votes = new Uint16Array(slopes * bins);
  const points: Array<[number, number]> = [];
  for (let u = 0; u < len; u++) for (let v = lo; v < hi; v++) if (edgeAt(u, v)) points.push([u, v]);
  for (const [u, v] of points) {
    for (let k = 0; k < slopes; k++) {
      const b = -MAX_SLOPE + k * SLOPE_STEP;
      const a = Math.round(v - b * (u - len / 2)) - lo + pad;
      if (a >= 0 && a < bins) votes[k * bins + a]! += 1;
    }
  }
  // Candidates: the best slope for each offset, its votes summed over three neighbouring offsets (an edge is
  // about two pixels thick).
  let best: { k: number; a: number; support: number } | undefined;
  const need = len * MIN_SUPPORT;
  for (let a = 1; a < bins - 1; a++) {
    let top = -1;
    let topK = 0;
    for (let k = 0; k < slopes; k++) {
      const s = votes[k * bins + a - 1]! + votes[k * bins + a]! + votes[k * bins + a + 1]!;
      if (s > top) [top, topK] = [s, k];
    }
    if (top < need) continue;
    // Count the u actually supporting it (one vote per row or column, however thick the edge).
    const b = -MAX_SLOPE + topK * SLOPE_STEP;
    const c = a + lo - pad;
    let support = 0;
    for (let u = 0; u < len; u++) {
      const v = Math.round(c + b * (u - len / 2));
      if ((v >= lo && v < hi && edgeAt(u, v)) || (v - 1 >= lo && v - 1 < hi && edgeAt(u, v - 1)) || (v + 1 >= lo && v + 1 < hi && edgeAt(u, v + 1))) support += 1;
    }
    if (support < need) continue;
    if (!best || (largest ? c >= best.a + lo - pad : false)) best = { k: topK, a, support };
  }
  if (!best) return undefined;
  const b = -MAX_SLOPE + best.k * SLOPE_STEP;
  const c = best.a + lo - pad;
  // Least squares over the edge pixels within a pixel of the voted line, in image coordinates (v = a + b·u).
  const near = points.filter(([u, v]) => Math.abs(c + b * (u - len / 2) - v) <= 1.5);
  let su = 0;
  let sv = 0;
  let suu = 0;
  let suv = 0;
  for (const [u, v] of near) {
    su += u;
    sv += v;
    suu += u * u;
    suv += u * v;
  }
  const m = near.length;
  const den = m * suu - su * su;
  if (m < 10 || den === 0) return { a: c - b * (len / 2), b };
  const slope = (m * suv - su * sv) / den;
  return { a: (sv - slope * su) / m, b: slope };
}

/**
 * The homography H (row-major 3×3, h33 = 1) that maps the unit-free points `from[i]` onto `to[i]` (four pairs).
 */
export function homography(from: Point[], to: Point[]): number[] {
  // Solve the 8×8 system for h11..h32.
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    [b[c], b[piv]] = [b[piv]!, b[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 8; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return [...b.map((v, i) => v / a[i]![i]!), 1];
}

/**
 * Warps the screen inside `quad` (in `img`'s pixels) to an upright rectangle as wide as its top and bottom sides
 * and as tall as its left and right sides on average, sampling bilinearly.
 */
export function straightenScreen(img: { data: Uint8Array; width: number; height: number }, quad: Quad): { data: Buffer; width: number; height: number } {
  const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
  const W = Math.round((dist(quad.tl, quad.tr) + dist(quad.bl, quad.br)) / 2);
  const H = Math.round((dist(quad.tl, quad.bl) + dist(quad.tr, quad.br)) / 2);
  // From the output rectangle back into the photo: each output pixel is sampled where it came from.
  const m = homography(
    [
      { x: 0, y: 0 },
      { x: W, y: 0 },
      { x: W, y: H },
      { x: 0, y: H },
    ],
    [quad.tl, quad.tr, quad.br, quad.bl],
  );
  const { data, width: sw, height: sh } = img;
  const out = Buffer.alloc(W * H * 3);
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      const z = m[6]! * u + m[7]! * v + m[8]!;
      const x = (m[0]! * u + m[1]! * v + m[2]!) / z;
      const y = (m[3]! * u + m[4]! * v + m[5]!) / z;
      const x0 = Math.min(sw - 2, Math.max(0, Math.floor(x)));
      const y0 = Math.min(sh - 2, Math.max(0, Math.floor(y)));
      const fx = Math.min(1, Math.max(0, x - x0));
      const fy = Math.min(1, Math.max(0, y - y0));
      const p00 = (y0 * sw + x0) * 3;
      const p10 = p00 + 3;
      const p01 = p00 + sw * 3;
      const p11 = p01 + 3;
      const o = (v * W + u) * 3;
      for (let c = 0; c < 3; c++) {
        const top = data[p00 + c]! + (data[p10 + c]! - data[p00 + c]!) * fx;
        const bottom = data[p01 + c]! + (data[p11 + c]! - data[p01 + c]!) * fx;
        out[o + c] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
  return { data: out, width: W, height: H };
}
