/**
 * Turns the text read region by region (read-layout.ts) into the chat: the sender from the title bar, every
 * time separator and every time under or inside a bubble resolved to an instant in China time, and each bubble
 * with its side, its text and the time that applies to it (its own, else the separator above). Pure: the
 * vocabulary is compiled once, the reference time is passed in.
 */
import type { Side } from './layout';
import type { RegionText } from './read-layout';
import { collapseCjkSpaces, extractSender, isStatusBarLine, isUiLine, joinWrapped } from './postprocess';
import { chinaDayOf, resolveLabel, type LabelParts, type ResolvedTimestamp, type TimestampParser } from './timestamps';
import type { ChromeVocabulary } from './vocabulary';

/** One bubble of the chat as read. */
export interface ReadBubble {
  side: Side;
  text: string;
  /** The time shown for this bubble (its own, or the separator's above it), ISO-8601 UTC; absent when none. */
  time?: string;
  /** That time as printed, e.g. "昨天 23:40" or "5月12日 星期二 · 23:40". */
  timeLabel?: string;
  /** Mean OCR confidence of the bubble's text, 0–1. */
  confidence: number;
}

export interface ChatBubbles {
  bubbles: ReadBubble[];
  sender?: string;
  /** Every time label read, resolved, top to bottom. */
  timestamps: ResolvedTimestamp[];
  /** Lines dropped as chrome (status bar, input hints, unreadable labels), for debugging. */
  dropped: string[];
}

export interface ChatAssemblyVocabulary {
  chrome: ChromeVocabulary;
  correct: (line: string) => string;
  timestamps: TimestampParser;
}

/** Mean confidence (0–100) under which a bubble's reading is dropped as noise. */
export const MIN_BUBBLE_CONFIDENCE = 40;

const wordChars = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;

/** Assembles the regions (top to bottom) into bubbles with sides and times. */
export function assembleChat(regions: RegionText[], reference: Date, k: ChatAssemblyVocabulary): ChatBubbles {
  const clean = (s: string) => k.correct(collapseCjkSpaces(s));
  const dropped: string[] = [];
  const timestamps: ResolvedTimestamp[] = [];
  const bubbles: Array<ReadBubble & { index: number }> = [];
  let sender: string | undefined;
  // The day and instant of the last separator: a bubble's own bare clock takes the separator's day.
  let day: number | undefined;
  let current: { at?: string; label: string } | undefined;
  const parse = (text: string, loose = false): LabelParts | undefined =>
    k.timestamps.parseParts(text, reference) ?? k.timestamps.parseParts(stripUiPrefix(text, k.chrome), reference) ?? (loose ? k.timestamps.parseParts(text, reference, true) : undefined);

  let bubbleIndex = -1;
  let headerLine = 0;
  for (const r of regions) {
    if (r.kind === 'bubble') bubbleIndex += 1;
    const lines = r.lines.map((l) => clean(l.text)).filter((l) => l.length > 0);
    if (r.kind === 'header') {
      for (const line of lines) {
        const pos = headerLine++;
        const label = parse(line);
        if (label && label.day !== undefined) {
          ({ day, current } = separator(label, reference, timestamps, day));
          continue;
        }
        if (isStatusBarLine(line, pos, k.chrome) || isUiLine(line, k.chrome)) dropped.push(line);
        else {
          // The title is the header line with the most letters and digits (a back arrow or an avatar read as
          // one odd character loses to the name or number).
          const found = extractSender(line, k.chrome, true);
          if (found !== undefined && (sender === undefined || wordChars(found) > wordChars(sender))) {
            if (sender !== undefined) dropped.push(sender);
            sender = found;
          } else dropped.push(line);
        }
      }
      continue;
    }
    if (r.kind === 'separator' || r.kind === 'aside') {
      const text = lines.join(' ');
      // The free reading first (the parser is strict), else the reading within the characters of time labels.
      const asLabel = (r.labelLines ?? []).map((l) => collapseCjkSpaces(l.text)).filter((l) => l.length > 0).join(' ');
      // A region placed where only labels are: the misreadings of small grey labels are repaired (see parseParts).
      // Last, the traditional model's reading of a label neither other reading gave (read-layout.ts).
      const other = (r.otherLines ?? []).map((l) => collapseCjkSpaces(l.text)).filter((l) => l.length > 0).join(' ');
      const label =
        (text ? parse(text) : undefined) ??
        (asLabel ? parse(asLabel) : undefined) ??
        (text ? parse(text, true) : undefined) ??
        (asLabel ? parse(asLabel, true) : undefined) ??
        (other ? parse(other, true) : undefined);
      if (!label) {
        if (text) dropped.push(text);
        // A separator with the digits of a clock (three or more in one reading) that no reading gives is a time
        // label misread: the bubbles under it were sent at its time, not at the separator's above, so they get no
        // time rather than a wrong one. A speck with a digit or two (a photo's noise, a piece of a bubble) is not.
        if (r.kind === 'separator' && [text, asLabel, other].some((t) => (t.match(/\d/g)?.length ?? 0) >= 3)) current = undefined;
        continue;
      }
      const owner = r.under !== undefined ? bubbles.find((b) => b.index === r.under) : undefined;
      if (owner && label.minutes !== undefined && label.day === undefined) {
        // A bubble's own time (Android prints it under the bubble): the day comes from the separator above.
        const at = resolveLabel(label, reference, day)!;
        owner.time = at.toISOString();
        owner.timeLabel = label.raw;
        timestamps.push({ raw: label.raw, at: owner.time });
      } else ({ day, current } = separator(label, reference, timestamps, day));
      continue;
    }
    if (r.kind !== 'bubble') continue;
    // A clock alone on the bubble's last line is the bubble's own time (some apps print it inside).
    let own: LabelParts | undefined;
    const last = lines.at(-1);
    if (lines.length > 1 && last) {
      const p = k.timestamps.parseParts(last, reference);
      if (p && p.minutes !== undefined && p.day === undefined) {
        own = p;
        lines.pop();
      }
    }
    const words = lines.filter((l) => {
      if (isUiLine(l, k.chrome)) {
        dropped.push(l);
        return false;
      }
      return true;
    });
    // Nothing legible (an avatar or an icon taken for a bubble): below this, a reading is noise.
    if (words.length === 0 || r.conf < MIN_BUBBLE_CONFIDENCE) {
      dropped.push(...words);
      continue;
    }
    const bubble: ReadBubble & { index: number } = {
      index: bubbleIndex,
      side: r.side ?? 'collector',
      // Corrected again once joined: a misreading split by the wrap is only seen whole here.
      text: k.correct(joinWrapped(words)),
      confidence: Math.round(r.conf) / 100,
    };
    if (own) {
      bubble.time = resolveLabel(own, reference, day)!.toISOString();
      bubble.timeLabel = own.raw;
      timestamps.push({ raw: own.raw, at: bubble.time });
    } else if (current?.at) {
      bubble.time = current.at;
      bubble.timeLabel = current.label;
    }
    bubbles.push(bubble);
  }
  return { bubbles: bubbles.map(({ index: _i, ...b }) => b), ...(sender !== undefined ? { sender } : {}), timestamps, dropped };
}

/** A separator read: sets the day (and the instant, when it has a clock) for the bubbles below. */
function separator(label: LabelParts, reference: Date, timestamps: ResolvedTimestamp[], day: number | undefined): { day: number | undefined; current: { at?: string; label: string } } {
  // A separator's bare clock is today's (or yesterday's when still to come), never the day of the one above.
  const at = resolveLabel(label, reference);
  if (at) {
    timestamps.push({ raw: label.raw, at: at.toISOString() });
    return { day: label.day ?? chinaDayOf(new Date(at.getTime())), current: { at: at.toISOString(), label: label.raw } };
  }
  return { day: label.day ?? day, current: { label: label.raw } };
}

/** "短信 今天 09:15" → "今天 09:15": iOS prints the service label before the first timestamp. */
function stripUiPrefix(line: string, chrome: ChromeVocabulary): string {
  for (const w of [...chrome.ui_words].sort((a, b) => b.length - a.length)) {
    if (line.startsWith(w)) return line.slice(w.length).trim();
  }
  return line;
}
