/**
 * "利息36%合法吗，我是2023年借的": when a question about interest names when the contract was made, say what the
 * cap for private lenders was then and compare a rate the user gave:
 * - made on or after 2020-08-20 (caps.yaml lpr_rule_from): 4 × the one-year LPR of that day (lpr.yaml);
 * - made before it: 民间借贷规定 31 splits the interest — up to 2020-08-19 the rule of the time (24 % protected,
 *   above 36 % void: reported, PARTIAL), after it 4 × the LPR when the suit is filed (as usually read, PARTIAL);
 * - a year or month that spans 2020-08-20: both, and that the day decides.
 * Licensed lenders are not bound by either; the 24 % line courts use for them is reported only (PARTIAL).
 * Rows marked UNVERIFIED are never quoted; dates after the newest confirmed figure are sent to the official source.
 */
import type { Knowledge } from '../knowledge/knowledge';
import { chinaDay } from '../knowledge/knowledge';
import type { Replies } from '../replies';

/** Reply keys the dated note uses (prompts/answers.yaml), checked when the answerer is built. */
export const INTEREST_NOTE_REPLY_KEYS = [
  'interest_cap_before_rule', 'interest_cap_spans_rule', 'interest_rate_old_over', 'interest_rate_old_between', 'interest_rate_old_under',
  'interest_rate_after_over', 'interest_rate_after_under', 'interest_cap_licensed', 'interest_when_month', 'interest_when_year',
] as const;

/** The licensed lenders' court-practice line in caps.yaml (reported only). */
const LICENSED_LINE = 'court_24';
/** Contract years before this are not dated (the rule of the time is not in our sources). */
const FIRST_YEAR = 2015;

interface ContractDate {
  year: number;
  month?: number;
  /** As the user wrote it, for the reply (prompts/answers.yaml interest_when_month / interest_when_year). */
  when: (replies: Replies) => string;
}

/** The contract date in a question: "2023年", "2023年3月", "2023.3", "23年" (this century). */
export function findContractDate(q: string): ContractDate | undefined {
  const m = /(20\d{2}|(?<![\d.])\d{2}(?=年))\s*(?:年|\.|-|\/)\s*(?:(1[0-2]|0?[1-9])\s*月?)?/.exec(q);
  if (!m) return undefined;
  const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  if (year < FIRST_YEAR || year > 2100) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  return { year, month, when: (r: Replies) => (month ? r.text('interest_when_month', { year, month }) : r.text('interest_when_year', { year })) };
}

/** An annual rate the user mentions ("36%", "年化24%"), if any. */
export function findRate(q: string): number | undefined {
  const m = /(\d{1,3}(?:\.\d+)?)\s*[%％]/.exec(q);
  return m ? Number(m[1]) : undefined;
}

const pct = (x: number) => String(Math.round(x * 100) / 100);
const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Where the contract date a question about interest names lies against the 4 × LPR rule (2020-08-20): 'before',
 * 'spans' (2020, or August 2020), 'after', or undefined when it names none or is not about interest.
 */
export function contractRuleSide(q: string, k: Knowledge): 'before' | 'spans' | 'after' | undefined {
  if (!k.interestCues.some((c) => q.toLowerCase().includes(c.toLowerCase()))) return undefined;
  const date = findContractDate(q);
  if (!date) return undefined;
  const { from, to } = spanOf(date);
  const rule = k.caps.private_lending.lpr_rule_from;
  return to < rule ? 'before' : from < rule ? 'spans' : 'after';
}

function spanOf(date: ContractDate): { from: string; to: string } {
  return {
    from: date.month ? day(date.year, date.month, 1) : day(date.year, 1, 1),
    to: date.month ? day(date.year, date.month, 28) : day(date.year, 12, 31),
  };
}

/**
 * The sentence(s) to add to an interest answer as of `at` (today's LPR stands in for the one at filing), or
 * undefined when the question names no date or is not about interest.
 */
export function interestNote(q: string, k: Knowledge, replies: Replies, at: Date = new Date()): string | undefined {
  const parts = interestNoteParts(q, k, replies, at);
  return parts && parts.core + parts.licensed;
}

/**
 * The dated note in two parts: `core` (the cap for the date and the comparison) and `licensed` (the sentence on
 * licensed lenders, which a screen short of room may leave to the guide's own verdict); '' when it does not apply.
 */
export function interestNoteParts(q: string, k: Knowledge, replies: Replies, at: Date = new Date()): { core: string; licensed: string } | undefined {
  if (!k.interestCues.some((c) => q.toLowerCase().includes(c.toLowerCase()))) return undefined;
  const date = findContractDate(q);
  if (!date) return undefined;
  const rows = k.lpr.rows;
  const { from, to } = spanOf(date);
  const given = findRate(q);
  const rate = given !== undefined && given > 0 && given < 1000 ? given : undefined;
  const rule = k.caps.private_lending;
  const licensed = replies.text('interest_cap_licensed', { line: pct(licensedLine(k)) });
  const when = date.when(replies);
  if (from < rule.lpr_rule_from) return { core: beforeRule(when, to >= rule.lpr_rule_from, rate, k, replies, at), licensed };
  if (from > k.lpr.latest_confirmed) return { core: replies.text('interest_cap_after_known', { when, latest: k.lpr.latest_confirmed }), licensed: '' };
  if (from < rows[0]!.from) return undefined;
  // Rows in force at some point in [from, to]: the last row starting on or before `from`, plus any starting inside.
  const inForce = rows.filter((r, i) => r.from <= to && (rows[i + 1] === undefined || rows[i + 1]!.from > from));
  if (inForce.some((r) => r.confidence !== 'VERIFIED')) return { core: replies.text('interest_cap_unverified', { when }), licensed: '' };
  const rates = inForce.map((r) => r.rate);
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  const m = rule.lpr_multiple;
  let note =
    low === high
      ? replies.text('interest_cap_on_date', { when, rate: pct(low), cap: pct(low * m) })
      : replies.text('interest_cap_range', { when, low: pct(low), high: pct(high), lowCap: pct(low * m), highCap: pct(high * m) });
  if (rate !== undefined) {
    if (rate > high * m) note += replies.text('interest_rate_compare_over', { given: pct(rate) });
    else if (rate <= low * m) note += replies.text('interest_rate_compare_under', { given: pct(rate) });
  }
  return { core: note, licensed };
}

/**
 * A contract made before 2020-08-20 (民间借贷规定 31): the old lines up to 2020-08-19, 4 × LPR at filing after;
 * `spans` when the date named may fall on either side, so the rule of 2020-08-20 is named too.
 */
function beforeRule(when: string, spans: boolean, rate: number | undefined, k: Knowledge, replies: Replies, at: Date): string {
  const rule = k.caps.private_lending;
  const old = rule.before_rule;
  // Today's LPR stands in for the one at filing; the cap in force on 2020-08-20 held until 2021-12-20, so it is
  // the cap for the rest of 2020 (the only dates that can span the rule).
  const filingCap = verifiedLpr(k, chinaDay(at)) * rule.lpr_multiple;
  const capThen = verifiedLpr(k, rule.lpr_rule_from) * rule.lpr_multiple;
  const vars = { when, protected: pct(old.protected), voidAbove: pct(old.void_above), filingCap: pct(filingCap), capThen: pct(capThen) };
  let note = replies.text(spans ? 'interest_cap_spans_rule' : 'interest_cap_before_rule', vars);
  if (rate === undefined || spans) return note;
  const given = pct(rate);
  note += replies.text(rate > old.void_above ? 'interest_rate_old_over' : rate > old.protected ? 'interest_rate_old_between' : 'interest_rate_old_under', { ...vars, given });
  note += replies.text(rate > filingCap ? 'interest_rate_after_over' : 'interest_rate_after_under', { ...vars, given });
  return note;
}

/** The newest VERIFIED one-year LPR on or before `day` (rows marked otherwise are never used). */
function verifiedLpr(k: Knowledge, day: string): number {
  const rows = k.lpr.rows.filter((r) => r.confidence === 'VERIFIED');
  let rate = rows[0]!.rate;
  for (const r of rows) if (r.from <= day) rate = r.rate;
  return rate;
}

function licensedLine(k: Knowledge): number {
  const lines = k.caps.licensed.lines;
  return (lines.find((l) => l.id === LICENSED_LINE) ?? lines[0]!).rate;
}
