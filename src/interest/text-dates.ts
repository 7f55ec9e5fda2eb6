/**
 * The date a loan was made, as borrowers write it: 2023年3月15日, 2023年3月, 2023年, 2023-03-15, 2023.3.15,
 * 去年5月, 今年1月10号, 3月5日 (this year, or last year when that would be in the future), 上个月. Resolved
 * against `at` in China's calendar. The words (年/月/日/号, 去年, 上个月 …) and the year range are data,
 * knowledge/interest/cues.yaml `dates`; this file holds only how they combine.
 */
import { chinaDay } from '../knowledge/knowledge';
import type { NumberGrammar } from './numbers-text';

/** A date found in text, with its span and how precise it was. */
export interface DateHit {
  iso: string;
  precision: 'day' | 'month' | 'year';
  start: number;
  end: number;
}

/** The date tables of cues.yaml. */
export interface DateCues {
  markers: { year: string[]; month: string[]; day: string[] };
  separators: string[];
  relative_years: Record<string, number>;
  relative_months: Record<string, number>;
  two_digit_century: number;
  years: { min: number; max: number };
  /** 分10年 / 期限10年 / 10年还清: a two-digit count of years with no month, after or before these words, is a length. */
  two_digit_length: { before: string[]; after: string[] };
  /** 这个月5号借的…25号还了: a day of the month alone (its markers), after a day-precise date, not after these words (每月20号). */
  bare_day: { markers: string[]; not_after: string[] };
  /** 06-25 / 7/24: a month and day without the year, read only after a date that carries its year. */
  month_day: { separators: string[]; not_after: string[]; not_before: string[] };
}

/** Every date in `t` (normalised, lower-cased) resolved against `at`, in text order, without overlaps. */
export type DateReader = (t: string, at: Date) => DateHit[];

/** Builds the date reader over `d` and the numerals of `numbers`. */
export function createDateReader(d: DateCues, numbers: NumberGrammar): DateReader {
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const CN = numbers.patterns.dateCount;
  const Y = `(?:${alt(d.markers.year)})`;
  const M = `(?:${alt(d.markers.month)})`;
  const D = `(?:${alt(d.markers.day)})`;
  const SEP = `[${d.separators.map(escapeClass).join('')}]`;
  // Four-digit years of the centuries the range spans (19xx, 20xx, 21xx), checked against the range on use.
  const centuries = Array.from({ length: Math.floor(d.years.max / 100) - Math.floor(d.years.min / 100) + 1 }, (_, i) => String(Math.floor(d.years.min / 100) + i));
  const yearDigits = `(?:${centuries.join('|')})`;
  const full = new RegExp(`(${yearDigits}\\d{2}|(?<!\\d)\\d{2})${Y}(?:(\\d{1,2}|${CN})${M}(?:(\\d{1,2})${D})?)?`, 'g');
  const dashed = new RegExp(`(?<!\\d)(${yearDigits}\\d{2})${SEP}(\\d{1,2})(?:${SEP}(\\d{1,2}))?(?![\\d%])`, 'g');
  const yearWords = alt(Object.keys(d.relative_years));
  const monthWords = alt(Object.keys(d.relative_months));
  const relative = new RegExp(`(${yearWords}|${monthWords})(?:(\\d{1,2}|${CN})${M}(?:(\\d{1,2})${D})?)?`, 'g');
  /** 这个月5号 / 上个月20号: a month named relative to today, then its day. */
  const relativeDay = new RegExp(`(${monthWords})(\\d{1,2}|${CN})${D}`, 'g');
  const bareDay = new RegExp(`(?<![\\d.${[...d.markers.month, ...d.markers.year].map(escapeClass).join('')}])(\\d{1,2})(?:${alt(d.bare_day.markers)})`, 'g');
  const mdSep = `[${d.month_day.separators.map(escapeClass).join('')}]`;
  const sepMonthDay = new RegExp(`(?<![\\d.${d.separators.map(escapeClass).join('')}])(\\d{1,2})${mdSep}(\\d{1,2})(?![\\d.${d.separators.map(escapeClass).join('')}%])`, 'g');
  const monthDay = new RegExp(`(?<![\\d${d.markers.year.map(escapeClass).join('')}])(\\d{1,2}|${CN})${M}(\\d{1,2})${D}`, 'g');

  return (t, at) => {
    const [ty, tm] = chinaDay(at).split('-').map(Number) as [number, number];
    const out: DateHit[] = [];
    const push = (y: number, m: number | undefined, day: number | undefined, start: number, end: number) => {
      if (!(y >= d.years.min && y <= d.years.max)) return;
      if (m !== undefined && !(m >= 1 && m <= 12)) return;
      if (day !== undefined && !(day >= 1 && day <= 31)) return;
      if (out.some((h) => h.start < end && start < h.end)) return;
      out.push({ iso: iso(y, m ?? 1, day ?? 1), precision: day !== undefined ? 'day' : m !== undefined ? 'month' : 'year', start, end });
    };
    const num = (s: string | undefined) => (s === undefined ? undefined : numbers.smallCount(s));
    for (const m of t.matchAll(full)) {
      const twoDigits = m[1]!.length === 2;
      if (twoDigits && m[2] === undefined && (d.two_digit_length.before.some((w) => t.endsWith(w, m.index!)) || d.two_digit_length.after.some((w) => t.startsWith(w, m.index! + m[0].length)))) continue;
      const y = twoDigits ? d.two_digit_century + Number(m[1]) : Number(m[1]);
      push(y, num(m[2]), num(m[3]), m.index!, m.index! + m[0].length);
    }
    for (const m of t.matchAll(dashed)) push(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, m.index!, m.index! + m[0].length);
    for (const m of t.matchAll(relativeDay)) {
      const k = tm + d.relative_months[m[1]!]!;
      push(ty + Math.floor((k - 1) / 12), ((((k - 1) % 12) + 12) % 12) + 1, num(m[2]), m.index!, m.index! + m[0].length);
    }
    for (const m of t.matchAll(relative)) {
      const word = m[1]!;
      const start = m.index!;
      const end = start + m[0].length;
      const monthBack = d.relative_months[word];
      if (monthBack !== undefined) {
        const k = tm + monthBack;
        const y = ty + Math.floor((k - 1) / 12);
        const mo = ((((k - 1) % 12) + 12) % 12) + 1;
        push(y, mo, undefined, start, end);
        continue;
      }
      push(ty + d.relative_years[word]!, num(m[2]), num(m[3]), start, end);
    }
    for (const m of t.matchAll(monthDay)) {
      const mo = num(m[1])!;
      const day = Number(m[2]);
      // 2024年3月1号借的…3月11号还了2000: a month and day told after a date that carries its year (to the month or
      // day) is of that year, or of the next when it would fall before it; told alone, it is the latest one past.
      const anchor = out.filter((h) => h.end <= m.index! && h.precision !== 'year').sort((a, b) => b.end - a.end)[0];
      const ay = anchor && Number(anchor.iso.slice(0, 4));
      const y = anchor ? (iso(ay!, mo, day) < anchor.iso ? ay! + 1 : ay!) : iso(ty, mo, day) > chinaDay(at) ? ty - 1 : ty;
      push(y, mo, day, m.index!, m.index! + m[0].length);
    }
    // 借款日期2024-06-18 … 06-25 还500；07-02 还500: a month and day with a separator, after a date with its year (the
    // same year, or the next when it would fall before it). Never alone: 3-5 and 1/3 are a range and a share.
    for (const m of t.matchAll(sepMonthDay)) {
      const at = m.index!;
      const end = at + m[0].length;
      if (d.month_day.not_after.some((w) => t.endsWith(w, at)) || d.month_day.not_before.some((w) => t.startsWith(w, end))) continue;
      const anchor = out.filter((h) => h.end <= at && h.precision === 'day').sort((a, b) => b.end - a.end)[0];
      if (!anchor) continue;
      const mo = Number(m[1]);
      const day = Number(m[2]);
      const ay = Number(anchor.iso.slice(0, 4));
      push(iso(ay, mo, day) < anchor.iso ? ay + 1 : ay, mo, day, at, end);
    }
    // 这个月5号借了2000…25号我还了他2100: a day alone after a day-precise date is in that date's month, or the next
    // when it would fall before it. Never alone (no month to put it in), nor after 每月 (每月20号还: a due day each month).
    for (const m of t.matchAll(bareDay)) {
      if (d.bare_day.not_after.some((w) => t.endsWith(w, m.index!))) continue;
      const anchor = out.filter((h) => h.end <= m.index! && h.precision === 'day').sort((a, b) => b.end - a.end)[0];
      if (!anchor) continue;
      const [ay, am, ad] = anchor.iso.split('-').map(Number) as [number, number, number];
      const day = Number(m[1]);
      const next = day < ad;
      push(next && am === 12 ? ay + 1 : ay, next ? (am % 12) + 1 : am, day, m.index!, m.index! + m[0].length);
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}
