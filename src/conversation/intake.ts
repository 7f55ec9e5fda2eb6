/**
 * First look at an inbound message: is there readable text, is it within limits, is it a file we can read.
 * Returns the cleaned text or the reason to refuse, so bad input gets a clear reply and never an exception.
 */
import type { InboundMessage } from '../message';

export type IntakeResult =
  | { ok: true; text: string; truncated: boolean }
  | { ok: false; replyKey: 'empty_message' | 'binary_content' | 'unsupported_file'; vars?: Record<string, string> };

/** Share of characters that are control or replacement characters above which text counts as binary. */
const BINARY_SHARE = 0.1;

/** Cleans and checks the text of text-bearing messages; other kinds pass with empty text. */
export function intake(msg: InboundMessage, maxChars: number): IntakeResult {
  switch (msg.kind) {
    case 'file':
      return { ok: false, replyKey: 'unsupported_file', vars: { type: describeType(msg.fileName, msg.mimeType) } };
    case 'text':
    case 'forwarded':
      return checkText(msg.text, maxChars);
    default:
      return { ok: true, text: '', truncated: false };
  }
}

function checkText(raw: string, maxChars: number): IntakeResult {
  // eslint-disable-next-line no-control-regex
  const strange = raw.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  const text = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (raw.length > 0 && strange / raw.length > BINARY_SHARE) return { ok: false, replyKey: 'binary_content' };
  // Only emoji, symbols or punctuation: nothing to analyse or answer.
  if (text.length === 0 || !/[\p{L}\p{N}]/u.test(text)) return { ok: false, replyKey: 'empty_message' };
  const chars = [...text];
  if (chars.length > maxChars) return { ok: true, text: chars.slice(0, maxChars).join(''), truncated: true };
  return { ok: true, text, truncated: false };
}

function describeType(fileName: string, mimeType: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return ext ? ext.toLowerCase() : mimeType || 'unknown';
}
