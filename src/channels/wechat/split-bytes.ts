/**
 * Splits a plain-text reply into messages the platform accepts, each at most `maxBytes` of UTF-8 (WeChat and
 * WeCom count bytes, so a Chinese character costs three). Paragraphs are packed whole; a paragraph too long for
 * one message is cut at a line break, else after sentence punctuation, else between two characters — never
 * inside a character or a surrogate pair.
 */

/** The documented limit for a text message's content: 2 048 bytes. */
export const WECHAT_TEXT_MAX_BYTES = 2048;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const PARAGRAPH = '\n\n';
const SOFT_BREAK = /[。！？；!?;，,、\s]/;

/** Parts of `text`, each at most `maxBytes` bytes, in order; empty text gives no part. */
export function splitByBytes(text: string, maxBytes = WECHAT_TEXT_MAX_BYTES): string[] {
  const out: string[] = [];
  let current = '';
  for (const para of text.split(/\n{2,}/)) {
    if (para.trim() === '') continue;
    for (const piece of bytes(para) <= maxBytes ? [para] : cutParagraph(para, maxBytes)) {
      if (current === '') current = piece;
      else if (bytes(current) + bytes(PARAGRAPH) + bytes(piece) <= maxBytes) current += PARAGRAPH + piece;
      else {
        out.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Cuts one paragraph into pieces of at most `maxBytes`, preferring line breaks, then soft breaks. */
function cutParagraph(para: string, maxBytes: number): string[] {
  const chars = [...para];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let size = 0;
    let end = start;
    let line = -1;
    let soft = -1;
    while (end < chars.length && size + bytes(chars[end]!) <= maxBytes) {
      size += bytes(chars[end]!);
      if (chars[end] === '\n') line = end + 1;
      else if (SOFT_BREAK.test(chars[end]!)) soft = end + 1;
      end++;
    }
    if (end === start) end = start + 1; // a single character over the limit: never loop forever
    const enough = start + Math.floor((end - start) / 2);
    const cut = end === chars.length ? end : line > enough ? line : soft > enough ? soft : end;
    const piece = chars.slice(start, cut).join('').replace(/\n+$/, '');
    if (piece.trim() !== '') pieces.push(piece);
    start = cut;
  }
  return pieces;
}
