/**
 * Looks at an image's bytes before any OCR engine sees them: the format from its magic bytes (never the name
 * or the MIME type a channel claims), the dimensions from its header, whether it is animated, and whether its
 * structure is whole — all without decoding pixels, so a 100-megapixel bomb or a PDF costs microseconds.
 */
import { AppError } from '../errors';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

export interface ImageInfo {
  format: ImageFormat;
  mimeType: string;
  width: number;
  height: number;
  animated: boolean;
}

export interface ImageLimits {
  /** OCR_MAX_BYTES */
  maxBytes: number;
  /** OCR_MAX_PIXELS (width × height) */
  maxPixels: number;
}

/** Below this many pixels on a side no screenshot can hold a readable line of text. */
export const MIN_SIDE_PX = 16;

const MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
};

/** The format named by the magic bytes, or undefined when they are not one of the five accepted formats. */
export function detectImageFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return 'gif';
  if (bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d) return 'bmp';
  return undefined;
}

/**
 * Probes and checks an image against the limits. Returns its info, or throws AppError:
 * UNSUPPORTED_FILE for something that is not a PNG/JPEG/WebP/GIF/BMP or is animated (GIF with more than one
 * frame, APNG, animated WebP); IMAGE_UNREADABLE for a truncated or corrupt structure, an image too small to
 * hold text, or one over maxBytes / maxPixels. Messages are for operators; users get the code's fixed reply.
 */
export function inspectImage(bytes: Buffer, limits: ImageLimits): ImageInfo {
  if (bytes.length > limits.maxBytes) {
    throw new AppError('IMAGE_UNREADABLE', `image has ${bytes.length} bytes, over OCR_MAX_BYTES=${limits.maxBytes}`);
  }
  const info = probeImage(bytes);
  if (info.animated) throw new AppError('UNSUPPORTED_FILE', `animated ${info.format} images are not read; send a still screenshot`);
  if (info.width < MIN_SIDE_PX || info.height < MIN_SIDE_PX) {
    throw new AppError('IMAGE_UNREADABLE', `image is ${info.width}×${info.height} px, too small to hold text`);
  }
  if (info.width * info.height > limits.maxPixels) {
    throw new AppError('IMAGE_UNREADABLE', `image is ${info.width}×${info.height} px, over OCR_MAX_PIXELS=${limits.maxPixels}`);
  }
  return info;
}

/**
 * Format, dimensions and animation of an image, read from its headers and chunk structure. Throws
 * UNSUPPORTED_FILE when the magic bytes are of no accepted format and IMAGE_UNREADABLE when the structure is
 * truncated or inconsistent. Does not apply limits (see inspectImage).
 */
export function probeImage(bytes: Buffer): ImageInfo {
  const format = detectImageFormat(bytes);
  if (!format) throw new AppError('UNSUPPORTED_FILE', `not an image this bot reads (${describeMagic(bytes)})`);
  const dims = PROBES[format](bytes);
  if (!dims) throw new AppError('IMAGE_UNREADABLE', `the ${format} file is truncated or corrupt`);
  return { format, mimeType: MIME[format], ...dims };
}

type Probe = (b: Buffer) => { width: number; height: number; animated: boolean } | undefined;

const PROBES: Record<ImageFormat, Probe> = { png: probePng, jpeg: probeJpeg, webp: probeWebp, gif: probeGif, bmp: probeBmp };

/** PNG: IHDR first; walks every chunk to IEND (an acTL before IDAT marks an APNG). */
function probePng(b: Buffer): ReturnType<Probe> {
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  let animated = false;
  let sawData = false;
  for (let off = 8; off + 12 <= b.length; ) {
    const len = b.readUInt32BE(off);
    const type = b.toString('latin1', off + 4, off + 8);
    const end = off + 12 + len;
    if (end > b.length) return undefined;
    if (type === 'acTL' && !sawData) animated = true;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData && width > 0 && height > 0 ? { width, height, animated } : undefined;
    off = end;
  }
  return undefined;
}

/** JPEG: walks the marker segments to a start-of-frame for the size, then requires scan data and an EOI. */
function probeJpeg(b: Buffer): ReturnType<Probe> {
  let off = 2;
  let size: { width: number; height: number } | undefined;
  while (off + 4 <= b.length) {
    if (b[off] !== 0xff) return undefined;
    const marker = b[off + 1]!;
    if (marker === 0xff) {
      off += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      off += 2;
      continue;
    }
    const len = b.readUInt16BE(off + 2);
    if (len < 2 || off + 2 + len > b.length) return undefined;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (len < 7) return undefined;
      size = { height: b.readUInt16BE(off + 5), width: b.readUInt16BE(off + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows; the file must end with (or at least contain) an EOI.
      if (!size || size.width === 0 || size.height === 0) return undefined;
      const tail = b.subarray(off + 2 + len);
      if (tail.length < 2 || tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) return undefined;
      return { ...size, animated: false };
    }
    off += 2 + len;
  }
  return undefined;
}

/** WebP: RIFF chunks; VP8X carries the canvas size and the animation flag, VP8 / VP8L their own sizes. */
function probeWebp(b: Buffer): ReturnType<Probe> {
  if (b.length < 30) return undefined;
  const riffEnd = Math.min(b.length, 8 + b.readUInt32LE(4));
  let dims: { width: number; height: number } | undefined;
  let animated = false;
  let hasImage = false;
  for (let off = 12; off + 8 <= riffEnd; ) {
    const tag = b.toString('latin1', off, off + 4);
    const len = b.readUInt32LE(off + 4);
    const data = off + 8;
    if (data + len > b.length) return undefined;
    if (tag === 'VP8X' && len >= 10) {
      if ((b[data]! & 0x02) !== 0) animated = true;
      dims = { width: 1 + b.readUIntLE(data + 4, 3), height: 1 + b.readUIntLE(data + 7, 3) };
    } else if (tag === 'ANIM' || tag === 'ANMF') {
      animated = true;
      hasImage = true;
    } else if (tag === 'VP8 ' && len >= 10) {
      if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return undefined;
      dims ??= { width: b.readUInt16LE(data + 6) & 0x3fff, height: b.readUInt16LE(data + 8) & 0x3fff };
      hasImage = true;
    } else if (tag === 'VP8L' && len >= 5) {
      if (b[data] !== 0x2f) return undefined;
      const bits = b.readUInt32LE(data + 1);
      dims ??= { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      hasImage = true;
    }
    off = data + len + (len & 1);
  }
  return dims && hasImage && dims.width > 0 && dims.height > 0 ? { ...dims, animated } : undefined;
}

/** GIF: walks extension and image blocks to the trailer, counting frames (more than one = animated). */
function probeGif(b: Buffer): ReturnType<Probe> {
  if (b.length < 14) return undefined;
  const width = b.readUInt16LE(6);
  const height = b.readUInt16LE(8);
  const packed = b[10]!;
  let off = 13 + ((packed & 0x80) !== 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
  let frames = 0;
  const skipSubBlocks = (at: number): number | undefined => {
    let p = at;
    while (p < b.length) {
      const n = b[p]!;
      p += 1;
      if (n === 0) return p;
      p += n;
    }
    return undefined;
  };
  while (off < b.length) {
    const tag = b[off]!;
    if (tag === 0x3b) return frames > 0 && width > 0 && height > 0 ? { width, height, animated: frames > 1 } : undefined;
    if (tag === 0x21) {
      const next = skipSubBlocks(off + 2);
      if (next === undefined) return undefined;
      off = next;
    } else if (tag === 0x2c) {
      if (off + 10 > b.length) return undefined;
      const local = b[off + 9]!;
      let p = off + 10 + ((local & 0x80) !== 0 ? 3 * (1 << ((local & 0x07) + 1)) : 0);
      p += 1; // LZW minimum code size
      const next = skipSubBlocks(p);
      if (next === undefined) return undefined;
      frames += 1;
      off = next;
    } else return undefined;
  }
  return undefined;
}

/** BMP: BITMAPINFOHEADER (or the old 12-byte core header) size; pixel data must fit in the file. */
function probeBmp(b: Buffer): ReturnType<Probe> {
  if (b.length < 26) return undefined;
  const dataOffset = b.readUInt32LE(10);
  const headerSize = b.readUInt32LE(14);
  let width: number;
  let height: number;
  if (headerSize === 12) {
    width = b.readUInt16LE(18);
    height = b.readUInt16LE(20);
  } else if (headerSize >= 40 && b.length >= 30) {
    width = b.readInt32LE(18);
    height = Math.abs(b.readInt32LE(22));
  } else return undefined;
  if (width <= 0 || height <= 0 || dataOffset >= b.length) return undefined;
  return { width, height, animated: false };
}

/** A short, safe description of unknown leading bytes for the operator's log ("%PDF-", "PK zip", hex). */
function describeMagic(b: Buffer): string {
  const head = b.subarray(0, 8);
  const ascii = head.toString('latin1');
  if (ascii.startsWith('%PDF')) return 'PDF';
  if (ascii.startsWith('PK')) return 'zip/office document';
  if (/^\s*[<{[]/.test(ascii)) return 'text/markup';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') return `ISO media (${b.toString('latin1', 8, 12)}, e.g. HEIC or MP4)`;
  return b.length === 0 ? 'empty' : `starts with ${head.toString('hex')}`;
}
