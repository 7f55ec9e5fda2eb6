/**
 * The date a loan was made, as borrowers write it: 2023年3月15日, 2023年3月, 2023年, 2023-03-15, 2023.3.15,
 * 去年5月, 今年1月10号, 3月5日 (this year, or last year when that would be in the future), 上个月. Resolved
 * against `at` in China's calendar.
 */
import { chinaDay } from '../knowledge/knowledge';
import { smallCount } from './numbers-text';

/** A date found in text, with its span and how precise it was. */
export interface DateHit {
  iso: string;
  precision: 'day' | 'month' | 'year';
  start: number;
  end: number;
}

const CN = '[一二两三四五六七八九十]{1,3}';
const FULL = new RegExp(`(20\\d{2}|(?<!\\d)\\d{2})年(?:(\\d{1,2}|${CN})月(?:(\\d{1,2})[日号])?)?`, 'g');
const DASHED = /(?<!\d)(20\d{2})[-./](\d{1,2})(?:[-./](\d{1,2}))?(?![\d%])/g;
const RELATIVE = new RegExp(`(前年|去年|今年|上个月|上月|这个月|本月)(?:(\\d{1,2}|${CN})月(?:(\\d{1,2})[日号])?)?`, 'g');
const MONTH_DAY = new RegExp(`(?<![\\d年])(\\d{1,2}|${CN})月(\\d{1,2})[日号]`, 'g');

/** Every date in `t` (normalised, lower-cased) resolved against `at`, in text order, without overlaps. */
export function findDates(t: string, at: Date): DateHit[] {
  const [ty, tm] = chinaDay(at).split('-').map(Number) as [number, number];
  const out: DateHit[] = [];
  const push = (y: number, m: number | undefined, d: number | undefined, start: number, end: number) => {
    if (!(y >= 1990 && y <= 2100)) return;
    if (m !== undefined && !(m >= 1 && m <= 12)) return;
    if (d !== undefined && !(d >= 1 && d <= 31)) return;
    if (out.some((h) => h.start < end && start < h.end)) return;
    out.push({ iso: iso(y, m ?? 1, d ?? 1), precision: d !== undefined ? 'day' : m !== undefined ? 'month' : 'year', start, end });
  };
  const num = (s: string | undefined) => (s === undefined ? undefined : smallCount(s));
  for (const m of t.matchAll(FULL)) {
    const y = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    push(y, num(m[2]), num(m[3]), m.index!, m.index! + m[0].length);
  }
  for (const m of t.matchAll(DASHED)) push(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined, m.index!, m.index! + m[0].length);
  for (const m of t.matchAll(RELATIVE)) {
    const word = m[1]!;
    const start = m.index!;
    const end = start + m[0].length;
    if (word === '上个月' || word === '上月' || word === '这个月' || word === '本月') {
      const back = word === '这个月' || word === '本月' ? 0 : 1;
      const y = tm - back < 1 ? ty - 1 : ty;
      const mo = tm - back < 1 ? 12 : tm - back;
      push(y, mo, undefined, start, end);
      continue;
    }
    const y = ty - (word === '前年' ? 2 : word === '去年' ? 1 : 0);
    push(y, num(m[2]), num(m[3]), start, end);
  }
  for (const m of t.matchAll(MONTH_DAY)) {
    const mo = num(m[1])!;
    const d = Number(m[2]);
    const y = iso(ty, mo, d) > chinaDay(at) ? ty - 1 : ty;
    push(y, mo, d, m.index!, m.index! + m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
