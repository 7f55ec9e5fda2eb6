/**
 * Numbers as borrowers type them: 10,000 / 1万 / 1.5万 / 1万2 (12,000) / 1w / 10k / 五千 / 一万二 / 两千五 /
 * 一千零五十, and small counts (十二, 两, 半). Only the grammar of numbers lives here; which number is what is
 * decided by the cue words in knowledge/interest/cues.yaml.
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDE: Record<string, number> = { 万: 10000, w: 10000, 千: 1000, k: 1000, 百: 100 };

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

// 10,000.50 | 1.5 then 万/w/千/k/百 and a tail digit (1万2), then 元/块; or ¥ first.
const ARABIC = /([¥￥])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(万|w|千|k|百)(\d)?(?![\d.]))?(元|块钱|块|rmb)?/g;
const CHINESE = /[零〇一二两俩三四五六七八九十百千万]+(?:元|块钱|块)?/g;

/** Every number in `t` (already lower-cased), Arabic and Chinese, in text order. */
export function findNumbers(t: string): NumberHit[] {
  const out: NumberHit[] = [];
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(t); m; m = ARABIC.exec(t)) {
    const [all, yuanSign, int, frac, mag, tail, unitWord] = m;
    let value = Number(int!.replace(/,/g, '') + (frac ?? ''));
    if (mag) {
      const size = MAGNITUDE[mag]!;
      value = value * size + (tail ? (Number(tail) * size) / 10 : 0);
    }
    out.push({ value: round2(value), start: m.index, end: m.index + all.length, magnitude: Boolean(mag), currency: Boolean(yuanSign || unitWord), chinese: false });
  }
  CHINESE.lastIndex = 0;
  for (let m = CHINESE.exec(t); m; m = CHINESE.exec(t)) {
    const all = m[0];
    const unitWord = /(元|块钱|块)$/.exec(all)?.[0] ?? '';
    const num = all.slice(0, all.length - unitWord.length);
    if (!/^[零〇一二两俩三四五六七八九十]/.test(num)) continue;
    const value = chineseAmount(num);
    if (!Number.isFinite(value) || value <= 0) continue;
    out.push({ value, start: m.index, end: m.index + num.length + unitWord.length, magnitude: /[万千百十]/.test(num), currency: Boolean(unitWord), chinese: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * 五千 → 5000, 一万二 → 12000, 两千五 → 2500, 一千零五十 → 1050, 十二万 → 120000, 三千五百 → 3500; NaN when
 * the characters are not one number. A lone digit after a magnitude is one step below it (一万二, 三千五).
 */
export function chineseAmount(s: string): number {
  if (!s) return NaN;
  const wan = s.indexOf('万');
  if (wan >= 0) {
    if (s.indexOf('万', wan + 1) >= 0) return NaN;
    const head = wan === 0 ? 1 : belowWan(s.slice(0, wan));
    const rest = s.slice(wan + 1);
    const tail = rest === '' ? 0 : rest.length === 1 && rest in DIGIT ? DIGIT[rest]! * 1000 : belowWan(rest.replace(/^[零〇]/, ''));
    return head * 10000 + tail;
  }
  return belowWan(s);
}

function belowWan(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let digit = -1;
  let lastUnit = 0;
  let sawZero = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit > 0 && DIGIT[ch] !== 0) return NaN;
      if (DIGIT[ch] === 0) sawZero = true;
      digit = DIGIT[ch]!;
    } else if (ch in UNIT) {
      if (lastUnit && UNIT[ch]! >= lastUnit) return NaN;
      total += (digit < 0 ? 1 : digit) * UNIT[ch]!;
      lastUnit = UNIT[ch]!;
      digit = -1;
    } else return NaN;
  }
  if (digit > 0) total += lastUnit >= 100 && !sawZero ? (digit * lastUnit) / 10 : digit;
  return total;
}

/** A small count: "12", "十二", "两", "半" (0.5). NaN when it is none. */
export function smallCount(s: string): number {
  if (s === '半') return 0.5;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return belowWan(s);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
