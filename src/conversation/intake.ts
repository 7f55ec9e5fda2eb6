/**
 * First look at an inbound message: is there readable text, is it within limits, is it a file we can read.
 * Returns the cleaned text or the reason to refuse, so bad input gets a clear reply and never an exception.
 *
 * One length limit (MAX_MESSAGE_CHARS) wherever text enters: typed and forwarded text are cut to it (the reply
 * says so); a command whose words pass it is refused whole (a /call note of a million characters is no call
 * note). Cleaning, the same everywhere (cleanText): terminal control sequences (ANSI colours, cursor moves, OSC
 * titles) and other control characters are removed, and so are invisible format characters slipped inside words
 * to dodge the rules ("弄\u061c死你", tag characters). An image is judged by its bytes, never by the MIME type the
 * client claimed: a PDF is named a PDF, an animated GIF an animated GIF.
 */
import type { InboundMessage } from '../message';
import { detectImageFormat, probeImage } from '../ocr/image-probe';

export type IntakeReplyKey = 'empty_message' | 'binary_content' | 'unsupported_file' | 'command_too_long' | 'image_animated' | 'image_not_an_image';

export type IntakeResult =
  | { ok: true; text: string; truncated: boolean }
  | { ok: false; replyKey: IntakeReplyKey; vars?: Record<string, string> };

/** Share of characters that are control or replacement characters above which text counts as binary. */
const BINARY_SHARE = 0.1;

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-character escapes, and their 8-bit forms (CSI U+009B,
// OSC U+009D): what makes a terminal change colour, move the cursor, set its title or ring.
// eslint-disable-next-line no-control-regex
const TERMINAL_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;
// Controls other than tab and newline, C1 controls, and the replacement character's neighbours in line breaking.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;
// Characters that render as nothing: zero-width and bidi marks, the Arabic letter mark, fillers, variation
// selectors, the tag block (U+E0000–E0FFF) — every default-ignorable code point.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// eslint-disable-next-line no-control-regex
const STRANGE = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g;

/**
 * `raw` without terminal control sequences, control characters or invisible characters, with CR and CRLF as
 * LF, trimmed. Use it on any text from outside before it is stored, shown or analysed.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(TERMINAL_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .trim();
}

/**
 * `text` without terminal control sequences or control characters (newlines and tabs kept): for printing to a
 * terminal text that may hold what an attacker typed, even text stored before cleaning existed.
 */
export function withoutControls(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(CONTROL, '');
}

/** Cleans and checks the text of text-bearing messages and the words of commands; images by their bytes. */
export function intake(msg: InboundMessage, maxChars: number): IntakeResult {
  switch (msg.kind) {
    case 'file':
      return { ok: false, replyKey: 'unsupported_file', vars: { type: describeType(msg.fileName, msg.mimeType) } };
    case 'text':
    case 'forwarded':
      return checkText(msg.text, maxChars, msg.kind === 'text');
    case 'command':
      // Checked before anything reads the words: a command is not cut, it is refused.
      return [...msg.args].length > maxChars ? { ok: false, replyKey: 'command_too_long', vars: { max: String(maxChars) } } : { ok: true, text: cleanText(msg.args), truncated: false };
    case 'image':
      return checkImage(msg.bytes);
    default:
      return { ok: true, text: '', truncated: false };
  }
}

function checkText(raw: string, maxChars: number, typed: boolean): IntakeResult {
  // Counted on a bounded prefix: a megabyte of text costs no more to judge than the limit does.
  const head = raw.length > maxChars * 4 ? raw.slice(0, maxChars * 4) : raw;
  const strange = head.match(STRANGE)?.length ?? 0;
  if (head.length > 0 && strange / head.length > BINARY_SHARE) return { ok: false, replyKey: 'binary_content' };
  const text = cleanText(head);
  // Only emoji, symbols or punctuation: nothing to analyse or answer.
  if (text.length === 0 || !/[\p{L}\p{N}]/u.test(text)) return { ok: false, replyKey: 'empty_message' };
  const over = raw.length > head.length || [...text].length > maxChars;
  // A typed command longer than the limit is refused like any command, not cut into a different one.
  if (typed && over && /^\/[A-Za-z_]+/.test(text)) return { ok: false, replyKey: 'command_too_long', vars: { max: String(maxChars) } };
  if (over) return { ok: true, text: [...text].slice(0, maxChars).join(''), truncated: true };
  return { ok: true, text, truncated: false };
}

/**
 * An image the bytes say is no image, or an animated one, is refused here naming what the bytes are; one
 * whose structure is broken goes on to OCR, which says it cannot be read.
 */
function checkImage(bytes: Buffer): IntakeResult {
  const format = detectImageFormat(bytes);
  if (!format) {
    const kind = describeBytes(bytes);
    return kind ? { ok: false, replyKey: 'unsupported_file', vars: { type: kind } } : { ok: false, replyKey: 'image_not_an_image' };
  }
  try {
    if (probeImage(bytes).animated) return { ok: false, replyKey: 'image_animated', vars: { format: format.toUpperCase() } };
  } catch {
    // Truncated or corrupt: OCR answers image_unreadable.
  }
  return { ok: true, text: '', truncated: false };
}

/** A name for what common non-image files are, from their first bytes; undefined when unknown. */
function describeBytes(b: Buffer): string | undefined {
  const head = b.subarray(0, 12).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK')) return 'zip';
  if (b.length >= 12 && head.slice(4, 8) === 'ftyp') return /^(heic|heix|mif1|msf1)/.test(head.slice(8, 12)) ? 'heic' : 'mp4';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WAVE') return 'wav';
  if (head.startsWith('OggS')) return 'ogg';
  if (head.startsWith('ID3')) return 'mp3';
  return undefined;
}

function describeType(fileName: string, mimeType: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return ext ? ext.toLowerCase() : mimeType || 'unknown';
}
