/**
 * Amounts of money as borrowers type them: 5000, 2,108.40元, ¥3,672.18, 1万, 1.5万, 3万2 (32,000), 4万8,
 * 1w, 10k, 2.1k, 五千, 一万一 (11,000), 两万五, 十二万, 8000块. Numbers that are terms, counts, dates, rates,
 * phone or case numbers are not amounts; the caller's cue words (facts.yaml) say which ones are.
 */

/** An amount found in a normalised text. */
export interface AmountHit {
  value: number;
  start: number;
  end: number;
  /** It carried a money unit (元, 块, 万, k, w, ¥) rather than being a bare number. */
  unit: boolean;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// Arabic: 12,436.50 | 3.5 with an optional magnitude and tail digit (3万2), then an optional currency word.
const ARABIC = /([¥￥]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(万|w|千|k|百)(\d)?(?![\d.]))?(?:\s?(元|块钱|块|rmb|人民币))?/gi;
// Chinese numerals with at least one magnitude character, optionally followed by a currency word.
const CHINESE = /([零〇一二两三四五六七八九十百千]+万?[零〇一二两三四五六七八九十百千]*)(元|块钱|块)?/g;

/**
 * Every amount-like number in `t` with its span. `notBefore` (units such as 期, 个月, %) and `notAfter` (words
 * such as 尾号, 年化) exclude numbers that are something else; a bare number (no unit) must be ≥ `bareMin`.
 */
export function findAmounts(t: string, notBefore: readonly string[], notAfter: readonly string[], bareMin: number): AmountHit[] {
  const out: AmountHit[] = [];
  const excludedAfter = (start: number) => notAfter.some((w) => t.slice(Math.max(0, start - w.length), start) === w);
  const excludedBefore = (end: number) => notBefore.some((w) => t.startsWith(w, end));
  const partOfDateOrClock = (start: number, end: number) =>
    /[\d][.:\-/]$/.test(t.slice(Math.max(0, start - 2), start)) || /^[.:\-/年月日号点]\d?/.test(t.slice(end, end + 2)) || /^[:\-/]/.test(t.slice(end, end + 1));

  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(t); m; m = ARABIC.exec(t)) {
    const [all, currency, intPart, frac, magnitude, tail, unitWord] = m;
    const start = m.index;
    const end = start + all.length;
    if (/[a-z]/i.test(t[start - 1] ?? '') || /[a-z]/i.test(t[end] ?? '') && !unitWord && !magnitude) continue;
    const digits = intPart!.replace(/,/g, '');
    if (!currency && !magnitude && !unitWord) {
      if (digits.length > 7 || /^0\d/.test(digits)) continue;
      if (partOfDateOrClock(start, end) || /x/i.test(t[end] ?? '')) continue;
    }
    if (!unitWord && excludedBefore(end)) continue;
    if (excludedAfter(start)) continue;
    let value = Number(digits + (frac ?? ''));
    if (magnitude) {
      const mag = { 万: 10000, w: 10000, 千: 1000, k: 1000, 百: 100 }[magnitude.toLowerCase() as '万'];
      value = value * mag + (tail ? Number(tail) * (mag / 10) : 0);
    }
    const unit = Boolean(currency || magnitude || unitWord);
    if (!unit && value < bareMin) continue;
    out.push({ value: round2(value), start, end, unit });
  }

  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(t); m; m = CHINESE.exec(t)) {
    const [all, num, unitWord] = m;
    const start = m.index;
    const end = start + all.length;
    if (!/[十百千万]/.test(num!) && !unitWord) continue;
    if (!unitWord && excludedBefore(end)) continue;
    if (excludedAfter(start) || /[几多]/.test(t[start - 1] ?? '')) continue;
    if (out.some((h) => h.start < end && start < h.end)) continue;
    const value = parseChineseAmount(num!);
    if (!Number.isFinite(value) || value < 100) continue;
    out.push({ value, start, end, unit: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * 五千 → 5000, 一万一 → 11000, 两万五 → 25000, 十二万 → 120000, 三千五 → 3500, 一万零五百 → 10500. The
 * colloquial tail after a magnitude (一万一, 三千五) is one step below it. NaN when it is not a number.
 */
export function parseChineseAmount(s: string): number {
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const head = wan === 0 ? 1 : parseBelowWan(s.slice(0, wan));
    const rest = s.slice(wan + 1);
    const tailValue = /^[一二两三四五六七八九]$/.test(rest) ? CN_DIGIT[rest]! * 1000 : rest ? parseBelowWan(rest.replace(/^[零〇]/, '')) : 0;
    return head * 10000 + tailValue;
  }
  return parseBelowWan(s);
}

function parseBelowWan(s: string): number {
  let total = 0;
  let digit = -1;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch in CN_UNIT) {
      total += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      lastUnit = CN_UNIT[ch]!;
      digit = -1;
    } else return NaN;
  }
  if (digit >= 0) total += lastUnit >= 100 && s.length >= 2 && !/[零〇]/.test(s) ? (digit * lastUnit) / 10 : digit;
  return total;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
