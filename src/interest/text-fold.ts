/**
 * Folds the ways a borrower may type a description into the one form the loan parser reads: traditional
 * characters and the financial numerals (壹萬 → 一万), a few homophone typos where they cannot mean anything
 * else (每月换1050 → 每月还1050, 分12其 → 分12期), and English words in a mixed message (borrowed 5k got 4k →
 * 借5k到手4k), with numbers said in words read as digits (ten thousand → 10000). Every word and character comes from knowledge/interest/cues.yaml; this file only applies them.
 * The input is already lower-cased and NFKC-normalised.
 */

/** The folding tables of cues.yaml. */
export interface FoldCues {
  fold_chars: Record<string, string>;
  typos: {
    phrases: Record<string, string>;
    before_number: Record<string, string>;
    after_number: Record<string, string>;
    magnitude: Record<string, string>;
    /** 分6七 / 分十二七: a character typed for 期 after 分 and a count (voice typing), where it ends the count. */
    after_split_count: Record<string, string>;
    /** 0。8%: a mark typed for the decimal point between digits of a percent. */
    decimal_before_percent: string[];
  };
  english: Record<string, string>;
  /** Sentence shapes rewritten before the words ("3k on day 20" → "第20天还3k"): a regex and its replacement. */
  english_patterns: Array<{ match: string; replace: string }>;
  /** English words kept when the rest of the unknown ones in an English sentence are dropped (rmb, x, app). */
  english_keep: string[];
  /** Numbers said in English words (ten thousand, two thousand five hundred): units, 'hundred', scales, joiners (and). */
  english_numbers: { units: Record<string, number>; hundred: string[]; scales: Record<string, number>; joiners: string[] };
}

/** Rewrites one lower-cased text; the same text always gives the same result. */
export type TextFold = (t: string) => string;

/** The first character of a number, in digits or Chinese numerals (after folding). */
const NUMBER_CHAR = '[\\d零〇一二两三四五六七八九十百千万]';

/** Builds the fold over `cues`. */
export function createTextFold(cues: FoldCues): TextFold {
  const chars = new Map(Object.entries(cues.fold_chars));
  const charRe = chars.size ? new RegExp(`[${[...chars.keys()].map(escapeClass).join('')}]`, 'g') : undefined;
  const phrases = byLength(Object.keys(cues.typos.phrases));
  const phraseRe = phrases.length ? new RegExp(phrases.map(escapeRe).join('|'), 'g') : undefined;
  const beforeKeys = Object.keys(cues.typos.before_number);
  const beforeRe = beforeKeys.length ? new RegExp(`(${beforeKeys.map(escapeRe).join('|')})(?=${NUMBER_CHAR})`, 'g') : undefined;
  const afterKeys = Object.keys(cues.typos.after_number);
  const afterRe = afterKeys.length ? new RegExp(`(?<=[\\d一二两三四五六七八九十])(${afterKeys.map(escapeRe).join('|')})`, 'g') : undefined;
  // 一完块钱 / 借了3完: 完 after a number, before 块/元 or the end of a phrase, is 万 typed by its sound.
  const magnitudeKeys = Object.keys(cues.typos.magnitude);
  // 分6七 / 分十二七: after 分 and a count whose last character is no 十 (分十七 is seventeen), a typed 期 that no unit
  // or numeral follows. 每七 then reads as 每期 only once the count has shown the typing.
  const splitKeys = Object.keys(cues.typos.after_split_count);
  const splitCountRe = splitKeys.length
    ? new RegExp(`(?<=分(?:\\d{1,3}|[一二两三四五六七八九十]*[一二两三四五六七八九]))(${splitKeys.map(escapeRe).join('|')})(?![\\d.零〇一二两三四五六七八九十百千万期个天周月年次块元])`, 'g')
    : undefined;
  const everySplitRe = splitKeys.length ? new RegExp(`每(${splitKeys.map(escapeRe).join('|')})(?=[还交付扣])`, 'g') : undefined;
  const decimalRe = cues.typos.decimal_before_percent.length ? new RegExp(`(?<=\\d)(?:${cues.typos.decimal_before_percent.map(escapeRe).join('|')})(?=\\d+%)`, 'g') : undefined;
  const magnitudeRe = magnitudeKeys.length ? new RegExp(`(?<=${NUMBER_CHAR})(${magnitudeKeys.map(escapeRe).join('|')})(?=[块元,，。;；!！?？\\s]|$)`, 'g') : undefined;
  const english = byLength(Object.keys(cues.english).map((w) => w.toLowerCase()));
  const englishMap = new Map(Object.entries(cues.english).map(([k, v]) => [k.toLowerCase(), v]));
  // Whole words only, with the spaces around them (so "5k in 7 days" → "5k,7天").
  const englishRe = english.length ? new RegExp(`\\s*(?<![a-z])(${english.map((w) => w.split(/\s+/).map(escapeRe).join('\\s+')).join('|')})(?![a-z])\\s*`, 'g') : undefined;
  const shapes = cues.english_patterns.map((p) => ({ re: new RegExp(p.match, 'g'), replace: p.replace }));
  const keep = new Set(cues.english_keep.map((w) => w.toLowerCase()));
  const spelled = createEnglishNumbers(cues.english_numbers);

  return (t) => {
    let s = charRe ? t.replace(charRe, (c) => chars.get(c) ?? c) : t;
    if (phraseRe) s = s.replace(phraseRe, (w) => cues.typos.phrases[w] ?? w);
    if (beforeRe) s = s.replace(beforeRe, (w) => cues.typos.before_number[w] ?? w);
    if (afterRe) s = s.replace(afterRe, (w) => cues.typos.after_number[w] ?? w);
    if (magnitudeRe) s = s.replace(magnitudeRe, (w) => cues.typos.magnitude[w] ?? w);
    if (splitCountRe && splitCountRe.test(s)) {
      s = s.replace(splitCountRe, (w) => cues.typos.after_split_count[w] ?? w);
      if (everySplitRe) s = s.replace(everySplitRe, (_m, w: string) => `每${cues.typos.after_split_count[w] ?? w}`);
    }
    if (decimalRe) s = s.replace(decimalRe, '.');
    if (/[a-z]{2}/.test(s)) {
      s = spelled(s);
      for (const { re, replace } of shapes) s = s.replace(re, replace);
      let known = 0;
      if (englishRe) s = s.replace(englishRe, (_all, w: string) => (known++, englishMap.get(w.replace(/\s+/g, ' ')) ?? w));
      // In an English sentence (two words or more read), the words left over (a, the, cash, from …) would stand
      // between a cue and its number: dropped, as a space. A Chinese message with one English word (没牌照的app)
      // keeps it. A letter right after a digit is a magnitude (5k, 2w) and stays.
      if (known >= 2) s = s.replace(/(?<![a-z\d])[a-z]+(?![a-z])/g, (w) => (keep.has(w) ? w : ' '));
    }
    return s;
  };
}

/**
 * Rewrites runs of English number words as digits: "ten thousand" → 10000, "two thousand five hundred" → 2500,
 * "twenty-five" → 25, "a thousand" → 1000. A lone "one" is left as it is: the word phrases (in one month, for one
 * year) read it, and "one" alone is seldom an amount.
 */
function createEnglishNumbers(n: FoldCues['english_numbers']): (s: string) => string {
  const units = new Map(Object.entries(n.units));
  const scales = new Map(Object.entries(n.scales));
  const hundred = new Set(n.hundred);
  const number = [...units.keys(), ...hundred, ...scales.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const joiner = `(?:[\\s-]+(?:(?:${n.joiners.map(escapeRe).join('|')})\\s+)?)`;
  // A run starts with a unit (or "a" before a scale) and goes on while number words follow.
  const runRe = new RegExp(`(?<![a-z])(?:(?:${number})|a(?=\\s+(?:${[...hundred, ...scales.keys()].map(escapeRe).join('|')})(?![a-z])))(?:${joiner}(?:${number}))*(?![a-z])`, 'g');
  // "5 thousand", "1.5 hundred": digits then a scale word.
  const scaled = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(${[...hundred, ...scales.keys()].map(escapeRe).join('|')})(?![a-z])`, 'g');
  return (s) =>
    s.replace(scaled, (_m, d: string, w: string) => String(Math.round(Number(d) * (hundred.has(w) ? 100 : scales.get(w)!) * 100) / 100)).replace(runRe, (run) => {
      const ws = run.split(/[\s-]+/).filter((w) => w && !n.joiners.includes(w));
      if (ws.length === 1 && (ws[0] === 'one' || !units.has(ws[0]!))) return run;
      let total = 0;
      let current = 0;
      for (const w of ws) {
        if (w === 'a') current = 1;
        else if (units.has(w)) current += units.get(w)!;
        else if (hundred.has(w)) current = (current || 1) * 100;
        else {
          total += (current || 1) * scales.get(w)!;
          current = 0;
        }
      }
      return String(total + current);
    });
}

function byLength(xs: string[]): string[] {
  return [...new Set(xs)].sort((a, b) => b.length - a.length);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}
