/**
 * Photos of screens, drawn here pixel by pixel (no fixtures): the screen is found in its surround and made
 * upright, its uneven light evened out, and bubbles whose fill drifts with the light are still one bubble each
 * when regions are taken between edges. Screenshots are left alone.
 */
import { evenIllumination } from '../../src/ocr/illumination';
import { findLayout, type Rgb, type RgbImage } from '../../src/ocr/layout';
import { findScreen, homography, straightenScreen, type Point } from '../../src/ocr/screen-photo';

const W = 360;
const H = 760;

/** A light WeChat-like screen: bg, a header hairline, two left bubbles and a right one, each with fake text. */
function screen(): RgbImage {
  const data = new Uint8Array(W * H * 3);
  const put = (x0: number, y0: number, x1: number, y1: number, c: Rgb) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set(c, (y * W + x) * 3);
  };
  put(0, 0, W, H, [237, 237, 237]);
  put(0, 80, W, 81, [200, 200, 200]);
  const glyphs = (x0: number, y0: number, x1: number, lines: number) => {
    for (let l = 0; l < lines; l++) for (let x = x0; x + 13 <= x1; x += 16) put(x, y0 + l * 20, x + 11, y0 + l * 20 + 13, [25, 25, 25]);
  };
  put(44, 120, 270, 200, [255, 255, 255]);
  glyphs(56, 132, 258, 3);
  put(150, 240, 318, 280, [149, 236, 105]);
  glyphs(162, 252, 306, 1);
  put(44, 330, 300, 410, [255, 255, 255]);
  glyphs(56, 342, 288, 3);
  return { width: W, height: H, data };
}

/**
 * The screen photographed: placed by the homography from its corners to `corners` on a dark desk of `pw`×`ph`,
 * with light falling off towards the corners (to `falloff` of the centre's) and a little noise.
 */
function photo(src: RgbImage, corners: Point[], pw: number, ph: number, falloff: number): RgbImage {
  const toScreen = homography(corners, [
    { x: 0, y: 0 },
    { x: src.width, y: 0 },
    { x: src.width, y: src.height },
    { x: 0, y: src.height },
  ]);
  const data = new Uint8Array(pw * ph * 3);
  let seed = 11;
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) {
      const z = toScreen[6]! * x + toScreen[7]! * y + toScreen[8]!;
      const sx = Math.round((toScreen[0]! * x + toScreen[1]! * y + toScreen[2]!) / z);
      const sy = Math.round((toScreen[3]! * x + toScreen[4]! * y + toScreen[5]!) / z);
      const inside = sx >= 0 && sx < src.width && sy >= 0 && sy < src.height;
      const dx = x / pw - 0.5;
      const dy = y / ph - 0.5;
      const light = 1 - (1 - falloff) * 2 * (dx * dx + dy * dy);
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 5) - 2;
      for (let c = 0; c < 3; c++) {
        const v = inside ? src.data[(sy * src.width + sx) * 3 + c]! : [42, 38, 34][c]!;
        data[(y * pw + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v * light + noise)));
      }
    }
  }
  return { width: pw, height: ph, data };
}

const tilted: Point[] = [
  { x: 30, y: 22 },
  { x: 362, y: 34 },
  { x: 350, y: 800 },
  { x: 16, y: 786 },
];

describe('findScreen', () => {
  it('finds the four corners of a tilted, sheared screen on a desk', () => {
    const quad = findScreen(photo(screen(), tilted, 390, 820, 0.7));
    expect(quad).toBeDefined();
    const found = [quad!.tl, quad!.tr, quad!.br, quad!.bl];
    found.forEach((p, i) => {
      // Within a few pixels (the sides are moved inwards by two).
      expect(Math.abs(p.x - tilted[i]!.x)).toBeLessThanOrEqual(5);
      expect(Math.abs(p.y - tilted[i]!.y)).toBeLessThanOrEqual(5);
    });
  });

  it('finds no screen in a screenshot', () => {
    expect(findScreen(screen())).toBeUndefined();
  });
});

describe('straightenScreen', () => {
  it('maps the quad back to an upright rectangle', () => {
    const src = screen();
    const shot = photo(src, tilted, 390, 820, 1);
    const out = straightenScreen(shot, { tl: tilted[0]!, tr: tilted[1]!, br: tilted[2]!, bl: tilted[3]! });
    expect(Math.abs(out.width - 333)).toBeLessThanOrEqual(3);
    expect(Math.abs(out.height - 764)).toBeLessThanOrEqual(3);
    // The green bubble lands where it was drawn, scaled to the output's size.
    const at = (x: number, y: number) => Array.from(out.data.subarray((Math.round(y) * out.width + Math.round(x)) * 3, (Math.round(y) * out.width + Math.round(x)) * 3 + 3));
    const [r, g, b] = at((310 * out.width) / W, (245 * out.height) / H);
    expect(g! - r!).toBeGreaterThan(60);
    expect(g! - b!).toBeGreaterThan(60);
  });
});

describe('evenIllumination', () => {
  it('evens out light that falls off towards the corners, and keeps bubbles apart from the background', () => {
    const lit = photo(screen(), [
      { x: 0, y: 0 },
      { x: W, y: 0 },
      { x: W, y: H },
      { x: 0, y: H },
    ], W, H, 0.65);
    const r = evenIllumination(lit);
    expect(r.corrected).toBe(true);
    const at = (img: RgbImage, x: number, y: number) => img.data[(y * img.width + x) * 3 + 1]!;
    // Background in a corner and in the middle: far apart before, close after.
    expect(Math.abs(at(lit, 10, 740) - at(lit, 180, 300))).toBeGreaterThan(40);
    expect(Math.abs(at(r.image, 10, 740) - at(r.image, 180, 300))).toBeLessThan(12);
    // A white bubble stays brighter than the background around it.
    expect(at(r.image, 50, 400) - at(r.image, 30, 400)).toBeGreaterThan(8);
  });

  it('leaves an evenly lit screenshot alone', () => {
    const img = screen();
    const r = evenIllumination(img);
    expect(r.corrected).toBe(false);
    expect(r.image).toBe(img);
  });
});

describe("findLayout's edge segmentation", () => {
  it('keeps a bubble whose fill drifts with the light whole, where growing by colour breaks it up', () => {
    const img = screen();
    // A broad band of light across the screen, as moiré leaves: +14 levels at its crest.
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const band = 14 * Math.max(0, Math.sin((x + y) / 30));
        for (let c = 0; c < 3; c++) {
          const p = (y * W + x) * 3 + c;
          img.data[p] = Math.max(0, img.data[p]! - band);
        }
      }
    }
    const byEdges = findLayout(img, { segmentation: 'edges' });
    expect(byEdges.bubbles.map((b) => b.side)).toEqual(['collector', 'user', 'collector']);
    expect(byEdges.plausible).toBe(true);
    expect(findLayout(img, { segmentation: 'colour' }).bubbles.length).not.toBe(3);
  });
});
