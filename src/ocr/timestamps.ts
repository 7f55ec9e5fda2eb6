/**
 * The timestamps chat and SMS apps print above messages, resolved to absolute instants so that rules such as
 * off_hours work on screenshots. Labels are relative to the day the screenshot is read ("昨天 23:40"), so the
 * caller passes that reference time; all calendar arithmetic is in China time (UTC+8, no daylight saving).
 */
import type { TimestampVocabulary } from './vocabulary';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

export interface ResolvedTimestamp {
  /** The label as read, whitespace normalised ("昨天 23:40"). */
  raw: string;
  /** The instant, ISO-8601 UTC. */
  at: string;
}

/** A compiled parser: build once per vocabulary with createTimestampParser. */
export interface TimestampParser {
  /**
   * Parses a whole line as a timestamp label and resolves it against `reference`. Returns undefined when the
   * line is not exactly a timestamp (so message text that mentions a time is never taken for a label).
   */
  parse(line: string, reference: Date): ResolvedTimestamp | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Builds the parser from the timestamp words of knowledge/ocr/timestamps.yaml. */
export function createTimestampParser(vocab: TimestampVocabulary): TimestampParser {
  const { year: Y, month: Mo, day: D } = vocab.date_markers;
  const rel = alternation(Object.keys(vocab.relative_days));
  const wd = alternation(Object.keys(vocab.weekdays));
  const period = alternation(Object.keys(vocab.periods));
  const datePart = [
    `(?<rel>${rel})`,
    `(?<wd>${wd})`,
    `(?<y1>\\d{4})[/.-](?<m1>\\d{1,2})[/.-](?<d1>\\d{1,2})`,
    `(?:(?<y2>\\d{4})(?:${alternation(Y)}))?(?<m2>\\d{1,2})(?:${alternation(Mo)})(?<d2>\\d{1,2})(?:${alternation(D)})`,
    `(?<m3>\\d{1,2})/(?<d3>\\d{1,2})`,
  ].join('|');
  const re = new RegExp(`^(?:${datePart})?\\s*(?<period>${period})?\\s*(?<h>\\d{1,2})[:：](?<min>\\d{2})$`, 'id');

  return {
    parse(line, reference) {
      const compact = line.trim().replace(/\s+/g, ' ');
      const m = re.exec(compact);
      if (!m?.groups) return undefined;
      const g = m.groups;
      let hour = Number(g.h);
      const minute = Number(g.min);
      if (g.period) {
        const kind = lookup(vocab.periods, g.period);
        if (hour > 12 || hour === 0) {
          if (hour > 23) return undefined; // "下午 15:00" still means 15:00
        } else if (kind === 'am') hour = hour === 12 ? 0 : hour;
        else if (kind === 'pm') hour = hour === 12 ? 12 : hour + 12;
        else if (kind === 'noon') hour = hour <= 10 ? hour + 12 : hour;
      }
      if (hour > 23 || minute > 59) return undefined;

      const today = chinaDay(reference);
      let day: number | undefined;
      if (g.rel) day = today + vocab.relative_days[g.rel]! * DAY_MS;
      else if (g.wd) {
        const want = lookup(vocab.weekdays, g.wd)!;
        const back = (new Date(today).getUTCDay() - want + 7) % 7 || 7;
        day = today - back * DAY_MS;
      } else if (g.y1) day = utcDay(Number(g.y1), Number(g.m1), Number(g.d1));
      else if (g.m2) day = g.y2 ? utcDay(Number(g.y2), Number(g.m2), Number(g.d2)) : inLatestYear(Number(g.m2), Number(g.d2), reference);
      else if (g.m3) day = inLatestYear(Number(g.m3), Number(g.d3), reference);
      else {
        // A bare clock is today's, unless that is still to come: then the screenshot is from an earlier day.
        day = today;
        if (day + (hour * 60 + minute) * 60_000 - CHINA_OFFSET_MS > reference.getTime() + 5 * 60_000) day -= DAY_MS;
      }
      if (day === undefined) return undefined;
      const at = new Date(day + (hour * 60 + minute) * 60_000 - CHINA_OFFSET_MS);
      // Canonical label: whatever precedes the clock, one space, the clock ("昨天23:40" → "昨天 23:40").
      const clockAt = m.indices?.groups?.h?.[0] ?? 0;
      const written = g.m2 ? `${g.y2 ? `${g.y2}${Y[0]}` : ''}${g.m2}${Mo[0]}${g.d2}${D[0]}${g.period ?? ''}` : compact.slice(0, clockAt).trim();
      const raw = `${written} ${g.h}:${g.min}`.trim();
      return { raw, at: at.toISOString() };
    },
  };
}

/** Midnight (as a UTC-based day number in ms) of the China-time calendar day containing `t`. */
function chinaDay(t: Date): number {
  const local = t.getTime() + CHINA_OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The day of a valid calendar date, or undefined for 2/30, 13/1 and the like. */
function utcDay(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? t : undefined;
}

/** Month/day without a year: this year's, or last year's when this year's is still to come. */
function inLatestYear(m: number, d: number, reference: Date): number | undefined {
  const year = new Date(reference.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
  const t = utcDay(year, m, d);
  if (t === undefined) return utcDay(year - 1, m, d);
  return t > chinaDay(reference) ? utcDay(year - 1, m, d) : t;
}

/** Case-insensitive lookup, for AM/PM written in either case. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  if (key in table) return table[key];
  const k = Object.keys(table).find((w) => w.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : table[k];
}
