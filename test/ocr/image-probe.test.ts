/** Format, dimension, animation and limit checks on the committed fixtures and bad inputs, without decoding. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src/errors';
import { detectImageFormat, inspectImage, probeImage } from '../../src/ocr/image-probe';

const DIR = join(__dirname, '..', 'fixtures', 'screenshots');
const read = (f: string) => readFileSync(join(DIR, f));
const limits = { maxBytes: 10_000_000, maxPixels: 25_000_000 };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe('probeImage', () => {
  it.each([
    ['sms-android-1080x2400.png', 'png', 1080, 2400],
    ['chat-three-1080x2400.jpg', 'jpeg', 1080, 2400],
    ['chat-540x1200.jpg', 'jpeg', 540, 1200],
    ['sms-android-720x1600.png', 'png', 720, 1600],
    ['formats/still.webp', 'webp', 400, 110],
    ['formats/still.gif', 'gif', 400, 110],
    ['formats/still.bmp', 'bmp', 400, 110],
  ])('%s is %s %d×%d, still', (file, format, width, height) => {
    expect(probeImage(read(file))).toEqual({ format, mimeType: `image/${format}`, width, height, animated: false });
  });

  it('reads the size of every committed screenshot as truth.json gives it', () => {
    const truth = JSON.parse(read('truth.json').toString('utf8')) as { images: Record<string, { width: number; height: number }> };
    for (const [file, t] of Object.entries(truth.images)) {
      const info = probeImage(read(file));
      expect([file, info.width, info.height]).toEqual([file, t.width, t.height]);
    }
  });

  it.each(['animated.gif', 'animated.png', 'animated.webp'])('flags bad/%s as animated', (file) => {
    expect(probeImage(read(`bad/${file}`)).animated).toBe(true);
  });
});

describe('inspectImage: typed errors for bad input', () => {
  it.each([
    ['bad/not-an-image.pdf', 'UNSUPPORTED_FILE'],
    ['bad/animated.gif', 'UNSUPPORTED_FILE'],
    ['bad/animated.png', 'UNSUPPORTED_FILE'],
    ['bad/animated.webp', 'UNSUPPORTED_FILE'],
    ['bad/truncated.png', 'IMAGE_UNREADABLE'],
    ['bad/corrupt.jpg', 'IMAGE_UNREADABLE'],
    ['bad/tiny-8x8.png', 'IMAGE_UNREADABLE'],
  ])('%s → %s', (file, code) => expect(codeOf(() => inspectImage(read(file), limits))).toBe(code));

  it('refuses empty input, text and HEIC-like ISO media as unsupported', () => {
    expect(codeOf(() => inspectImage(Buffer.alloc(0), limits))).toBe('UNSUPPORTED_FILE');
    expect(codeOf(() => inspectImage(Buffer.from('逾期通知', 'utf8'), limits))).toBe('UNSUPPORTED_FILE');
    expect(codeOf(() => inspectImage(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'), limits))).toBe('UNSUPPORTED_FILE');
  });

  it('accepts the blank screen (it has no text, which only OCR can tell)', () => {
    expect(inspectImage(read('bad/blank-1080x2400.png'), limits).width).toBe(1080);
  });

  it('applies OCR_MAX_BYTES before looking further', () => {
    const png = read('sms-ios-540x1200.png');
    expect(codeOf(() => inspectImage(png, { ...limits, maxBytes: png.length - 1 }))).toBe('IMAGE_UNREADABLE');
    expect(inspectImage(png, { ...limits, maxBytes: png.length }).format).toBe('png');
  });

  it('applies OCR_MAX_PIXELS from the header alone', () => {
    const png = read('sms-ios-540x1200.png');
    expect(codeOf(() => inspectImage(png, { ...limits, maxPixels: 540 * 1200 - 1 }))).toBe('IMAGE_UNREADABLE');
    // A header claiming 100000×100000 px with no pixel data is refused without allocating anything.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect(codeOf(() => inspectImage(bomb, limits))).toBe('IMAGE_UNREADABLE');
  });

  it('detects formats by magic bytes only', () => {
    expect(detectImageFormat(read('chat-540x1200.jpg'))).toBe('jpeg');
    expect(detectImageFormat(Buffer.from('BM'))).toBe('bmp');
    expect(detectImageFormat(Buffer.from('GIF87a'))).toBe('gif');
    expect(detectImageFormat(Buffer.from('hello'))).toBeUndefined();
  });
});
