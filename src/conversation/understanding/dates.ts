/**
 * Dates as borrowers type them — 2023年3月5日, 2023.11.5, 23年3月, 去年3月, 去年十月, 3月5号, 19年, 昨天, 前天,
 * 上个月, 三天前, 半年前 — resolved to calendar days in China time (UTC+8) against the turn's own time, so
 * "去年3月" said on 2026-01-10 is 2025-03. A month without a day resolves to its first day with precision
 * 'month'; a year alone to January 1st with precision 'year'.
 */

/** A date found in a normalised text. */
export interface DateHit {
  iso: string;
  precision: 'day' | 'month' | 'year';
  start: number;
  end: number;
}

const CN: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const CHINA_MS = 8 * 3600_000;

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray, today: YMD) => Omit<DateHit, 'start' | 'end'> | undefined }> = [
  // 2023年3月5日, 23年3月5号, 2023年3月, 2023年
  {
    re: new RegExp(`(\\d{4}|\\d{2})年(?:${NUM}月(?:${NUM}[日号])?)?`, 'g'),
    read: (m) => {
      const y = fullYear(m[1]!);
      if (!m[2]) return { iso: iso(y, 1, 1), precision: 'year' };
      const mo = smallNumber(m[2]);
      if (!m[3]) return okMonth(y, mo);
      return okDay(y, mo, smallNumber(m[3]));
    },
  },
  // 2023.11.5, 2023-11-05, 2023/11/5
  {
    re: /(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?!\d)/g,
    read: (m) => okDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // 去年3月(5号), 今年十月, 前年
  {
    re: new RegExp(`(去年|今年|前年|明年)(?:${NUM}月(?:${NUM}[日号])?)?`, 'g'),
    read: (m, today) => {
      const y = today.y + { 去年: -1, 今年: 0, 前年: -2, 明年: 1 }[m[1] as '去年'];
      if (!m[2]) return { iso: iso(y, 1, 1), precision: 'year' };
      return m[3] ? okDay(y, smallNumber(m[2]), smallNumber(m[3])) : okMonth(y, smallNumber(m[2]));
    },
  },
  // 3月5号, 3月5日 (this year, or last year when that would be more than a month ahead)
  {
    re: new RegExp(`(?<![年\\d])${NUM}月${NUM}[日号]`, 'g'),
    read: (m, today) => {
      const mo = smallNumber(m[1]!);
      const d = smallNumber(m[2]!);
      const ahead = (mo - today.m) * 31 + (d - today.d);
      return okDay(ahead > 31 ? today.y - 1 : today.y, mo, d);
    },
  },
  // 昨天, 前天, 今天, 上周, 上个月, 三天前, 两个月前, 半年前
  {
    re: /(昨天|昨晚|前天|今天|今早|今晚|上周|上个月|上月|半年前|(\d{1,2}|[一二两三四五六七八九十]{1,3})(天|周|个月|年)前)/g,
    read: (m, today) => {
      const word = m[1]!;
      if (m[2]) {
        const n = smallNumber(m[2]);
        const unit = m[3]!;
        if (unit === '天') return { iso: shift(today, -n), precision: 'day' };
        if (unit === '周') return { iso: shift(today, -7 * n), precision: 'day' };
        if (unit === '个月') return monthsAgo(today, n);
        return { iso: iso(today.y - n, today.m, 1), precision: 'month' };
      }
      const days: Record<string, number> = { 昨天: -1, 昨晚: -1, 前天: -2, 今天: 0, 今早: 0, 今晚: 0, 上周: -7 };
      if (word in days) return { iso: shift(today, days[word]!), precision: 'day' };
      if (word === '半年前') return monthsAgo(today, 6);
      return monthsAgo(today, 1);
    },
  },
];

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** Every date in `t`, resolved against `at` in China time; overlapping mentions keep the first, longest one. */
export function findDates(t: string, at: Date): DateHit[] {
  const local = new Date(at.getTime() + CHINA_MS);
  const today: YMD = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
  const out: DateHit[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((h) => h.start < end && start < h.end)) continue;
      const hit = read(m, today);
      if (hit) out.push({ ...hit, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A small number in digits or Chinese (3, 十, 十一, 二十三): months, days, counts. NaN otherwise. */
export function smallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN[s] ?? NaN;
  // 十一, 二十, 二十三
  const ten = s.indexOf('十');
  if (ten < 0) return NaN;
  const tens = ten === 0 ? 1 : (CN[s[0]!] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN[s[ten + 1]!] ?? NaN);
  return tens * 10 + ones;
}

function fullYear(s: string): number {
  const y = Number(s);
  return s.length === 2 ? 2000 + y : y;
}

function okMonth(y: number, m: number): Omit<DateHit, 'start' | 'end'> | undefined {
  return m >= 1 && m <= 12 && y >= 1990 && y <= 2100 ? { iso: iso(y, m, 1), precision: 'month' } : undefined;
}

function okDay(y: number, m: number, d: number): Omit<DateHit, 'start' | 'end'> | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return { iso: iso(y, m, d), precision: 'day' };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function shift(today: YMD, days: number): string {
  const d = new Date(Date.UTC(today.y, today.m - 1, today.d + days));
  return d.toISOString().slice(0, 10);
}

function monthsAgo(today: YMD, n: number): Omit<DateHit, 'start' | 'end'> {
  const d = new Date(Date.UTC(today.y, today.m - 1 - n, 1));
  return { iso: d.toISOString().slice(0, 10), precision: 'month' };
}
