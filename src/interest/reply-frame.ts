/**
 * What every interest reply rests on: its dependencies and result shape, the loan's cash flows and rates (or the
 * one number still missing), the legal frame for the loan's lender type and contract date, the cap a private
 * lender's interest is held to, and the provisions the reply cites. The first screen, the lawful-amount
 * follow-up and the stated-rate reply all build on these.
 */
import type { Knowledge } from '../knowledge/knowledge';
import type { CiteRef } from '../knowledge/schema';
import { chinaDay, resolveArticle } from '../knowledge/knowledge';
import { toCitation } from '../knowledge/citations';
import { emptyReply, type Citation, type OutboundReply } from '../message';
import type { Replies } from '../replies';
import type { LoanCashFlows } from './cash-flow';
import { cashFlowsOf } from './facts-to-flows';
import type { InterestData } from './interest-data';
import { capByDay, legalFrame, type LegalFrame, type PrivateCap } from './legal-cap';
import type { CapOnDay } from './cap-excess';
import type { LoanFacts, MissingNumber } from './loan-facts';
import { loanRates, type LoanRates } from './rates';
import { percentText, yuanText } from './format';

/** What the interest replies need: the knowledge base (LPR table, statutes), the fixed replies, the cues and caps. */
export interface InterestDeps {
  knowledge: Knowledge;
  replies: Replies;
  data: InterestData;
}

export interface InterestResult {
  reply: OutboundReply;
  /** Set when a number is missing: the reply asks for it. */
  missing?: MissingNumber;
  flows?: LoanCashFlows;
  rates?: LoanRates;
}

/** Button ids the interest replies offer; the conversation maps presses back to interestTableReply / a lender type. */
export const INTEREST_BUTTONS = { table: 'apr:table', licensed: 'apr:lender:licensed', unlicensed: 'apr:lender:unlicensed' } as const;

/** The licensed lenders' court-practice line (24 %) from caps.yaml. */
export const LICENSED_ADJUST_LINE = 'court_24';
/** A deduction smaller than this (yuan) is rounding, not a deduction. */
export const DEDUCTION_MIN = 0.5;
/** Rates within this many percentage points of a cap count as at the cap (display rounding). */
export const CAP_TOLERANCE_PP = 0.005;

/**
 * The short clarifying question for one missing number. When the message told of several loans (`facts.loans`),
 * the principal is asked as which loan is meant, naming the loans by the amounts lent when they were said.
 */
export function clarifyReply(missing: MissingNumber, replies: Replies, facts?: LoanFacts): OutboundReply {
  const reply = emptyReply('clarify');
  reply.blocks.push({ style: 'paragraph', text: questionFor(missing, replies, facts) });
  return reply;
}

function questionFor(missing: MissingNumber, replies: Replies, facts: LoanFacts | undefined): string {
  const loans = missing === 'principal' ? facts?.loans : undefined;
  if (!loans) return replies.text(`interest_ask_${missing}`);
  if (loans.length < 2) return replies.text('interest_ask_which_loan');
  const named = loans.map((amount) => replies.text('interest_loan_named', { amount: yuanText(amount) }));
  return replies.text('interest_ask_which_loan_listed', { loans: named.join('、') });
}

/** `clarifyReply` as a result. */
export function clarify(missing: MissingNumber, replies: Replies, facts?: LoanFacts): InterestResult {
  return { reply: clarifyReply(missing, replies, facts), missing };
}

/** The loan's cash flows and rates, or the number to ask for. */
export function compute(facts: LoanFacts): { flows: LoanCashFlows; rates: LoanRates } | { missing: MissingNumber } {
  const built = cashFlowsOf(facts);
  if (!built.ok) return { missing: built.missing };
  const rated = loanRates(built.flows);
  // Flows that cannot carry a rate (nothing repaid after disbursement, less repaid than received) need the payments.
  if (!rated.ok) return { missing: 'payment' };
  return { flows: built.flows, rates: rated.rates };
}

/** The legal frame of `facts` as of `at` (China's calendar day decides the LPR). */
export function frameOf(facts: LoanFacts, deps: InterestDeps, at: Date): LegalFrame {
  return legalFrame(facts.lender?.type ?? 'unknown', facts.contractDate, chinaDay(at), deps.knowledge.lpr, deps.data.caps);
}

/**
 * The annual cap (percent) a private lender's rate is compared with: the cap of the contract date; for an
 * unknown date the highest since 2020-08-20 (the borrower's claim never rests on the lowest); for a contract
 * made before 2020-08-20 the lower of the old void-above line and 4 × LPR at filing (above it, part of the
 * interest is not supported). `byDay` is the cap the ledger applies day by day.
 */
export function privateCapPct(cap: PrivateCap): { pct: number; byDay: number | CapOnDay } {
  switch (cap.kind) {
    case 'on_date':
      return { pct: cap.cap.cap, byDay: capByDay(cap) };
    case 'date_unknown':
      return { pct: cap.high.cap, byDay: capByDay(cap) };
    case 'before_rule':
      return { pct: Math.min(cap.voidAbove, cap.filing.cap), byDay: capByDay(cap) };
  }
}

/** The licensed lenders' line (percent) the replies compare with: 24 %, reported (PARTIAL). */
export function licensedLinePct(frame: LegalFrame): number {
  const lines = frame.licensed?.lines ?? [];
  return (lines.find((l) => l.id === LICENSED_ADJUST_LINE) ?? lines[0])?.rate ?? NaN;
}

/** Money on the first screen: whole yuan (the table page has the cents). */
export function wholeYuan(x: number): string {
  return yuanText(Math.round(x));
}

/**
 * The provisions the reply rests on, as in force on `at` (knowledge/interest/caps.yaml cites): 670 for a
 * deduction, the private-lending rules by case (the transition provision for a contract made before
 * 2020-08-20; the void-contract ones on the details page), the exclusion of licensed lenders.
 */
export function citationsFor(frame: LegalFrame, deducted: boolean, k: Knowledge, at: Date, details = false): Citation[] {
  const cites = k.caps.cites;
  const refs: CiteRef[] = [];
  if (deducted) refs.push(...cites.deducted);
  if (frame.unlicensed) {
    refs.push(...cites.private);
    if (deducted) refs.push(...cites.private_deducted);
    if (frame.unlicensed.kind === 'before_rule') refs.push(k.caps.private_lending.transition);
    if (details) refs.push(...cites.private_details);
  }
  if (frame.licensed) refs.push(...cites.licensed);
  return refs.flatMap(({ law, article }) => {
    const hit = resolveArticle(k, law, article, at);
    return hit ? [toCitation(hit.article)] : [];
  });
}

/**
 * The opening of the private-lending comparison (the cap and how it is set) for the three cases: a contract
 * date on or after 2020-08-20, an unknown date (the range since), a date before it (民间借贷规定 31).
 */
export function privateHead(cap: PrivateCap, deps: InterestDeps): string {
  const r = deps.replies;
  switch (cap.kind) {
    case 'on_date':
      return r.text('interest_private_on_date', { date: dateText(cap.date, deps.replies), cap: percentText(cap.cap.cap / 100) });
    case 'date_unknown':
      return r.text('interest_private_unknown_date', { low: percentText(cap.low.cap / 100), high: percentText(cap.high.cap / 100) });
    case 'before_rule':
      return r.text('interest_private_before_rule', { ...oldLines(cap), date: dateText(cap.date, deps.replies), filingCap: percentText(cap.filing.cap / 100) });
  }
}

/**
 * How a rate (percent) stands for a contract made before 2020-08-20: against the old lines for the interest up to
 * 2020-08-19 (under the protected line, between the lines, above the void line: reported, PARTIAL), and against
 * 4 × LPR at filing after it. Closes the sentence privateHead opens.
 */
export function beforeRuleVerdict(cap: Extract<PrivateCap, { kind: 'before_rule' }>, aprPct: number, deps: InterestDeps): string {
  const r = deps.replies;
  const vars = { ...oldLines(cap), apr: percentText(aprPct / 100), filingCap: percentText(cap.filing.cap / 100) };
  const old = aprPct > cap.voidAbove + CAP_TOLERANCE_PP ? 'interest_old_over' : aprPct > cap.protectedRate + CAP_TOLERANCE_PP ? 'interest_old_between' : 'interest_old_under';
  const after = aprPct > cap.filing.cap + CAP_TOLERANCE_PP ? 'interest_after_over' : 'interest_after_under';
  return r.text(old, vars) + r.text(after, vars);
}

/** The old lines of a contract made before 2020-08-20 (percent), for the replies that name them. */
export function oldLines(cap: Extract<PrivateCap, { kind: 'before_rule' }>): { protected: string; voidAbove: string } {
  return { protected: rateNumber(cap.protectedRate), voidAbove: rateNumber(cap.voidAbove) };
}

/**
 * A contract date as the borrower said it (prompts/interest.yaml): 2025-07-01 → 2025年7月 (a date parsed from
 * "7月" is the first of the month, so the first is shown as the month), 2023-03-15 → 2023年3月15日.
 */
export function dateText(iso: string, replies: Replies): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return d === 1 ? replies.text('interest_date_month', { y, m }) : replies.text('interest_date_day', { y, m, d });
}

/** A stated rate's number as the borrower wrote it: 3 → "3", 1.5 → "1.5", 0.05 → "0.05". */
export function rateNumber(percent: number): string {
  return String(Math.round(percent * 10000) / 10000);
}
