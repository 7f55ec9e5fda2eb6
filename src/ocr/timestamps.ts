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
  /**
   * Parses a whole line as a label that may lack the date ("23:40", "下午3:15": a time under a bubble) or the
   * clock ("5月12日 星期二", "昨天": Android's date separators). Returns its parts, or undefined.
   * `loose`: the line is known to be a label (a separator or a time under a bubble, placed where only labels
   * are), so the misreadings of small grey labels are repaired first when the line does not parse as it is:
   * a misread 星 before 期 (里期四), a misread 期 after 星, an unreadable 周 before the weekday's numeral and
   * clock (尚六 16:35), a misread 日 after a month and day (5月7月), a colon read as 3 (023:23, 9340), and a
   * period word half read (凌上 3:39, 晨 1:07) when its characters name one kind (am, pm, noon) only.
   */
  parseParts(line: string, reference: Date, loose?: boolean): LabelParts | undefined;
}

/** A label's parts: the China-time day (see chinaDay) and/or minutes after midnight. */
export interface LabelParts {
  raw: string;
  /** The calendar day shown, as the UTC-based ms of its China midnight; absent for a bare clock. */
  day?: number;
  /** Minutes after midnight; absent for a date-only label. */
  minutes?: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/**
 * Fixes the digit misreadings OCR makes in small grey clocks: O/o for 0, l/I/| for 1, a semicolon or a full-width
 * colon for the colon. Only next to digits, so words are untouched.
 */
export function normalizeClockText(line: string): string {
  return line
    .replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0')
    .replace(/(?<=\d)[lI|]|[lI|](?=\d)/g, '1')
    .replace(/(?<=\d)\s*[;；:：]\s*(?=\d)/g, ':');
}

/**
 * The characters a time label can hold, for reading separators within them (LineOptions.charset): digits, the
 * clock's colon, date punctuation, A/M/P, and every character of the vocabulary's day, weekday and period words
 * and date markers (their first spelling only: the others are misreadings).
 */
export function labelCharset(vocab: TimestampVocabulary): string {
  const words = [...Object.keys(vocab.relative_days), ...Object.keys(vocab.weekdays), ...Object.keys(vocab.periods), vocab.date_markers.year[0]!, vocab.date_markers.month[0]!, vocab.date_markers.day[0]!];
  return [...new Set([...'0123456789:/-.', ...words.join('')])].join('');
}

/** Builds the parser from the timestamp words of knowledge/ocr/timestamps.yaml. */
export function createTimestampParser(vocab: TimestampVocabulary): TimestampParser {
  const { year: Y, month: Mo, day: D } = vocab.date_markers;
  const rel = alternation(Object.keys(vocab.relative_days));
  const wd = alternation(Object.keys(vocab.weekdays));
  // A weekday standing alone without a clock must be written out (星期二, 周二): a lone numeral is too common.
  const wdLong = alternation(Object.keys(vocab.weekdays).filter((w) => [...w].length >= 2));
  const period = alternation(Object.keys(vocab.periods));
  const datePart = [
    `(?<rel>${rel})`,
    `(?<wd>${wd})`,
    `(?<y1>\\d{4})[/.-](?<m1>\\d{1,2})[/.-](?<d1>\\d{1,2})`,
    `(?:(?<y2>\\d{4})(?:${alternation(Y)}))?(?<m2>\\d{1,2})(?:${alternation(Mo)})(?<d2>\\d{1,2})(?:${alternation(D)})`,
    `(?<m3>\\d{1,2})/(?<d3>\\d{1,2})`,
  ].join('|');
  const re = new RegExp(`^(?:${datePart})?\\s*(?:${wdLong})?\\s*(?<period>${period})?\\s*(?<h>\\d{1,2}):(?<min>\\d{2})$`, 'id');
  const dateOnly = new RegExp(`^(?:(?:${datePart})\\s*(?:${wdLong})?|(?<wdOnly>${wdLong}))$`, 'i');

  /** The day a matched date part names, or undefined when there is none (or it is not a real date). */
  const dayOf = (g: Record<string, string | undefined>, reference: Date): number | undefined => {
    const today = chinaDay(reference);
    const weekday = g.wd ?? g.wdOnly;
    if (g.rel) return today + vocab.relative_days[g.rel]! * DAY_MS;
    if (weekday) {
      const want = lookup(vocab.weekdays, weekday)!;
      const back = (new Date(today).getUTCDay() - want + 7) % 7 || 7;
      return today - back * DAY_MS;
    }
    if (g.y1) return utcDay(Number(g.y1), Number(g.m1), Number(g.d1));
    if (g.m2) return g.y2 ? utcDay(Number(g.y2), Number(g.m2), Number(g.d2)) : inLatestYear(Number(g.m2), Number(g.d2), reference);
    if (g.m3) return inLatestYear(Number(g.m3), Number(g.d3), reference);
    return undefined;
  };

  /** Hour and minute with the 12-hour period applied, or undefined when out of range. */
  const minutesOf = (g: Record<string, string | undefined>): number | undefined => {
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
    return hour > 23 || minute > 59 ? undefined : hour * 60 + minute;
  };

  const numerals = Object.keys(vocab.weekdays).filter((w) => [...w].length === 1);
  const num = `[${numerals.map(escape).join('')}]`;
  const [week = '', qi = ''] = weekdayPrefix(vocab, 3).map(escape);
  const [zhou = ''] = weekdayPrefix(vocab, 2);
  /** Repairs of label misreadings, applied in order; see parseParts' `loose`. */
  const dayMarkers = new Set(D);
  const repairs: Array<[RegExp, string | ((match: string, before: string) => string)]> = [
    // A misread 日 after a month and day first (5月7月期四 → 5月7日期四), so the 星 repair below sees the 日.
    [new RegExp(`(\\d{1,2})(?:${alternation(Mo)})(\\d{1,2})(?!\\d|${alternation(D)})[^\\s\\d]`, 'u'), `$1${Mo[0]}$2${D[0]}`],
    ...(week && qi && numerals.length > 0
      ? ([
          // Whatever stands before 期 is a misread 星, unless it ends the date before it (5月7日期四).
          [new RegExp(`([^\\s\\d]?)${qi}(?=${num})`, 'gu'), (_: string, before: string) => (before === '' || dayMarkers.has(before) ? before : '') + week + qi],
          [new RegExp(`${week}[^\\s\\d${qi}](?=${num})`, 'gu'), `${week}${qi}`],
          [new RegExp(`^(?!${week}|${rel})\\p{Script=Han}(?=${num}\\s*\\d)`, 'u'), zhou],
        ] as Array<[RegExp, string | ((match: string, before: string) => string)]>)
      : []),
    // The colon read as 3: three digits before it (023:23), or a clock without one that is no clock as it
    // stands (9340, 12338).
    [/(?<!\d)(\d{2})3:(\d{2})$/u, '$1:$2'],
    [/^([^:]*?)(?<!\d)(\d{2}|[3-9])3([0-5]\d)$/u, '$1$2:$3'],
    // The second character of a period word misread right before the clock (上年 9:40, 中 秆 12:38 → 上午, 中午).
    ...periodWordRepairs(vocab),
  ];
  const repair = (line: string): string => repairs.reduce((l, [re, to]) => (typeof to === 'string' ? l.replace(re, to) : l.replace(re, to)), line);

  // Which kinds (am, pm, noon) each character of a period word speaks for: 凌 and 晨 only for am, 上 for am
  // (上午, 早上) and pm (晚上), 午 for all three.
  const periodKinds = new Map<string, Set<string>>();
  for (const [word, kind] of Object.entries(vocab.periods)) {
    for (const ch of word) periodKinds.set(ch, (periodKinds.get(ch) ?? new Set()).add(kind));
  }
  /** The first period word of each kind, to write in place of a misread one. */
  const periodOfKind = new Map<string, string>();
  for (const [word, kind] of Object.entries(vocab.periods)) if (!periodOfKind.has(kind)) periodOfKind.set(kind, word);
  /**
   * A misread period word before the clock (凌上3:39, 晨1:07 with 凌 lost, 凌情1:07): the last one or two
   * characters before the clock are replaced by a period word when, counting for each kind the characters that
   * belong to one of its words, one kind has more than any other. Only the kind changes the instant (凌晨 and
   * 上午 are both am), and a lone 上 (上午 or 晚上) or 午 (上午, 中午 or 下午) decides nothing.
   */
  const repairPeriod = (line: string, reference: Date): LabelParts | undefined => {
    const m = /^(.*?)\s*(\d{1,2}:\d{2})$/u.exec(line);
    if (!m) return undefined;
    const before = [...m[1]!.replace(/\s+$/u, '')];
    // Two characters at most: a third is more often the end of a misread weekday (蜂期中) than part of the period.
    for (let n = 1; n <= Math.min(2, before.length); n++) {
      const junk = before.slice(-n);
      if (junk.some((ch) => /[\s\d]/u.test(ch))) break;
      const votes = new Map<string, number>();
      for (const ch of junk) for (const kind of periodKinds.get(ch) ?? []) votes.set(kind, (votes.get(kind) ?? 0) + 1);
      const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
      if (ranked.length === 0 || (ranked[1] && ranked[1][1] === ranked[0]![1])) continue;
      const kind = ranked[0]![0];
      // 中午 is about noon: 中午 8:13 is no reading of a label.
      const hour = Number(m[2]!.split(':')[0]);
      if (kind === 'noon' && ![11, 12, 1, 13].includes(hour)) continue;
      const word = periodOfKind.get(kind)!;
      const rest = before.slice(0, -n).join('').trim();
      const parsed = parseCompact(`${rest}${rest ? ' ' : ''}${word}${m[2]}`, reference);
      if (parsed) return parsed;
    }
    return undefined;
  };

  const parseParts = (line: string, reference: Date, loose = false): LabelParts | undefined => {
    const strict = parseCompact(normalizeClockText(line.trim().replace(/\s+/g, ' ')), reference);
    if (strict || !loose) return strict;
    const repaired = repair(normalizeClockText(line.trim().replace(/\s+/g, ' ')));
    return parseCompact(repaired, reference) ?? repairPeriod(repaired, reference);
  };

  const parseCompact = (compact: string, reference: Date): LabelParts | undefined => {
    const m = re.exec(compact);
    if (m?.groups) {
      const g = m.groups;
      const minutes = minutesOf(g);
      if (minutes === undefined) return undefined;
      const hasDate = Boolean(g.rel || g.wd || g.y1 || g.m2 || g.m3);
      const day = hasDate ? dayOf(g, reference) : undefined;
      if (hasDate && day === undefined) return undefined;
      // Canonical label: whatever precedes the clock, one space, the clock ("昨天23:40" → "昨天 23:40").
      const clockAt = m.indices?.groups?.h?.[0] ?? 0;
      const written = g.m2 ? `${g.y2 ? `${g.y2}${Y[0]}` : ''}${g.m2}${Mo[0]}${g.d2}${D[0]}${g.period ?? ''}` : compact.slice(0, clockAt).trim();
      return { raw: `${written} ${g.h}:${g.min}`.trim(), ...(day !== undefined ? { day } : {}), minutes };
    }
    const d = dateOnly.exec(compact);
    if (!d?.groups || (d.groups.wd && [...d.groups.wd].length < 2)) return undefined;
    const day = dayOf(d.groups, reference);
    return day === undefined ? undefined : { raw: compact, day };
  };

  return {
    parseParts,
    parse(line, reference) {
      const p = parseParts(line, reference);
      if (!p || p.minutes === undefined) return undefined;
      return { raw: p.raw, at: resolveLabel(p, reference)!.toISOString() };
    },
  };
}

/**
 * The instant of a label's parts, with the day taken from `day` when the label has none (the date separator
 * above a bubble's own time). A bare clock with no day at all is today's, unless that is still to come: then
 * the screenshot is from an earlier day. Undefined when there is no clock.
 */
export function resolveLabel(p: Pick<LabelParts, 'day' | 'minutes'>, reference: Date, day?: number): Date | undefined {
  if (p.minutes === undefined) return undefined;
  let d = p.day ?? day;
  if (d === undefined) {
    d = chinaDay(reference);
    if (d + p.minutes * 60_000 - CHINA_OFFSET_MS > reference.getTime() + 5 * 60_000) d -= DAY_MS;
  }
  return new Date(d + p.minutes * 60_000 - CHINA_OFFSET_MS);
}

/** The China-time day (UTC-based ms of its midnight) an instant falls on. */
export function chinaDayOf(t: Date): number {
  return chinaDay(t);
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

/**
 * The most common prefix of the vocabulary's weekdays of `length` characters, as characters: 星期二 → [星, 期],
 * 周二 → [周].
 */
function weekdayPrefix(vocab: TimestampVocabulary, length: number): string[] {
  const counts = new Map<string, number>();
  for (const w of Object.keys(vocab.weekdays).filter((x) => [...x].length === length)) {
    const p = [...w].slice(0, -1).join('');
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '')];
}

/**
 * Repairs of a period word whose second character was misread (period_misreadings): its first character, then a
 * misreading of the second, right before the clock, becomes the word.
 */
function periodWordRepairs(vocab: TimestampVocabulary): Array<[RegExp, string]> {
  const misread = vocab.period_misreadings ?? {};
  return Object.keys(vocab.periods)
    .map((word) => [...word])
    .filter((chars) => chars.length === 2 && (misread[chars[1]!]?.length ?? 0) > 0)
    .map(([first, second]) => [new RegExp(`${escape(first!)}\\s*(?:${alternation(misread[second!]!)})(?=\\s*\\d{1,2}:\\d{2}$)`, 'u'), `${first}${second}`]);
}

/** Case-insensitive lookup, for AM/PM written in either case. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  if (key in table) return table[key];
  const k = Object.keys(table).find((w) => w.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : table[k];
}
