/**
 * Text normalisation for the offline analyzer. Collectors' messages arrive in traditional characters,
 * full-width forms, OCR output with spaces between characters, emoji, and deliberately evasive spellings;
 * rules are written once against a canonical form. Every character of the normalised text keeps the span of
 * original text it came from, so evidence is always quoted as the user sent it.
 */
import * as OpenCC from 'opencc-js';

export interface NormalizedText {
  /** The original input. */
  original: string;
  /** Canonical text: simplified, half-width, lower-case, no emoji, no spaces between Han, variants mapped. */
  text: string;
  /** For each UTF-16 unit of `text`, where its source starts in `original`. */
  starts: number[];
  /** For each UTF-16 unit of `text`, where its source ends (exclusive) in `original`. */
  ends: number[];
}

export interface Normalizer {
  normalize(input: string): NormalizedText;
}

/** A variant spelling and its canonical form, as data lists them (暴光 → 曝光, "zuo lao" → 坐牢). */
export interface VariantEntry {
  from: string;
  to: string;
}

interface Unit {
  ch: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  to?: string;
}

const toSimplified: (s: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' }) as (s: string) => string;

/** `text` in simplified characters ("我唔會做傻事" → "我唔会做傻事"), for matching cue words written in simplified form. */
export function simplified(text: string): string {
  return Array.from(text, simplifiedChar).join('');
}
const charCache = new Map<string, string>();
/** Already simplified characters the Taiwan → mainland table turns into something else (么 → 幺: "在么" is not "在幺"). */
const KEEP = new Set(['么']);

/**
 * Characters that render as nothing (or only steer layout) and are slipped inside words to dodge filters
 * ("法\u061c院", "拘\u{e0020}传"): soft hyphen, combining grapheme joiner, the Arabic letter mark, Hangul and
 * Khmer fillers, Mongolian free variation selectors and vowel separator, zero-width and bidi marks, embeddings
 * and isolates, word joiner and invisible operators, deprecated format characters, the blank Braille pattern
 * (a common "empty" filler in chat apps), interlinear annotation marks, the BOM, shorthand, Egyptian and musical
 * format controls, and the whole tag block (U+E0000–E007F).
 */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/u;
/** Line and paragraph separators (and NEL) end a line like "\n", so clause and line rules see the break. */
const LINE_BREAK = /[\u0085\u2028\u2029]/u;
const DROPPED = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u20e3]/u;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const ASCII_ALNUM = /[a-z0-9]/;
const LATIN = /[a-z]/;
const SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

/**
 * Builds a normaliser with the given variant map. Variant keys are themselves normalised (so they may be written
 * in traditional or full-width form); Latin keys match with or without spaces between syllables, and keys of Latin
 * letters only (or ≤ 3 letters and digits) only as whole words.
 */
export function createNormalizer(variants: VariantEntry[]): Normalizer {
  const root: TrieNode = { next: new Map() };
  // Emoji are dropped, except those a variant names ("🔪" → "[凶器]"): they carry meaning the rules read.
  const kept = new Set<string>();
  for (const v of variants) for (const ch of v.from) if (DROPPED.test(ch) && !/[\ufe00-\ufe0f]/u.test(ch)) kept.add(ch);
  for (const v of variants) {
    const key = baseUnits(v.from, kept)
      .map((u) => u.ch)
      .join('')
      .replace(/\s+/g, '');
    const simplified = convertUnits(baseUnits(key, kept)).map((u) => u.ch).join('');
    if (simplified.length === 0) continue;
    let node = root;
    for (const ch of simplified) {
      let n = node.next.get(ch);
      if (!n) {
        n = { next: new Map() };
        node.next.set(ch, n);
      }
      node = n;
    }
    node.to = v.to;
  }
  // Keys that must match whole words: short Latin keys (≤ 3 letters or digits) and every key of Latin letters only
  // (English words, pinyin syllables), so "huan" is not read inside "chuan" nor "told" inside "untold".
  const shortLatin = new Set(
    variants
      .map((v) => v.from.toLowerCase().replace(/\s+/g, ''))
      .filter((k) => /^[a-z0-9]{1,3}$/.test(k) || /^[a-z]+$/.test(k)),
  );

  return {
    normalize(input: string): NormalizedText {
      let units = baseUnits(input, kept);
      units = convertUnits(units);
      units = squeezeSpaces(units);
      units = applyVariants(units, root, shortLatin);
      // English or pinyin words turned into Chinese ("you will go to jail" → "你会 去 坐牢") leave spaces beside Han
      // characters; drop them as for typed Chinese, so the rules' gaps count the same.
      units = squeezeSpaces(units);
      return toNormalized(input, units);
    },
  };
}

/** The original text behind normalised offsets [start, end). */
export function originalSpan(n: NormalizedText, start: number, end: number): string {
  if (end <= start || start >= n.starts.length) return '';
  const from = n.starts[start]!;
  const to = n.ends[Math.min(end, n.ends.length) - 1]!;
  return n.original.slice(from, to);
}

/**
 * Step 1: code points → units; drops emoji (except those in `keep`), invisible and control characters;
 * full-width → half-width.
 */
function baseUnits(input: string, keep: ReadonlySet<string>): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let ch = String.fromCodePoint(cp);
    const start = i;
    i += len;
    if (ch === '\r') {
      if (input[i] === '\n') continue;
      ch = '\n';
    }
    if (INVISIBLE.test(ch) || CONTROL.test(ch) || (DROPPED.test(ch) && !keep.has(ch)) || ch === '\u200d') continue;
    if (LINE_BREAK.test(ch)) ch = '\n';
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x3000) ch = ' ';
    ch = ch.toLowerCase();
    out.push({ ch, start, end: i });
  }
  return out;
}

/** Step 2: traditional → simplified, keeping one unit per character. */
function convertUnits(units: Unit[]): Unit[] {
  if (units.length === 0) return units;
  const joined = units.map((u) => u.ch).join('');
  const converted = toSimplified(joined);
  const chars = Array.from(converted);
  if (chars.length === units.length) {
    return units.map((u, k) => {
      const ch = chars[k]!;
      return ch === u.ch || KEEP.has(u.ch) ? u : { ...u, ch };
    });
  }
  // A phrase conversion changed the length: fall back to character by character.
  return units.map((u) => {
    const c = simplifiedChar(u.ch);
    return c === u.ch ? u : { ...u, ch: c };
  });
}

/** One character in simplified form (cached; kept as it is when the table would make it more than one). */
function simplifiedChar(ch: string): string {
  let c = charCache.get(ch);
  if (c === undefined) {
    c = KEEP.has(ch) ? ch : toSimplified(ch);
    if (Array.from(c).length !== 1) c = ch;
    charCache.set(ch, c);
  }
  return c;
}

/** Step 4: variant spellings → canonical, longest match first; spaces between Latin syllables are skipped. */
function applyVariants(units: Unit[], root: TrieNode, shortLatin: Set<string>): Unit[] {
  if (root.next.size === 0) return units;
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    let node: TrieNode | undefined = root.next.get(units[i]!.ch);
    let best: { to: string; last: number } | undefined;
    let j = i;
    let key = '';
    while (node) {
      key += units[j]!.ch;
      if (node.to !== undefined) {
        const wholeWord = !shortLatin.has(key) || isWordBoundary(units, i, j, /^[a-z]+$/.test(key) ? LATIN : ASCII_ALNUM);
        if (wholeWord) best = { to: node.to, last: j };
      }
      j++;
      while (j < units.length && SPACE.test(units[j]!.ch) && LATIN.test(units[j - 1]!.ch)) j++;
      if (j >= units.length) break;
      node = node.next.get(units[j]!.ch);
    }
    if (!best) {
      out.push(units[i]!);
      i++;
      continue;
    }
    const start = units[i]!.start;
    const end = units[best.last]!.end;
    for (const ch of Array.from(best.to)) out.push({ ch, start, end });
    i = best.last + 1;
  }
  return out;
}

/** No `word` character (Latin letters for a word key, letters or digits for a key with digits) right before or after. */
function isWordBoundary(units: Unit[], first: number, last: number, word: RegExp): boolean {
  const before = units[first - 1]?.ch;
  const after = units[last + 1]?.ch;
  return !(before && word.test(before)) && !(after && word.test(after));
}

/** Step 3: drops spaces unless they separate two Latin words; keeps line breaks (speaker turns, clauses). */
function squeezeSpaces(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.ch === '\n') {
      if (out.length > 0 && out[out.length - 1]!.ch !== '\n') out.push(u);
      continue;
    }
    if (!SPACE.test(u.ch)) {
      out.push(u);
      continue;
    }
    const prev = out[out.length - 1];
    let k = i + 1;
    while (k < units.length && SPACE.test(units[k]!.ch)) k++;
    const next = units[k];
    if (prev && next && LATIN.test(prev.ch) && LATIN.test(next.ch)) {
      out.push({ ch: ' ', start: u.start, end: u.end });
    }
    i = k - 1;
  }
  return out;
}

function toNormalized(original: string, units: Unit[]): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const u of units) {
    text += u.ch;
    for (let k = 0; k < u.ch.length; k++) {
      starts.push(u.start);
      ends.push(u.end);
    }
  }
  return { original, text, starts, ends };
}
