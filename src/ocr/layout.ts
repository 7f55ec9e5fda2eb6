/**
 * Finds the layout of a chat or SMS screenshot before any OCR: the message bubbles (filled rounded boxes of one
 * colour, with text inside) and which side each is on, and the lines of text outside them (status bar and title
 * in the header, time separators, times under bubbles). Works on a small RGB copy of the image (about 360 px
 * wide) so it costs a few milliseconds; boxes come back in that copy's pixels and the caller scales them.
 *
 * Left bubbles are the other side's (grey or white in WeChat, QQ, iOS and Android SMS), right bubbles the user's
 * (green or blue). Position decides; colour only breaks ties for bubbles that span the width.
 */
import { blockedByEdges } from './edges';
import type { RgbImage } from './raster';

export type { RgbImage } from './raster';

/** A box in pixels: x0/y0 inclusive, x1/y1 exclusive. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Rgb = [number, number, number];
export type Side = 'collector' | 'user';

export interface BubbleRegion {
  box: Box;
  side: Side;
  fill: Rgb;
  /** Height of the tallest run of text rows inside, in layout pixels (about one line of glyphs). */
  glyphHeight: number;
}

export type TextKind = 'header' | 'separator' | 'aside' | 'footer';

export interface TextRegion {
  box: Box;
  kind: TextKind;
  glyphHeight: number;
  /** For an aside right under a bubble (Android prints each bubble's time there): that bubble's index. */
  under?: number;
}

export interface Layout {
  width: number;
  height: number;
  background: Rgb;
  dark: boolean;
  /** Bubbles top to bottom. */
  bubbles: BubbleRegion[];
  /** Lines of text outside bubbles, top to bottom. */
  texts: TextRegion[];
  /** Where the header (status bar and title) ends, in layout pixels. */
  headerBottom: number;
  /**
   * False when bubbles overlap one another, which no chat app draws: the colours did not separate (a photo of
   * a screen with moiré and uneven light), and the layout is not to be trusted over a whole-image read.
   */
  plausible: boolean;
}

export interface LayoutOptions {
  /** Colour tolerance for growing a filled region, per channel (0–255). Larger for noisy images. */
  tolerance?: number;
  /**
   * How filled regions are found: 'colour' grows each from a seed while the colour stays near the region's mean
   * (screenshots: exact fills); 'edges' takes the regions between edges (photos of screens: a fill that drifts
   * with the light and moiré is still one region, and a pale bubble's outline still separates it).
   */
  segmentation?: 'colour' | 'edges';
}

const diff = (a: Rgb, r: number, g: number, b: number) => Math.max(Math.abs(a[0] - r), Math.abs(a[1] - g), Math.abs(a[2] - b));
const luma = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];

interface Component {
  id: number;
  area: number;
  box: Box;
  mean: Rgb;
}

/**
 * Labels regions of near-uniform colour: each grows from a seed over 4-neighbours whose colour is within
 * `tol` of the region's running mean (so a soft edge or a slow gradient never lets a bubble leak into the
 * background). Returns the label image and the components.
 */
function labelRegions(img: RgbImage, tol: number): { labels: Int32Array; components: Component[] } {
  const { width: w, height: h, data } = img;
  const labels = new Int32Array(w * h).fill(-1);
  const components: Component[] = [];
  const stack = new Int32Array(w * h);
  for (let start = 0; start < w * h; start++) {
    if (labels[start] !== -1) continue;
    const id = components.length;
    let sr = data[start * 3]!;
    let sg = data[start * 3 + 1]!;
    let sb = data[start * 3 + 2]!;
    let n = 1;
    let mr = sr;
    let mg = sg;
    let mb = sb;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = id;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      if (y >= y1) y1 = y + 1;
      // The four neighbours, without a closure per pixel (this loop runs for every pixel of the image).
      for (let k = 0; k < 4; k++) {
        let q: number;
        if (k === 0) {
          if (x === 0) continue;
          q = p - 1;
        } else if (k === 1) {
          if (x === w - 1) continue;
          q = p + 1;
        } else if (k === 2) {
          if (y === 0) continue;
          q = p - w;
        } else {
          if (y === h - 1) continue;
          q = p + w;
        }
        if (labels[q] !== -1) continue;
        const r = data[q * 3]!;
        const g = data[q * 3 + 1]!;
        const b = data[q * 3 + 2]!;
        if (Math.abs(mr - r) > tol || Math.abs(mg - g) > tol || Math.abs(mb - b) > tol) continue;
        labels[q] = id;
        stack[top++] = q;
        sr += r;
        sg += g;
        sb += b;
        n += 1;
        mr = sr / n;
        mg = sg / n;
        mb = sb / n;
      }
    }
    components.push({ id, area: n, box: { x0, y0, x1, y1 }, mean: [mr, mg, mb] });
  }
  return { labels, components };
}

/**
 * Labels the regions between edges (see blockedByEdges): 4-connected pixels none of which is on or next to an
 * edge. Edge pixels keep the label -1. Each component's mean is its pixels' mean colour.
 */
function labelFlatRegions(img: RgbImage): { labels: Int32Array; components: Component[] } {
  const { width: w, height: h, data } = img;
  const n = w * h;
  const blocked = blockedByEdges(img);
  const labels = new Int32Array(n).fill(-1);
  const components: Component[] = [];
  const stack = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || blocked[start]) continue;
    const id = components.length;
    let top = 0;
    let area = 0;
    let sr = 0;
    let sg = 0;
    let sb = 0;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    stack[top++] = start;
    labels[start] = id;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w;
      const y = (p - x) / w;
      area += 1;
      sr += data[p * 3]!;
      sg += data[p * 3 + 1]!;
      sb += data[p * 3 + 2]!;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      if (y >= y1) y1 = y + 1;
      if (x > 0 && labels[p - 1] === -1 && !blocked[p - 1]) (labels[p - 1] = id), (stack[top++] = p - 1);
      if (x < w - 1 && labels[p + 1] === -1 && !blocked[p + 1]) (labels[p + 1] = id), (stack[top++] = p + 1);
      if (y > 0 && labels[p - w] === -1 && !blocked[p - w]) (labels[p - w] = id), (stack[top++] = p - w);
      if (y < h - 1 && labels[p + w] === -1 && !blocked[p + w]) (labels[p + w] = id), (stack[top++] = p + w);
    }
    components.push({ id, area, box: { x0, y0, x1, y1 }, mean: [sr / area, sg / area, sb / area] });
  }
  return { labels, components };
}

/** Runs of consecutive true rows: [start, end) pairs. */
function runs(flags: boolean[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = -1;
  for (let i = 0; i <= flags.length; i++) {
    if (i < flags.length && flags[i]) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      out.push([s, i]);
      s = -1;
    }
  }
  return out;
}

/**
 * Finds the layout of a screenshot. `img` should already be small (about 360 px wide), smoothed and
 * contrast-stretched; see read-layout.ts.
 */
export function findLayout(img: RgbImage, opts: LayoutOptions = {}): Layout {
  const { width: W, height: H, data } = img;
  const tol = opts.tolerance ?? 10;
  const byEdges = opts.segmentation === 'edges';
  const { labels, components } = byEdges ? labelFlatRegions(img) : labelRegions(img, tol);
  const bg = components.reduce((a, b) => (b.area > a.area ? b : a));
  const background = bg.mean.map(Math.round) as Rgb;
  const dark = luma(background) < 100;
  const inkTol = Math.max(26, tol * 2);
  const isInk = (p: number, ref: Rgb) => {
    const i = p * 3;
    return Math.abs(ref[0] - data[i]!) > inkTol || Math.abs(ref[1] - data[i + 1]!) > inkTol || Math.abs(ref[2] - data[i + 2]!) > inkTol;
  };

  // Bubbles: filled components of another colour than the background, not full-width bars, with text inside.
  const minSide = Math.max(6, Math.round(W * 0.05));
  const bubbles: Array<BubbleRegion & { id: number }> = [];
  const solids: Component[] = [];
  for (const c of components) {
    if (c.id === bg.id) continue;
    const bw = c.box.x1 - c.box.x0;
    const bh = c.box.y1 - c.box.y0;
    if (bw < minSide || bh < Math.max(5, Math.round(W * 0.03)) || c.area < minSide * minSide * 0.5) continue;
    if (diff(background, c.mean[0], c.mean[1], c.mean[2]) < Math.max(5, tol * 0.6)) continue;
    // Between edges, the pixels around each glyph belong to no region: count the shape's rows from its first to
    // its last pixel instead.
    const density = (byEdges ? spanArea(labels, W, c) : c.area) / (bw * bh);
    if (density < 0.45) continue;
    // Status, title and input bars: wider than any bubble (apps keep bubbles within about 80 % of the width),
    // or touching an edge of the image, as bubbles never do (a bar straightened from a tilted photo is narrower).
    if (bw > W * 0.86) continue;
    if (c.box.x0 <= 1 || c.box.x1 >= W - 1 || c.box.y0 <= 1) continue;
    if (bw < W * 0.1 && Math.abs(bw - bh) <= 2) {
      solids.push(c); // a round or square avatar, however it is filled
      continue;
    }
    // Ink inside the shape: within each row, between the component's first and last pixel (so the background
    // in the corners of a round avatar or a rounded box never counts).
    let holes = 0;
    for (let y = c.box.y0; y < c.box.y1; y++) {
      let first = -1;
      let last = -1;
      for (let x = c.box.x0; x < c.box.x1; x++) {
        if (labels[y * W + x] === c.id) {
          if (first < 0) first = x;
          last = x;
        }
      }
      for (let x = first + 1; first >= 0 && x < last; x++) {
        const p = y * W + x;
        if (labels[p] !== c.id && isInk(p, c.mean)) holes += 1;
      }
    }
    if (holes < c.area * 0.01 || holes < 4) {
      solids.push(c); // avatars and icons: uniform colour, no text
      continue;
    }
    bubbles.push({ id: c.id, box: c.box, side: 'collector', fill: c.mean.map(Math.round) as Rgb, glyphHeight: glyphHeight(img, labels, c.id, c.box, c.mean, inkTol) });
  }
  bubbles.sort((a, b) => a.box.y0 - b.box.y0);
  // The input field at the bottom (with its hint, e.g. 短信) is shaped like a bubble: the last wide box that
  // starts within the footer band is taken for it.
  const last = bubbles.at(-1);
  if (last && last.box.y0 >= H - W * 0.2 && last.box.x1 - last.box.x0 > W * 0.55) bubbles.pop();
  assignSides(bubbles, W);

  // Header: the last full-width edge (a bar's end or a hairline) near the top.
  let headerBottom = Math.round(W * 0.25);
  for (let y = Math.round(W * 0.08); y < Math.min(H - 2, Math.round(W * 0.33)); y++) {
    let changed = 0;
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      const q = (y + 2) * W + x;
      if (Math.max(Math.abs(data[p * 3]! - data[q * 3]!), Math.abs(data[p * 3 + 1]! - data[q * 3 + 1]!), Math.abs(data[p * 3 + 2]! - data[q * 3 + 2]!)) >= 5) changed += 1;
    }
    if (changed >= W * 0.85) headerBottom = y + 2;
  }
  const firstBubble = bubbles[0]?.box.y0 ?? H;
  headerBottom = Math.min(headerBottom, firstBubble);

  // Text outside bubbles: rows with ink against the background, bubbles and solid shapes masked out.
  const masked = new Uint8Array(W * H);
  const mask = (b: Box, pad: number) => {
    for (let y = Math.max(0, b.y0 - pad); y < Math.min(H, b.y1 + pad); y++) masked.fill(1, y * W + Math.max(0, b.x0 - pad), y * W + Math.min(W, b.x1 + pad));
  };
  for (const b of bubbles) mask(b.box, 2);
  for (const s of solids) mask(s.box, 1);
  const inkRows: boolean[] = [];
  const rowInk: number[] = [];
  for (let y = 0; y < H; y++) {
    let n = 0;
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      if (!masked[p] && isInk(p, background)) n += 1;
    }
    rowInk.push(n);
    inkRows.push(n >= 2 && n < W * 0.9);
  }
  // Merge runs split by a thin gap (strokes of one line), drop runs too thin to be text (hairlines).
  const merged: Array<[number, number]> = [];
  for (const r of runs(inkRows)) {
    const last = merged.at(-1);
    if (last && r[0] - last[1] <= Math.max(1, Math.round((r[1] - r[0]) * 0.25))) last[1] = r[1];
    else merged.push([...r]);
  }
  const texts: TextRegion[] = [];
  /** Column runs with ink in rows y0..y1, split where a gap is at least `gap` wide. */
  const inkColumnRuns = (y0: number, y1: number, gap: number): Array<[number, number]> => {
    const cols: boolean[] = [];
    for (let x = 0; x < W; x++) {
      let ink = false;
      for (let y = y0; y < y1 && !ink; y++) {
        const p = y * W + x;
        ink = !masked[p] && isInk(p, background);
      }
      cols.push(ink);
    }
    const out: Array<[number, number]> = [];
    for (const r of runs(cols)) {
      const last = out.at(-1);
      if (last && r[0] - last[1] < gap) last[1] = r[1];
      else out.push([...r]);
    }
    return out;
  };
  const minGlyph = Math.max(3, Math.round(W * 0.011));
  const footerTop = H - Math.round(W * 0.16);
  for (const [y0, y1] of merged) {
    if (y1 - y0 < minGlyph) continue;
    let x0 = W;
    let x1 = 0;
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < W; x++) {
        const p = y * W + x;
        if (!masked[p] && isInk(p, background)) {
          if (x < x0) x0 = x;
          if (x >= x1) x1 = x + 1;
        }
      }
    }
    if (x1 <= x0) continue;
    if ((y0 + y1) / 2 < headerBottom) {
      // The header line holds a back arrow, the title and a menu glyph apart: each piece is its own region,
      // so an arrow is never read as part of the name.
      for (const [a, b] of inkColumnRuns(y0, y1, Math.max(Math.round(0.6 * (y1 - y0)), Math.round(W * 0.03)))) {
        texts.push({ box: { x0: a, y0, x1: b, y1 }, kind: 'header', glyphHeight: y1 - y0 });
      }
      continue;
    }
    const box = { x0, y0, x1, y1 };
    const cy = (y0 + y1) / 2;
    const cx = (x0 + x1) / 2;
    let kind: TextKind;
    let under: number | undefined;
    if (cy < headerBottom) kind = 'header';
    else if (y0 >= footerTop && !bubbles.some((b) => b.box.y0 >= y1)) kind = 'footer';
    else {
      const above = bubbles.findIndex((b, i) => b.box.y1 <= y0 + 1 && y0 - b.box.y1 < W * 0.06 && x0 >= b.box.x0 - W * 0.05 && x1 <= b.box.x1 + W * 0.05 && !(bubbles[i + 1] && bubbles[i + 1]!.box.y0 < y0));
      const centred = Math.abs(cx - W / 2) < W * 0.1;
      if (above >= 0 && !centred) {
        kind = 'aside';
        under = above;
      } else kind = centred ? 'separator' : 'aside';
    }
    texts.push({ box, kind, glyphHeight: y1 - y0, ...(under !== undefined ? { under } : {}) });
  }
  const plausible = bubbles.every((a, i) => bubbles.every((b, j) => j <= i || overlap(a.box, b.box) < 0.1));
  return { width: W, height: H, background, dark, bubbles: bubbles.map(({ id: _id, ...b }) => b), texts, headerBottom, plausible };
}

/**
 * Lines of text outside bubbles wider than any separator or time (40 % of the width), below the header and above
 * the footer: message text whose bubble was not found (its fill merged with the background).
 */
export function strayLines(layout: Layout): number {
  return layout.texts.filter((t) => (t.kind === 'separator' || t.kind === 'aside') && t.box.x1 - t.box.x0 > layout.width * 0.4).length;
}

/** The pixels of a component's rows from its first to its last pixel on each (its area with the holes filled). */
function spanArea(labels: Int32Array, W: number, c: Component): number {
  let sum = 0;
  for (let y = c.box.y0; y < c.box.y1; y++) {
    let first = -1;
    let last = -1;
    for (let x = c.box.x0; x < c.box.x1; x++) {
      if (labels[y * W + x] === c.id) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first >= 0) sum += last - first + 1;
  }
  return sum;
}

/** The area two boxes share, over the smaller box's area. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
}

/** The height of the tallest run of text rows inside a bubble (about a line of glyphs). */
function glyphHeight(img: RgbImage, labels: Int32Array, id: number, box: Box, fill: Rgb, inkTol: number): number {
  const { width: W, data } = img;
  const rows: boolean[] = [];
  for (let y = box.y0; y < box.y1; y++) {
    // Only between the bubble's own first and last pixel on the row: the rounded corners are not text.
    let first = -1;
    let last = -1;
    for (let x = box.x0; x < box.x1; x++) {
      if (labels[y * W + x] === id) {
        if (first < 0) first = x;
        last = x;
      }
    }
    let n = 0;
    for (let x = first + 1; first >= 0 && x < last; x++) {
      const p = y * W + x;
      if (labels[p] !== id && diff(fill, data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!) > inkTol) n += 1;
    }
    rows.push(n > 0);
  }
  const hs = runs(rows).map(([a, b]) => b - a).filter((h) => h >= 2).sort((a, b) => a - b);
  return hs.length === 0 ? box.y1 - box.y0 : hs[Math.floor(hs.length / 2)]!;
}

/**
 * Left or right: a bubble that keeps to the left margin shared by the screenshot's bubbles is the other side's,
 * one at the right margin the user's. A bubble touching both margins (a long message) takes the side whose
 * bubbles share its colour, else green or blue fills count as the user's.
 */
function assignSides(bubbles: BubbleRegion[], W: number): void {
  if (bubbles.length === 0) return;
  const near = W * 0.035;
  const lefts = bubbles.map((b) => b.box.x0).filter((x) => x < W * 0.3);
  const rights = bubbles.map((b) => b.box.x1).filter((x) => x > W * 0.7);
  const leftMargin = lefts.length > 0 ? mode(lefts, near) : -W;
  const rightMargin = rights.length > 0 ? mode(rights, near) : 2 * W;
  const undecided: BubbleRegion[] = [];
  for (const b of bubbles) {
    const atLeft = Math.abs(b.box.x0 - leftMargin) <= near && b.box.x0 < W * 0.3;
    const atRight = Math.abs(b.box.x1 - rightMargin) <= near && b.box.x1 > W * 0.7;
    const leftGap = b.box.x0;
    const rightGap = W - b.box.x1;
    if (atLeft && !atRight) b.side = 'collector';
    else if (atRight && !atLeft) b.side = 'user';
    else if (Math.abs(leftGap - rightGap) > W * 0.06) b.side = leftGap < rightGap ? 'collector' : 'user';
    else undecided.push(b);
  }
  for (const b of undecided) {
    const same = bubbles.filter((o) => !undecided.includes(o) && diff(o.fill, ...b.fill) < 20);
    if (same.length > 0) b.side = same[0]!.side;
    else b.side = colourful(b.fill) ? 'user' : 'collector';
  }
}

/** True for a saturated green or blue (the user's bubble colours in the common apps). */
export function colourful(c: Rgb): boolean {
  const max = Math.max(...c);
  const min = Math.min(...c);
  return max > 60 && (max - min) / max > 0.25 && (c[1] === max || c[2] === max);
}

/** The value most others are within `near` of (the densest cluster's median). */
function mode(xs: number[], near: number): number {
  let best = xs[0]!;
  let count = 0;
  for (const x of xs) {
    const n = xs.filter((y) => Math.abs(y - x) <= near).length;
    if (n > count) {
      count = n;
      best = x;
    }
  }
  return best;
}

/** The most common colour of an image (8-level buckets), e.g. the chat background before the layout is known. */
export function dominantColour(img: RgbImage): Rgb {
  const counts = new Map<number, number>();
  const { data } = img;
  for (let p = 0; p < data.length; p += 6) {
    const key = ((data[p]! >> 3) << 10) | ((data[p + 1]! >> 3) << 5) | (data[p + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 0;
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return [((best >> 10) << 3) + 4, (((best >> 5) & 31) << 3) + 4, ((best & 31) << 3) + 4];
}
