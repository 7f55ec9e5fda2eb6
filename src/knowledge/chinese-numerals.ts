/** Chinese article numbers (一千零三十二, 二百九十三, 五十, 十) to integers, for reading citations. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses 一千零三十二 → 1032; returns NaN for anything else. Arabic digits pass through. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      total += (digit === -1 ? 1 : digit) * UNITS[ch]!;
      digit = -1;
    } else {
      return NaN;
    }
  }
  if (digit > 0) total += digit;
  return total;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1032 → 一千零三十二, 50 → 五十, 10 → 十: for rendering 第X条 from an Arabic number. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return CN[0]!;
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  let started = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    started = true;
    parts.push(d === 1 && units[i] === '十' && parts.length === 0 ? '' : CN[d]!, units[i]!);
  });
  return parts.join('');
}
