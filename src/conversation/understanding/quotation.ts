/**
 * Splits a turn into what the user pasted from a collector and what the user wrote themselves, from structure
 * alone: a transcript ("催收：…" lines), time-stamped lines, an 【平台】 signature or a document title at the
 * start, a frame that introduces a paste ("他们发来这个：", "收到一条短信 【…】", "短信原文：“…”"), a quotation
 * long or framed enough to be a whole message, a wider gap or a line break, and the user's question after it
 * ("…请尽快还款。 这是真的吗"). Parts it cannot place are left `free` for the statistical classifier.
 *
 * Cues are data in knowledge/understanding/speaker.yaml.
 */
import type { SpeakerCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';
import { asksOrWonders } from './question-form';
import { SPACE_BREAK, type TurnText } from './turn-text';

/** A span [start, end) of the normalised text. */
export interface Part {
  start: number;
  end: number;
  /** `quoted`: a collector's words; `own`: the user's; `free`: not placed by structure. */
  role: 'quoted' | 'own' | 'free';
  /** For a free part: it reads as the user's own question or comment (a user cue, or a question not to "you"). */
  userish?: boolean;
  /** Which structure placed it (for tests and the eval's error listing). */
  why: 'transcript' | 'timestamps' | 'header' | 'title' | 'frame' | 'quote' | 'tail' | 'head' | 'back' | 'user-cue' | 'free';
}

/** Reads the parts of a turn. */
export type QuotationReader = (tt: TurnText) => Part[];

const SENTENCE_END = '。！？!?';
/** The longest run of the user's own words looked for after a paste (characters). */
const MAX_TAIL = 120;
const COLON = ':';

/** Builds the reader for the speaker cues. */
export function createQuotationReader(cues: SpeakerCues, compiler: CueCompiler): QuotationReader {
  const esc = (s: string) => s.toLowerCase().replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  const titled = cues.transcript.collector_title_suffixes.length ? `|[\\p{Script=Han}a-z]{0,3}(?:${cues.transcript.collector_title_suffixes.map(esc).join('|')})` : '';
  const collectorLabel = new RegExp(`^(?:${cues.transcript.collector_labels.map(esc).join('|')}${titled})${SPACE_BREAK}?${COLON}`, 'u');
  const userLabel = new RegExp(`^(?:${cues.transcript.user_labels.map(esc).join('|')})${SPACE_BREAK}?${COLON}`);
  const timeLine = new RegExp(`^[\\[(]?(?:(?:${cues.transcript.time_words.map(esc).join('|')})${SPACE_BREAK}?)?\\d{1,2}:\\d{2}`);
  const clock = /\d{1,2}:\d{2}/g;
  const numbering = new RegExp(`^(?:\\d{1,2}[.、)]|[-*•—]+)${SPACE_BREAK}?`);
  const openers = cues.headers.brackets.map((b) => [b[0]!, b[1]!] as const);
  const titles = [...cues.headers.document_titles].map((s) => s.toLowerCase()).sort((a, b) => b.length - a.length);
  const quotes = cues.frames.quotes.map((q) => [q[0]!, q[1]!] as const);
  const speech = new Set(cues.frames.speech_verbs);
  const messageVerbs = new Set(cues.frames.message_verbs);
  const pasteFrame = compiler.compile(cues.frames.paste);
  const back = compiler.compile(cues.frames.back);
  const userCue = compiler.compile(cues.user_cues);
  const collectorCue = compiler.compile(cues.collector_cues);
  const you = compiler.compile(['@YOU']);
  const maxEmbedded = cues.frames.embedded_quote_max;

  /** The user's own question or comment: a user cue, or a question not addressed to "you". */
  const userish = (s: string): boolean => {
    if (collectorCue.test(s) && !userCue.test(s)) return false;
    if (userCue.test(s)) return true;
    return asksOrWonders(s) && !you.test(s);
  };

  const startsWithHeader = (s: string): boolean =>
    openers.some(([o, c]) => s.startsWith(o) && s.indexOf(c, 1) > 1 && s.indexOf(c, 1) <= 24);
  const titleAt = (s: string, i: number): string | undefined =>
    titles.find((ti) => s.startsWith(ti, i) && (i + ti.length === s.length || s[i + ti.length] === COLON || s[i + ti.length] === SPACE_BREAK));

  return (tt) => {
    const t = tt.t;
    const segments = splitSegments(t);
    const hasCollectorLabel = segments.some(([a, b]) => collectorLabel.test(t.slice(a, b)));
    const clockCount = (t.match(clock) ?? []).length;
    const parts: Part[] = [];

    for (const [a0, b] of segments) {
      let a = a0;
      const seg = t.slice(a, b);
      if (hasCollectorLabel && (collectorLabel.test(seg) || userLabel.test(seg))) {
        parts.push({ start: a, end: b, role: 'quoted', why: 'transcript' });
        continue;
      }
      if (clockCount >= 2 && timeLine.test(seg)) {
        parts.push({ start: a, end: b, role: 'quoted', why: 'timestamps' });
        continue;
      }
      const num = numbering.exec(seg);
      if (num && startsWithHeader(seg.slice(num[0].length))) a += num[0].length;
      const s = t.slice(a, b);
      if (startsWithHeader(s)) {
        pushPaste(parts, t, a, b, 'header');
        continue;
      }
      if (titleAt(s, 0)) {
        pushPaste(parts, t, a, b, 'title');
        continue;
      }
      const opener = findOpener(s);
      if (opener) {
        if (opener.kind === 'quote') {
          if (opener.at > 0) parts.push({ start: a, end: a + opener.at, role: 'own', why: 'head' });
          parts.push({ start: a + opener.at, end: a + opener.end, role: 'quoted', why: 'quote' });
          if (a + opener.end < b) parts.push({ start: a + opener.end, end: b, role: 'own', why: 'tail' });
        } else {
          parts.push({ start: a, end: a + opener.at, role: 'own', why: 'head' });
          pushPaste(parts, t, a + opener.at, b, opener.kind);
        }
        continue;
      }
      const soft = softOpener(s);
      if (soft !== undefined) {
        parts.push({ start: a, end: a + soft, role: 'own', why: 'frame' });
        const cut = tailStart(t, a + soft, b);
        parts.push({ start: a + soft, end: cut, role: 'free', why: 'free', userish: userish(t.slice(a + soft, cut)) });
        if (cut < b) parts.push({ start: cut, end: b, role: 'own', why: 'tail' });
      } else if (back.find(s)?.start === 0) parts.push({ start: a, end: b, role: 'own', why: 'back' });
      else if (isFrameOnly(s)) parts.push({ start: a, end: b, role: 'own', why: 'frame' });
      else if (userCue.test(s)) parts.push({ start: a, end: b, role: 'own', why: 'user-cue' });
      else parts.push({ start: a, end: b, role: 'free', why: 'free', userish: userish(s) });
    }
    return parts.filter((p) => meaningful(t.slice(p.start, p.end)));
  };

  /** A paste starting at `from`, with the user's question at its end split off as `own`. */
  function pushPaste(parts: Part[], t: string, from: number, end: number, why: Part['why']): void {
    const cut = tailStart(t, from, end);
    if (cut > from) parts.push({ start: from, end: cut, role: 'quoted', why });
    if (cut < end) parts.push({ start: cut, end, role: 'own', why: 'tail' });
  }

  /**
   * Where the user's own words at the end of a pasted span begin (`end` when there are none). Only the last
   * MAX_TAIL characters are searched: a question after a paste is short, and a long paste stays linear.
   */
  function tailStart(t: string, from: number, end: number): number {
    let best = end;
    for (let i = Math.max(from + 1, end - MAX_TAIL); i < end; i++) {
      const prev = t[i - 1]!;
      if (prev !== SPACE_BREAK && !SENTENCE_END.includes(prev)) continue;
      if (t[i] === SPACE_BREAK) continue;
      const tail = t.slice(i, end);
      if (meaningful(tail) && userish(tail)) {
        best = i;
        break;
      }
    }
    return best;
  }

  /** A frame with a colon, a header or a title after the user's words, or a pasted quotation, in one segment. */
  function findOpener(s: string): { kind: 'frame' | 'header' | 'title' | 'quote'; at: number; end: number } | undefined {
    const candidates: Array<{ kind: 'frame' | 'header' | 'title' | 'quote'; at: number; end: number }> = [];
    for (let i = 1; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === COLON && !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''))) {
        const before = s.slice(sentenceStart(s, i), i);
        const saidBefore = [...speech, ...messageVerbs].some((v) => before.endsWith(v) || before.endsWith(`${v}了`) || before.endsWith(`${v}的`));
        if (i + 1 < s.length && (saidBefore || pasteFrame.test(before))) candidates.push({ kind: 'frame', at: i + 1, end: s.length });
        break;
      }
    }
    for (const [o] of openers) {
      const i = s.indexOf(o, 1);
      if (i > 0 && startsWithHeader(s.slice(i))) candidates.push({ kind: 'header', at: i, end: s.length });
    }
    for (let i = 1; i < s.length; i++) {
      if (s[i - 1] !== SPACE_BREAK && !compilerBreak(s[i - 1]!)) continue;
      const ti = titleAt(s, i);
      if (ti && s[i + ti.length] === COLON) {
        candidates.push({ kind: 'title', at: i, end: s.length });
        break;
      }
    }
    const q = pastedQuote(s);
    if (q) candidates.push({ kind: 'quote', at: q[0], end: q[1] });
    candidates.sort((x, y) => x.at - y.at);
    return candidates[0];
  }

  /** The first quotation that is a pasted message rather than a few words quoted inside the user's sentence. */
  function pastedQuote(s: string): [number, number] | undefined {
    for (const [open, close] of quotes) {
      const o = s.indexOf(open);
      if (o < 0) continue;
      const c = s.indexOf(close, o + 1);
      if (c < 0) continue;
      const inner = s.slice(o + 1, c).replace(/[¦\s]/g, '');
      if (inner.length < 2) continue;
      if (o === 0 || s[o - 1] === COLON) return [o, c + 1];
      if (inner.length >= maxEmbedded) return [o, c + 1];
      const before = s.slice(clauseStartOf(s, o - 1), o).replace(/[¦]+$/, '');
      const adjacent = s[o - 1] !== SPACE_BREAK;
      const verbs = adjacent ? [...speech, ...messageVerbs] : [...speech];
      if ([...verbs].some((v) => before.endsWith(v) || before.endsWith(`${v}了`) || before.endsWith(`${v}的`))) continue;
      // A few words quoted with no frame ("又来了 “你挂一次我打一次”") stay in the user's sentence; after a frame
      // ("又来一条 “……”") they are the pasted message.
      if (inner.length < 10 && !(inner.length >= 5 && endsWithFrame(before))) continue;
      return [o, c + 1];
    }
    return undefined;
  }

  /** The words right before a quotation end with a frame ("又来一条", "他们发的"). */
  function endsWithFrame(before: string): boolean {
    const bare = before.replace(/[¦:]+$/, '');
    const hits = pasteFrame.all(bare);
    const last = hits[hits.length - 1];
    return last !== undefined && bare.length - last.end <= 1;
  }

  /** "看下这个", "刚收到的 你看看", "转发：": the segment only introduces what follows. */
  function isFrameOnly(s: string): boolean {
    const bare = s.replace(/[¦:。.!！~～…]+$/, '');
    const hits = pasteFrame.all(bare);
    const last = hits[hits.length - 1];
    if (!last || collectorCue.test(bare)) return false;
    if (s.endsWith(COLON)) return true;
    return bare.replace(/¦/g, '').length <= 14 && bare.length - last.end <= 2;
  }

  /**
   * "我爸收到的短信 叔叔您好 您女儿……": a short frame clause, a space, then a long remainder that may be the pasted
   * message. Returns where the remainder starts; the classifier decides whether it is pasted.
   */
  function softOpener(s: string): number | undefined {
    const gap = s.indexOf(SPACE_BREAK);
    if (gap <= 0 || gap > 14) return undefined;
    const head = s.slice(0, gap);
    const rest = s.slice(gap + 1);
    if (rest.replace(/¦/g, '').length < 12 || !isFrameOnly(head)) return undefined;
    return gap + 1;
  }

  function compilerBreak(ch: string): boolean {
    return compiler.clauseBreaks.includes(ch);
  }

  function sentenceStart(s: string, i: number): number {
    for (let k = i - 1; k >= 0; k--) if (compiler.sentenceBreaks.includes(s[k]!) && s[k] !== SPACE_BREAK) return k + 1;
    return 0;
  }

  function clauseStartOf(s: string, i: number): number {
    for (let k = i; k >= 0; k--) if (SENTENCE_END.includes(s[k]!) || s[k] === '，' || s[k] === ',') return k + 1;
    return 0;
  }
}

/** Segments: runs between line breaks (and wider gaps, which the reader turned into line breaks). */
export function splitSegments(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === '\n') {
      let a = start;
      let b = i;
      while (a < b && t[a] === SPACE_BREAK) a++;
      while (b > a && t[b - 1] === SPACE_BREAK) b--;
      if (b > a) out.push([a, b]);
      start = i + 1;
    }
  }
  return out;
}

/** Has at least one letter or digit (not only punctuation, breaks or quotes). */
export function meaningful(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}
