/**
 * What the law says about a loan's rate, by who lent and when (caps from knowledge/interest/caps.yaml, the
 * LPR from knowledge/interest/lpr.yaml):
 * - a lender without a licence (private lending) is capped at 4 × the one-year LPR on the contract date
 *   (民间借贷规定 25); contracts made before 2020-08-20 follow 民间借贷规定 31 (the old 24 %/36 % rule up to
 *   2020-08-19, PARTIAL; then, as usually read, 4 × the LPR when the suit is filed, PARTIAL);
 * - a licensed lender is not bound by 4 × LPR; the 24 % and 36 % lines are courts' practice and past
 *   regulation, reported only (PARTIAL);
 * - an unknown lender gets both, and the question which it is.
 * LPR rows marked UNVERIFIED are never used.
 */
import type { LprFile } from '../knowledge/schema';
import type { Caps } from './interest-data';
import type { LenderType } from './loan-facts';

/** The 4 × LPR cap for one contract date (percent). */
export interface LprCap {
  lpr: number;
  /** The LPR row's first day. */
  lprFrom: string;
  cap: number;
  /** The contract date is later than the newest confirmed LPR by more than a month: check the current one. */
  stale: boolean;
}

export type PrivateCap =
  /** Contract date known (on or after 2020-08-20). */
  | { kind: 'on_date'; date: string; cap: LprCap }
  /** Contract date unknown: the caps in force since 2020-08-20 range from `low` to `high`. */
  | { kind: 'date_unknown'; low: LprCap; high: LprCap; latest: LprCap }
  /** Made before 2020-08-20 (民间借贷规定 31). */
  | { kind: 'before_rule'; date: string; protectedRate: number; voidAbove: number; cutover: string; filing: LprCap };

export interface LicensedLines {
  lines: Caps['licensed']['lines'];
}

/** The comparison for one loan; `unlicensed` and `licensed` are both present when the lender type is unknown. */
export interface LegalFrame {
  lender: LenderType;
  unlicensed?: PrivateCap;
  licensed?: LicensedLines;
}

/** The frame for a lender type and contract date (YYYY-MM-DD or undefined), as of `today` (YYYY-MM-DD). */
export function legalFrame(lender: LenderType, contractDate: string | undefined, today: string, lpr: LprFile, caps: Caps): LegalFrame {
  const frame: LegalFrame = { lender };
  if (lender !== 'licensed') frame.unlicensed = privateCap(contractDate, today, lpr, caps);
  if (lender !== 'unlicensed') frame.licensed = { lines: caps.licensed.lines };
  return frame;
}

function privateCap(contractDate: string | undefined, today: string, lpr: LprFile, caps: Caps): PrivateCap {
  const rule = caps.private_lending;
  const at = (day: string) => lprCapOn(day, lpr, rule.lpr_multiple);
  if (contractDate && contractDate < rule.lpr_rule_from) {
    return { kind: 'before_rule', date: contractDate, protectedRate: rule.before_rule.protected, voidAbove: rule.before_rule.void_above, cutover: rule.lpr_rule_from, filing: at(today) };
  }
  if (contractDate) return { kind: 'on_date', date: contractDate, cap: at(contractDate) };
  const since = verifiedRows(lpr).filter((r, i, rows) => r.from >= rule.lpr_rule_from || rows[i + 1] === undefined || rows[i + 1]!.from > rule.lpr_rule_from);
  const caps4 = since.map((r) => ({ lpr: r.rate, lprFrom: r.from, cap: round2(r.rate * rule.lpr_multiple), stale: false }));
  const low = caps4.reduce((a, b) => (b.cap < a.cap ? b : a));
  const high = caps4.reduce((a, b) => (b.cap > a.cap ? b : a));
  return { kind: 'date_unknown', low, high, latest: at(today) };
}

/** 4 × the newest verified LPR on or before `day`. */
export function lprCapOn(day: string, lpr: LprFile, multiple: number): LprCap {
  const rows = verifiedRows(lpr);
  let row = rows[0]!;
  for (const r of rows) if (r.from <= day) row = r;
  return { lpr: row.rate, lprFrom: row.from, cap: round2(row.rate * multiple), stale: day > addMonths(lpr.latest_confirmed, 1) };
}

/**
 * The annual cap (a fraction) by day after disbursement: a fixed cap, or for a contract made before 2020-08-20
 * an old line up to the cutover and 4 × LPR at filing after it. `old` picks the old line: 'void' (above it, paid
 * interest can be claimed back: the amount paid above the cap) or 'protected' (what the lender can still claim).
 */
export function capByDay(cap: PrivateCap, worst: 'high' | 'low' = 'high', old: 'void' | 'protected' = 'void'): number | ((day: number) => number) {
  switch (cap.kind) {
    case 'on_date':
      return cap.cap.cap / 100;
    case 'date_unknown':
      return (worst === 'high' ? cap.high.cap : cap.low.cap) / 100;
    case 'before_rule': {
      const cutoverDay = daysBetween(cap.date, cap.cutover);
      const line = old === 'void' ? cap.voidAbove : cap.protectedRate;
      return (day: number) => (day < cutoverDay ? line : cap.filing.cap) / 100;
    }
  }
}

function verifiedRows(lpr: LprFile): LprFile['rows'] {
  return lpr.rows.filter((r) => r.confidence === 'VERIFIED');
}

function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + n, d));
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

