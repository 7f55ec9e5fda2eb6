/**
 * The layout finder on small synthetic screenshots drawn here pixel by pixel (no OCR, no fixtures): bubbles and
 * their sides, separators, times under bubbles, the header, avatars left out; and the quality estimates.
 */
import { colourful, findLayout, type Rgb, type RgbImage } from '../../src/ocr/layout';
import { estimateNoise, estimateTilt, textSharpness } from '../../src/ocr/image-quality';
import sharp from 'sharp';
import { inkOnWhite, readLayout } from '../../src/ocr/read-layout';

const W = 360;

function canvas(height: number, bg: Rgb): RgbImage {
  const data = new Uint8Array(W * height * 3);
  for (let p = 0; p < W * height; p++) data.set(bg, p * 3);
  return { width: W, height, data };
}

function fill(img: RgbImage, x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data.set(c, (y * img.width + x) * 3);
}

/** Fake text: a row of glyph-sized blocks with gaps, `lines` lines of `glyph` px. */
function text(img: RgbImage, x0: number, y0: number, x1: number, lines: number, glyph: number, ink: Rgb): void {
  for (let l = 0; l < lines; l++) {
    const y = y0 + l * Math.round(glyph * 1.5);
    for (let x = x0; x + glyph <= x1; x += glyph + 3) fill(img, x, y, x + glyph - 2, y + glyph, ink);
  }
}

interface Theme {
  bg: Rgb;
  left: Rgb;
  right: Rgb;
  ink: Rgb;
  rightInk: Rgb;
  meta: Rgb;
}

/** A WeChat-like thread: header, a separator, a left bubble with an avatar, a right bubble, an Android-like time under it. */
function thread(t: Theme): RgbImage {
  const img = canvas(700, t.bg);
  text(img, 14, 10, 60, 1, 10, t.ink); // status bar clock
  text(img, 130, 50, 230, 1, 14, t.ink); // title
  fill(img, 0, 82, W, 83, t.meta); // hairline
  text(img, 150, 110, 210, 1, 9, t.meta); // separator, centred
  fill(img, 10, 140, 38, 168, [200, 160, 120]); // avatar
  fill(img, 44, 140, 260, 210, t.left); // left bubble
  text(img, 56, 150, 248, 3, 13, t.ink);
  fill(img, 150, 240, 318, 280, t.right); // right bubble
  text(img, 162, 252, 306, 1, 13, t.rightInk);
  text(img, 280, 288, 316, 1, 8, t.meta); // time under the right bubble
  fill(img, 44, 330, 300, 372, t.left); // a long left bubble
  text(img, 56, 342, 288, 1, 13, t.ink);
  return img;
}

const light: Theme = { bg: [237, 237, 237], left: [255, 255, 255], right: [149, 236, 105], ink: [25, 25, 25], rightInk: [25, 25, 25], meta: [160, 160, 160] };
const dark: Theme = { bg: [17, 17, 17], left: [44, 44, 44], right: [10, 132, 255], ink: [213, 213, 213], rightInk: [255, 255, 255], meta: [110, 110, 110] };

describe('findLayout', () => {
  it.each([
    ['light', light],
    ['dark', dark],
  ])('finds the bubbles, their sides, the separator, the time under a bubble and the header (%s mode)', (_name, theme) => {
    const layout = findLayout(thread(theme));
    expect(layout.dark).toBe(theme === dark);
    expect(layout.bubbles.map((b) => b.side)).toEqual(['collector', 'user', 'collector']);
    expect(layout.bubbles[0]!.box).toMatchObject({ x0: 44, y0: 140 });
    // Three lines of 13 px text: the glyph height is one line's, not the bubble's.
    expect(layout.bubbles[0]!.glyphHeight).toBeGreaterThanOrEqual(12);
    expect(layout.bubbles[0]!.glyphHeight).toBeLessThanOrEqual(14);
    const kinds = layout.texts.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'header').length).toBeGreaterThanOrEqual(2);
    expect(layout.texts.find((t) => t.kind === 'separator')?.box).toMatchObject({ y0: 110 });
    expect(layout.texts.find((t) => t.kind === 'aside')).toMatchObject({ under: 1 });
    // The avatar is a solid square, not a bubble and not text.
    expect(layout.bubbles.some((b) => b.box.x0 < 40)).toBe(false);
    expect(layout.texts.some((t) => t.kind !== 'header' && t.box.x0 < 40 && t.box.y0 >= 140 && t.box.y1 <= 168)).toBe(false);
  });

  it('calls a layout of overlapping bubbles implausible (colours that did not separate), and a clean one plausible', () => {
    expect(findLayout(thread(light)).plausible).toBe(true);
    const img = thread(light);
    fill(img, 100, 180, 240, 230, [200, 230, 250]); // a box of another colour across the left bubble's corner
    text(img, 110, 190, 230, 2, 13, light.ink);
    expect(findLayout(img).plausible).toBe(false);
  });

  it('finds no bubbles on a plain page of text', () => {
    const img = canvas(300, [255, 255, 255]);
    text(img, 20, 20, 340, 6, 14, [0, 0, 0]);
    expect(findLayout(img).bubbles).toEqual([]);
  });

  it('gives a bubble spanning the width the side of the bubbles of its colour', () => {
    const img = canvas(400, light.bg);
    fill(img, 44, 40, 200, 80, light.left);
    text(img, 56, 52, 190, 1, 13, light.ink);
    fill(img, 150, 100, 318, 140, light.right);
    text(img, 162, 112, 306, 1, 13, light.ink);
    fill(img, 30, 160, 330, 200, light.right); // as far from both edges
    text(img, 42, 172, 318, 1, 13, light.ink);
    expect(findLayout(img).bubbles.map((b) => b.side)).toEqual(['collector', 'user', 'user']);
  });
});

describe('readLayout on a grainy screenshot', () => {
  /** Adds uniform noise of ±`amp` levels from a fixed seed (the same picture on every run). */
  function speckle(img: RgbImage, amp: number): void {
    let seed = 12345;
    for (let i = 0; i < img.data.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      img.data[i] = Math.max(0, Math.min(255, img.data[i]! + Math.round(((seed / 2147483648) * 2 - 1) * amp)));
    }
  }
  it('still finds pale bubbles on a light background, and their sides', async () => {
    // QQ-like: white bubbles on a background only 13 levels darker; without a median, speckle bridges the two.
    const img = thread({ ...light, bg: [242, 242, 242] });
    speckle(img, 20);
    const png = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).png().toBuffer();
    const r = await readLayout(png, async () => []);
    expect(r?.quality.noise).toBeGreaterThanOrEqual(1.5);
    expect(r?.layout.bubbles.map((b) => b.side)).toEqual(['collector', 'user', 'collector']);
    // Heavy image work (a median over a whole screenshot): given room on a loaded shared machine; not a speed check.
  }, 120_000);
});

describe('colourful', () => {
  it('tells green and blue fills from grey and white ones', () => {
    expect(colourful([149, 236, 105])).toBe(true);
    expect(colourful([10, 124, 255])).toBe(true);
    expect(colourful([233, 238, 246])).toBe(false);
    expect(colourful([44, 44, 44])).toBe(false);
    expect(colourful([255, 255, 255])).toBe(false);
  });
});

describe('quality estimates', () => {
  it('measures noise: none on a flat render, some once noise is added', () => {
    const clean = thread(light);
    expect(estimateNoise(clean)).toBe(0);
    const noisy = thread(light);
    let seed = 7;
    for (let i = 0; i < noisy.data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noisy.data[i] = Math.max(0, Math.min(255, noisy.data[i]! + ((seed % 41) - 20)));
    }
    expect(estimateNoise(noisy)).toBeGreaterThan(2.5);
  });

  it('finds the tilt of sheared text lines and none on upright ones', () => {
    expect(estimateTilt(thread(light), light.bg)).toBe(0);
    const img = canvas(400, [255, 255, 255]);
    const t = Math.tan((3 * Math.PI) / 180);
    for (let line = 0; line < 8; line++) {
      for (let x = 20; x < 340; x++) {
        if (x % 16 > 12) continue;
        const y0 = Math.round(40 + line * 40 + (x - 180) * t);
        fill(img, x, y0, x + 1, y0 + 12, [0, 0, 0]);
      }
    }
    expect(Math.abs(estimateTilt(img, [255, 255, 255]) - 3)).toBeLessThanOrEqual(0.5);
  });

  it('maps white text on blue and grey text on dark to black on white, and rates soft edges lower', () => {
    const w = 40;
    const grey = new Uint8Array(w * 20).fill(105);
    for (let y = 5; y < 15; y++) for (let x = 10; x < 30; x++) grey[y * w + x] = 250;
    const mapped = inkOnWhite(grey);
    expect(mapped[0]).toBe(255);
    expect(mapped[10 * w + 20]).toBe(0);
    const soft = new Uint8Array(w * 20).fill(255);
    for (let y = 0; y < 20; y++) for (let x = 0; x < w; x++) soft[y * w + x] = Math.round(255 - 255 * Math.max(0, 1 - Math.abs(x - 20) / 8));
    expect(textSharpness(mapped, w, 20)).toBeGreaterThan(0.9);
    expect(textSharpness(soft, w, 20)).toBeLessThan(0.32);
  });
});
