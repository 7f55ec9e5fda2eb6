/**
 * Turns an OCR engine's raw text of a chat or SMS screenshot into what the core needs: the messages' text
 * without the phone's chrome, the sender shown in the header, and each message's timestamp resolved to an
 * instant. Pure functions over the vocabulary in knowledge/ocr/ (no I/O, no clock: the reference time is
 * passed in), so every rule is testable on strings.
 */
import type { ChromeVocabulary, OcrVocabulary } from './vocabulary';
import { createTimestampParser, type ResolvedTimestamp, type TimestampParser } from './timestamps';

export type { ResolvedTimestamp } from './timestamps';

/** One kept line of the screenshot, in reading order. */
export interface ReadLine {
  text: string;
  kind: 'sender' | 'timestamp' | 'message';
}

/** One bubble: its text (wrapped lines joined) and the timestamp shown above it, when there was one. */
export interface ReadMessage {
  text: string;
  /** The label as read, e.g. "昨天 23:40". */
  timestamp?: string;
  /** That label resolved, ISO-8601 UTC. */
  sentAt?: string;
}

export interface ChatReading {
  /** The messages' text, one bubble per line: what the analyzer reads and the user confirms. */
  text: string;
  lines: ReadLine[];
  messages: ReadMessage[];
  /** The phone number (digits, optional leading +) or name in the header. */
  sender?: string;
  timestamps: ResolvedTimestamp[];
  /** Lines dropped as status bar, UI chrome or noise (for debugging; never analysed). */
  dropped: string[];
}

/** A post-processor compiled from the vocabulary once; process() is then pure. */
export interface ChatPostprocessor {
  /** Post-processes raw OCR text; `reference` is when the screenshot is read (resolves 今天/昨天/周二…). */
  process(raw: string, reference: Date): ChatReading;
}

const HAN_OR_CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${HAN_OR_CJK}])\\s+|\\s+(?=[${HAN_OR_CJK}])`, 'gu');
const HAS_WORD = /[\p{L}\p{N}]/u;
const CLOCK = /\d{1,2}[:：]\d{2}/;
const PERCENT = /\d{1,3}\s*%/;
const PHONE = /^\+?\d[\d-]{2,19}$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * Removes whitespace next to Han characters and CJK punctuation (OCR puts spaces between Han characters) and
 * collapses other runs of whitespace to one space. Spaces between Latin words and numbers stay.
 */
export function collapseCjkSpaces(line: string): string {
  return line.replace(SPACE_NEAR_CJK, '').replace(/\s+/g, ' ').trim();
}

/**
 * Builds a corrector that replaces every listed misreading with its right word, longest misreading first, in
 * one pass (a replacement is never re-corrected).
 */
export function createCorrector(corrections: Map<string, string>): (line: string) => string {
  if (corrections.size === 0) return (line) => line;
  const re = new RegExp([...corrections.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return (line) => line.replace(re, (w) => corrections.get(w) ?? w);
}

/** Removes every occurrence of the words (longest first) from a whitespace-free string. */
function removeWords(s: string, words: string[]): string {
  let out = s;
  for (const w of [...words].map(compact).sort((a, b) => b.length - a.length)) if (w) out = out.split(w).join('');
  return out;
}

/**
 * True when the line is (part of) the status bar. A battery percentage next to a clock or a network word is
 * the status bar even with a few unknown glyphs left (OCR reads icons as random characters); one marker alone
 * counts when nothing but icon glyphs and digits remain; a bare clock counts only within the top lines.
 */
export function isStatusBarLine(line: string, position: number, chrome: ChromeVocabulary): boolean {
  const c = compact(line);
  const top = position < chrome.status_bar.clock_top_lines;
  if (/^\d{1,2}[:：]\d{2}$/.test(c)) return top;
  const networkWords = chrome.status_bar.network.map(compact);
  const percent = PERCENT.test(c);
  const network = networkWords.some((w) => c.includes(w));
  const clock = CLOCK.test(c);
  if (!percent && !network && !(top && clock)) return false;
  let rest = c.replace(new RegExp(CLOCK.source, 'g'), '').replace(new RegExp(PERCENT.source, 'g'), '');
  rest = removeWords(removeWords(rest, networkWords), chrome.status_bar.icon_glyphs);
  if (percent && (clock || network)) return [...rest.replace(/\d/g, '')].length <= 3;
  return /^\d*$/.test(rest);
}

/**
 * True when the line holds only UI words (buttons, input hints, labels) and UI symbols, or no word at all. One
 * stray Latin letter or digit beside a UI word still counts (OCR reads an icon next to "短信/彩信" as "3").
 */
export function isUiLine(line: string, chrome: ChromeVocabulary): boolean {
  const c = compact(line);
  if (!HAS_WORD.test(c)) return true;
  const words = removeWords(c, chrome.ui_words);
  const rest = removeWords(words, chrome.ui_symbols);
  if (!HAS_WORD.test(rest)) return true;
  return words !== c && /^[A-Za-z0-9]$/.test(rest.replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The sender in a header line ("< 106 9551 2345 ···", "<张经理"): a phone number with spaces and dashes removed,
 * or a short name. `standalone` says the line may be a header even without a back arrow or menu glyph (it is
 * the first line and a timestamp follows, or it is a bare number). Returns undefined for anything else.
 */
export function extractSender(line: string, chrome: ChromeVocabulary, standalone: boolean): string | undefined {
  let s = line.trim();
  let framed = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of [...chrome.header.back].sort((a, b) => b.length - a.length)) {
      if (s.startsWith(g)) {
        s = s.slice(g.length).trim();
        framed = changed = true;
      }
    }
    for (const g of [...chrome.header.menu].sort((a, b) => b.length - a.length)) {
      if (!s.endsWith(g) || s.length === g.length) continue;
      const before = s.slice(0, -g.length);
      // A single letter or digit is a menu glyph only when it stands apart or follows a non-ASCII name.
      if (/^[\p{L}\p{N}]$/u.test(g) && !/\s$/.test(before) && /[\x00-\x7f]$/.test(before)) continue;
      s = before.trim();
      framed = changed = true;
    }
  }
  if (!framed) {
    // The back arrow misread as some other glyph: one character before a phone number ("公106 9551 2345"), or
    // one Latin letter glued to a Chinese name ("E安心借客服"). Only a phone number (5 digits or more, as the
    // shortest service numbers) or a name may remain.
    const phone = /^[^\d+\s]\s*(\+?\d[\d\s-]*)$/u.exec(s);
    if (phone && PHONE.test(compact(phone[1]!)) && phone[1]!.replace(/\D/g, '').length >= 5) s = phone[1]!;
    else if (/^[A-Za-z]\p{Script=Han}/u.test(s)) s = s.slice(1);
  }
  const c = compact(s).replace(/[-–]/g, '');
  if (PHONE.test(compact(s)) && /\d{3,}/.test(c)) return c;
  if (!framed && !standalone) return undefined;
  if (!HAS_WORD.test(c) || [...c].length > chrome.header.max_name_chars) return undefined;
  if (chrome.header.not_in_name.some((p) => c.includes(p))) return undefined;
  if (CLOCK.test(c)) return undefined;
  return c;
}

/** Joins the wrapped lines of one bubble: no separator in Chinese, one space between two Latin words. */
export function joinWrapped(lines: string[]): string {
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    const space = /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
    return acc + space + line;
  }, '');
}

/** Compiles the vocabulary into a post-processor. */
export function createChatPostprocessor(vocab: OcrVocabulary): ChatPostprocessor {
  const correct = createCorrector(vocab.corrections);
  const timestamps = createTimestampParser(vocab.timestamps);
  const { chrome } = vocab;
  return { process: (raw, reference) => processChat(raw, reference, { chrome, correct, timestamps }) };
}

interface Compiled {
  chrome: ChromeVocabulary;
  correct: (line: string) => string;
  timestamps: TimestampParser;
}

function processChat(raw: string, reference: Date, k: Compiled): ChatReading {
  const lines: ReadLine[] = [];
  const dropped: string[] = [];
  const messages: ReadMessage[] = [];
  const stamps: ResolvedTimestamp[] = [];
  let sender: string | undefined;
  let bubble: string[] = [];
  let current: ResolvedTimestamp | undefined;
  const flush = () => {
    if (bubble.length === 0) return;
    // Corrected again once joined: a misreading split by the wrap ("…已" / "这期…") is only seen whole here.
    messages.push({ text: k.correct(joinWrapped(bubble)), timestamp: current?.raw, sentAt: current?.at });
    bubble = [];
  };

  const source = raw.replace(/\r\n?/g, '\n').split('\n').map((l) => k.correct(collapseCjkSpaces(l)));
  const nonEmpty = source.filter((l) => l.length > 0);
  let position = -1;
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (!line) {
      flush(); // a blank line separates bubbles
      continue;
    }
    position += 1;
    if (isStatusBarLine(line, position, k.chrome)) {
      dropped.push(line);
      continue;
    }
    const stamp = k.timestamps.parse(line, reference) ?? k.timestamps.parse(stripUiPrefix(line, k.chrome), reference);
    if (stamp) {
      flush();
      current = stamp;
      stamps.push(stamp);
      lines.push({ text: stamp.raw, kind: 'timestamp' });
      continue;
    }
    if (isUiLine(line, k.chrome)) {
      dropped.push(line);
      flush();
      continue;
    }
    if (sender === undefined && messages.length === 0 && bubble.length === 0 && stamps.length === 0) {
      const next = nonEmpty[position + 1];
      const standalone = lines.length === 0 && next !== undefined && k.timestamps.parse(stripUiPrefix(next, k.chrome), reference) !== undefined;
      const found = extractSender(line, k.chrome, standalone);
      if (found !== undefined) {
        sender = found;
        lines.push({ text: found, kind: 'sender' });
        continue;
      }
    }
    bubble.push(line);
    lines.push({ text: line, kind: 'message' });
  }
  flush();
  return {
    text: messages.map((m) => m.text).join('\n'),
    lines,
    messages,
    sender,
    timestamps: stamps,
    dropped,
  };
}

/** "短信 今天 09:15" → "今天 09:15": iOS prints the service label before the first timestamp. */
function stripUiPrefix(line: string, chrome: ChromeVocabulary): string {
  for (const w of [...chrome.ui_words].sort((a, b) => b.length - a.length)) {
    if (line.startsWith(w)) return line.slice(w.length).trim();
  }
  return line;
}
