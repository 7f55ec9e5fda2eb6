/**
 * Numbers as borrowers type them: 10,000 / 1万 / 1.5万 / 1万2 (12,000) / 1w / 10k / 五千 / 一万二 / 两千五 /
 * 一千零五十, and small counts (十二, 两, 半). The characters and their values (digits, units, magnitudes,
 * currency words) are data, knowledge/interest/cues.yaml `numerals`; this file holds only how they combine.
 * Which number is what is decided by the cue words elsewhere in cues.yaml.
 */

/** The numeral tables of cues.yaml. */
export interface NumeralCues {
  digits: Record<string, number>;
  units: Record<string, number>;
  big: Record<string, number>;
  magnitudes: Record<string, number>;
  currency_after: string[];
  currency_before: string[];
  half: string;
  /**
   * 六百三十八块五 / 38块5毛 / 3块2毛5: one digit right after the currency word (块) is tenths of a yuan, optionally
   * named (毛), then one more digit of hundredths; not when a unit of a count follows the digit (1000块5期).
   */
  change: { currency: string[]; tenth: string[]; hundredth: string[]; not_before: string[] };
}

/** A number found in text, with its span; `magnitude` says it carried 万/千/k/w, `currency` 元/块/¥. */
export interface NumberHit {
  value: number;
  start: number;
  end: number;
  magnitude: boolean;
  currency: boolean;
  /** Written in Chinese numerals (五千). */
  chinese: boolean;
}

/** Reading numbers with one set of numeral tables. */
export interface NumberGrammar {
  /** Every number in `t` (already lower-cased), Arabic and Chinese, in text order. */
  findNumbers(t: string): NumberHit[];
  /**
   * Runs of Chinese numerals with a unit that are not one number (七八千, 五六万: "seven or eight thousand"), as
   * spans: a borrower's range, to be asked about rather than read as one value or skipped.
   */
  findRanges(t: string): Array<{ start: number; end: number }>;
  /** 五千 → 5000, 一万二 → 12000, 一千零五十 → 1050; NaN when the characters are not one number. */
  chineseAmount(s: string): number;
  /** A small count: "12", "十二", "两", "半" (0.5). NaN when it is none. */
  smallCount(s: string): number;
  /** Regex sources for other readers: */
  patterns: {
    /** A small count in Chinese numerals (十二, 两, 三十六). */
    count: string;
    /** A count of up to 31 in Chinese numerals (for months and days of dates). */
    dateCount: string;
    /** An amount with one capture group for its number and an optional currency word after it. */
    amount: string;
    /** The characters that may start an amount. */
    start: string;
  };
}

/** Builds the grammar over `n` (knowledge/interest/cues.yaml numerals). */
export function createNumberGrammar(n: NumeralCues): NumberGrammar {
  const digits = new Map(Object.entries(n.digits));
  const units = new Map(Object.entries(n.units));
  const big = Object.entries(n.big);
  const magnitudes = new Map(Object.entries(n.magnitudes));
  const cls = (xs: Iterable<string>) => [...xs].map(escapeClass).join('');
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const digitCls = cls(digits.keys());
  const nonZeroDigitCls = cls([...digits].filter(([, v]) => v > 0).map(([k]) => k));
  const zeroChars = [...digits].filter(([, v]) => v === 0).map(([k]) => k);
  const unitCls = cls(units.keys());
  const bigCls = cls(big.map(([k]) => k));
  const magAlt = alt([...magnitudes.keys()]);
  const after = alt(n.currency_after);
  const before = cls(n.currency_before);
  const smallUnitCls = cls([...units].filter(([, v]) => v <= 100).map(([k]) => k));
  const tenCls = cls([...units].filter(([, v]) => v === 10).map(([k]) => k));
  const changeDigit = `[\\d${nonZeroDigitCls}]`;
  const changeRe = new RegExp(`^(${changeDigit})(${alt(n.change.tenth)})?(?:(${changeDigit})(?:${alt(n.change.hundredth)})?)?`);
  const changeCurrency = new Set(n.change.currency);

  /** The tenths and hundredths of a yuan said right after the currency word that ends a hit at `end` (0 when none). */
  function changeAfter(t: string, end: number, unitWord: string | undefined): { value: number; length: number } {
    if (!unitWord || !changeCurrency.has(unitWord)) return { value: 0, length: 0 };
    const m = changeRe.exec(t.slice(end));
    if (!m) return { value: 0, length: 0 };
    // 38块5毛 names the tenths; a bare Arabic digit (1000块5期, 500块3天) is too often a count to be read so.
    if (!m[2] && /\d/.test(m[1]!)) return { value: 0, length: 0 };
    const rest = t.slice(end + m[0].length);
    if (n.change.not_before.some((w) => rest.startsWith(w)) || new RegExp(`^[\\d${digitCls}${unitCls}${bigCls}]`).test(rest)) return { value: 0, length: 0 };
    const digit = (c: string) => (/\d/.test(c) ? Number(c) : digits.get(c)!);
    // 3块2毛5: a second digit is hundredths only after a named tenth.
    if (m[3] && !m[2]) return { value: 0, length: 0 };
    return { value: digit(m[1]!) / 10 + (m[3] ? digit(m[3]) / 100 : 0), length: m[0].length };
  }

  // 10,000.50 | 1.5 then 万/w/千/k/百 and a tail digit (1万2, but not the 1 of 2万15天), then 元/块; or ¥ first.
  const arabic = new RegExp(`([${before}])?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:(${magAlt})(?:(\\d)(?![\\d.]))?)?(${after})?`, 'g');
  const chinese = new RegExp(`[${digitCls}${unitCls}${bigCls}]+(?:${after})?`, 'g');
  const currencyTail = new RegExp(`(${after})$`);
  const startsWithDigitOrTen = new RegExp(`^[${digitCls}${tenCls}]`);
  const hasUnit = new RegExp(`[${unitCls}${bigCls}]`);

  /**
   * 万五 (15,000), 万八: the big unit said without its 一, then one digit. 万一 ("in case") and 万零 are words, not
   * amounts; a rate's 日息万五 is read (and masked) by the rate reader before amounts are.
   */
  function bigThenDigit(s: string): boolean {
    return s.length === 2 && big.some(([k]) => k === s[0]) && (digits.get(s[1]!) ?? 0) >= 2;
  }

  function belowBig(s: string): number {
    if (!s) return NaN;
    let total = 0;
    let digit = -1;
    let lastUnit = 0;
    let sawZero = false;
    for (const ch of s) {
      const d = digits.get(ch);
      const u = units.get(ch);
      if (d !== undefined) {
        if (digit > 0 && d !== 0) return NaN;
        if (d === 0) sawZero = true;
        digit = d;
      } else if (u !== undefined) {
        if (lastUnit && u >= lastUnit) return NaN;
        total += (digit < 0 ? 1 : digit) * u;
        lastUnit = u;
        digit = -1;
      } else return NaN;
    }
    // 三千五 = 3500: a lone digit after a unit of 100 or more is one step below it.
    if (digit > 0) total += lastUnit >= 100 && !sawZero ? (digit * lastUnit) / 10 : digit;
    return total;
  }

  function chineseAmount(s: string): number {
    if (!s) return NaN;
    for (const [ch, size] of big) {
      const at = s.indexOf(ch);
      if (at < 0) continue;
      if (s.indexOf(ch, at + 1) >= 0) return NaN;
      const head = at === 0 ? 1 : belowBig(s.slice(0, at));
      const rest = s.slice(at + 1);
      const lone = rest.length === 1 ? digits.get(rest) : undefined;
      const tail = rest === '' ? 0 : lone !== undefined ? (lone * size) / 10 : belowBig(zeroChars.includes(rest[0]!) ? rest.slice(1) : rest);
      return head * size + tail;
    }
    return belowBig(s);
  }

  return {
    chineseAmount,
    findRanges(t) {
      const out: Array<{ start: number; end: number }> = [];
      chinese.lastIndex = 0;
      for (let m = chinese.exec(t); m; m = chinese.exec(t)) {
        const num = m[0].replace(currencyTail, '');
        if (hasUnit.test(num) && startsWithDigitOrTen.test(num) && !Number.isFinite(chineseAmount(num))) out.push({ start: m.index, end: m.index + m[0].length });
      }
      return out;
    },
    smallCount(s) {
      if (s === n.half) return 0.5;
      if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
      return belowBig(s);
    },
    findNumbers(t) {
      const out: NumberHit[] = [];
      arabic.lastIndex = 0;
      for (let m = arabic.exec(t); m; m = arabic.exec(t)) {
        const [all, sign, int, frac, mag, tail, unitWord] = m;
        let value = Number(int!.replace(/,/g, '') + (frac ?? ''));
        if (mag) {
          const size = magnitudes.get(mag)!;
          value = value * size + (tail ? (Number(tail) * size) / 10 : 0);
        }
        const change = changeAfter(t, m.index + all.length, unitWord);
        out.push({ value: round2(value + change.value), start: m.index, end: m.index + all.length + change.length, magnitude: Boolean(mag), currency: Boolean(sign || unitWord), chinese: false });
        arabic.lastIndex = m.index + all.length + change.length;
      }
      chinese.lastIndex = 0;
      for (let m = chinese.exec(t); m; m = chinese.exec(t)) {
        const all = m[0];
        const unitWord = currencyTail.exec(all)?.[0] ?? '';
        const num = all.slice(0, all.length - unitWord.length);
        if (!startsWithDigitOrTen.test(num) && !bigThenDigit(num)) continue;
        const value = chineseAmount(num);
        if (!Number.isFinite(value) || value <= 0) continue;
        const change = changeAfter(t, m.index + all.length, unitWord || undefined);
        out.push({ value: round2(value + change.value), start: m.index, end: m.index + all.length + change.length, magnitude: hasUnit.test(num), currency: Boolean(unitWord), chinese: true });
        chinese.lastIndex = m.index + all.length + change.length;
      }
      // 六百三十八块五: the 五 read as change is part of the hit before it, not a number of its own.
      return out.filter((h) => !out.some((o) => o !== h && o.start < h.start && h.end <= o.end)).sort((a, b) => a.start - b.start);
    },
    patterns: {
      count: `[${nonZeroDigitCls}${smallUnitCls}]{1,4}`,
      dateCount: `[${nonZeroDigitCls}${tenCls}]{1,3}`,
      amount: `(\\d+(?:\\.\\d+)?(?:${magAlt})?\\d?|[${digitCls}${unitCls}${bigCls}]+)(?:${after})?`,
      start: `[\\d${digitCls}${unitCls}${bigCls}${escapeClass(n.half)}]`,
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}
