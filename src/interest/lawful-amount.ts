/**
 * The follow-up after an interest reply: what the borrower lawfully owes ("那合法的话我应该还多少"), or whether only
 * the principal is owed ("是不是只要还本金就行了"; no: interest up to the cap is owed too). The principal is what
 * was received (民法典 670); the interest is what the cap allows, as a court recomputes it: the loan's own payments
 * applied to interest at the cap, then to the principal, and whatever is paid beyond that is above the cap
 * (the same ledger as the first screen's "超上限的利息约 … 元", so the two agree). A loan known only by its stated rate
 * gets what the cap allows a month and a year. Each lender type gets its own line; an unknown one gets both and
 * the question which it is.
 */
import { emptyReply } from '../message';
import { fitted, para } from '../screen-fit';
import type { LoanCashFlows } from './cash-flow';
import { paidAboveCap } from './cap-excess';
import { capByDay, type LegalFrame, type PrivateCap } from './legal-cap';
import type { LoanFacts } from './loan-facts';
import type { LoanRates } from './rates';
import { percentText } from './format';
import {
  CAP_TOLERANCE_PP, DEDUCTION_MIN, INTEREST_BUTTONS, citationsFor, clarify, compute, dateText, frameOf, licensedLinePct, oldLines, privateCapPct, rateNumber, wholeYuan,
  type InterestDeps, type InterestResult,
} from './reply-frame';
import { statedRateOf, type StatedRate } from './stated-rate';

/** Which follow-up is answered: the lawful amount, or whether only the principal is owed. */
/**
 * 'above_cap' is "那多出来的我能不还吗": the part above the cap can be refused or claimed back, the rest is owed.
 */
export type LawfulQuestion = 'how_much' | 'principal_only' | 'above_cap';

/** The lawful-amount reply for `facts` as of `at`; one clarifying question when a number is still missing. */
export function lawfulAmountReply(facts: LoanFacts, deps: InterestDeps, at: Date, question: LawfulQuestion = 'how_much'): InterestResult {
  const computed = compute(facts);
  const frame = frameOf(facts, deps, at);
  let sentences: string[];
  let deducted = false;
  if ('missing' in computed) {
    const stated = computed.missing === 'term' ? statedRateOf(facts) : undefined;
    const principal = question === 'how_much' && !stated ? principalAlone(facts) : undefined;
    if (stated) sentences = statedSentences(stated, frame, deps);
    else if (principal !== undefined) sentences = capSentences(principal, frame, deps);
    else return clarify(computed.missing, deps.replies, facts);
  } else {
    deducted = computed.flows.contractPrincipal - computed.flows.received >= DEDUCTION_MIN;
    sentences = flowSentences(computed.flows, computed.rates, frame, deducted, deps);
  }
  const r = deps.replies;
  if (frame.lender === 'unknown') sentences.push(r.text(facts.contractDate ? 'interest_ask_lender_only' : 'interest_ask_lender'));
  // "How much": the lawful total is the first sentence. "Only the principal?": no, first; then the amounts.
  // "Can I refuse what is above it?": what that means for this lender type first, then the amounts.
  const answer =
    question === 'principal_only'
      ? [...para(r.text('interest_lawful_not_principal_only')), ...para(sentences.join(''))]
      : question === 'above_cap'
        ? [...para(r.text(`interest_lawful_above_cap_${frame.lender}`)), ...para(sentences.join(''))]
        : para(r.text('interest_lawful_open') + sentences.join(''));
  const steps = para(r.text('interest_steps'));
  const debt = question === 'principal_only' ? [] : para(r.text('interest_debt_line'));
  const reply = emptyReply('answer');
  reply.blocks = fitted([
    [...answer, ...steps, ...debt],
    [...answer, ...debt],
  ]);
  reply.citations = citationsFor(frame, deducted, deps.knowledge, at);
  if (!('missing' in computed)) reply.buttons.push({ id: INTEREST_BUTTONS.table, label: r.text('interest_button_table') });
  if (frame.lender === 'unknown') {
    reply.buttons.push({ id: INTEREST_BUTTONS.licensed, label: r.text('interest_button_licensed') });
    reply.buttons.push({ id: INTEREST_BUTTONS.unlicensed, label: r.text('interest_button_unlicensed') });
  }
  return 'missing' in computed ? { reply } : { reply, flows: computed.flows, rates: computed.rates };
}

/** The lawful total of a loan with known payments: one sentence per lender type the frame holds. */
function flowSentences(flows: LoanCashFlows, rates: LoanRates, frame: LegalFrame, deducted: boolean, deps: InterestDeps): string[] {
  const r = deps.replies;
  const received = wholeYuan(flows.received);
  const principal = r.text(deducted ? 'interest_lawful_principal_deducted' : 'interest_lawful_principal', { received });
  const repaid = wholeYuan(rates.totalRepaid);
  const aprPct = rates.apr * 100;
  /** Repaid minus what is above `cap` (0 when the rate is within it). */
  const lawful = (capPct: number, byDay: Parameters<typeof paidAboveCap>[2]) => {
    const above = aprPct > capPct + CAP_TOLERANCE_PP ? paidAboveCap(flows.received, flows.payments, byDay).aboveCap : 0;
    const total = rates.totalRepaid - above;
    return { over: above >= DEDUCTION_MIN, vars: { total: wholeYuan(total), interest: wholeYuan(total - flows.received), above: wholeYuan(above), repaid } };
  };
  const out: string[] = [];
  if (frame.unlicensed) {
    // Before 2020-08-20 the lender's claim stops at the protected line (interest already paid up to the void line
    // stays paid: the cap label says so); after it at 4 × LPR at filing.
    const cap = frame.unlicensed;
    const { pct, byDay } = cap.kind === 'before_rule' ? { pct: Math.min(cap.protectedRate, cap.filing.cap), byDay: capByDay(cap, 'high', 'protected') } : privateCapPct(cap);
    const l = lawful(pct, byDay);
    out.push(r.text(l.over ? 'interest_lawful_private_over' : 'interest_lawful_private_under', { principal, capLabel: capLabel(frame.unlicensed, deps), ...l.vars }));
  }
  if (frame.licensed) {
    const line = licensedLinePct(frame);
    const l = lawful(line, line / 100);
    if (frame.unlicensed) out.push(r.text(l.over ? 'interest_lawful_licensed_also_over' : 'interest_lawful_licensed_also_under', l.vars));
    else out.push(r.text(l.over ? 'interest_lawful_licensed_over' : 'interest_lawful_licensed_under', { principal, ...l.vars }));
  }
  return out;
}

/** What the cap allows on a loan known by its stated rate: a month and a year of interest, against the rate agreed. */
function statedSentences(stated: StatedRate & { principal: number }, frame: LegalFrame, deps: InterestDeps): string[] {
  const r = deps.replies;
  const principal = r.text('interest_lawful_stated_principal', { principal: wholeYuan(stated.principal) });
  const aprPct = stated.annual * 100;
  const monthly = (pct: number) => (stated.principal * pct) / 100 / 12;
  const vars = (capPct: number) => ({
    principal,
    capMonthly: wholeYuan(monthly(capPct)),
    capYearly: wholeYuan(monthly(capPct) * 12),
    statedMonthly: wholeYuan(monthly(aprPct)),
    overMonthly: wholeYuan(monthly(aprPct) - monthly(capPct)),
    rate: r.text(`interest_rate_said_${stated.per}`, { percent: rateNumber(stated.percent) }),
  });
  const out: string[] = [];
  const cap = frame.unlicensed;
  if (cap) {
    if (cap.kind === 'before_rule') out.push(r.text('interest_lawful_stated_private_split', { ...oldLines(cap), principal, filingCap: percentText(cap.filing.cap / 100) }));
    else {
      const { pct } = privateCapPct(cap);
      const key = aprPct > pct + CAP_TOLERANCE_PP ? 'interest_lawful_stated_private_over' : 'interest_lawful_stated_private_under';
      out.push(r.text(key, { ...vars(pct), capLabel: capLabel(cap, deps) }));
    }
  }
  if (frame.licensed) {
    const line = licensedLinePct(frame);
    const over = aprPct > line + CAP_TOLERANCE_PP;
    if (cap) out.push(r.text(over ? 'interest_lawful_stated_licensed_also_over' : 'interest_lawful_licensed_also_under', vars(line)));
    else out.push(r.text(over ? 'interest_lawful_stated_licensed_over' : 'interest_lawful_stated_licensed_under', vars(line)));
  }
  return out;
}

/**
 * The amount lent and nothing else ("借1万 最多该付多少利息"): the principal, when no received amount, payment, rate
 * or fee says more. Undefined otherwise.
 */
export function principalAlone(facts: LoanFacts): number | undefined {
  const p = facts.principal;
  if (p === undefined || !(p > 0)) return undefined;
  if (facts.received !== undefined && Math.abs(facts.received - p) > 0.005) return undefined;
  const more = [facts.payment, facts.total, facts.fees, facts.interest, facts.rate, facts.feePerPayment, facts.feeWithLast, facts.feeWithFirst, facts.feesOnPeriods, facts.principalPerPeriod, facts.unstated];
  return more.some((x) => x !== undefined) || facts.payments?.length ? undefined : p;
}

/** The most interest the caps allow on `principal`, a year and a month, per lender type the frame holds. */
function capSentences(principal: number, frame: LegalFrame, deps: InterestDeps): string[] {
  const r = deps.replies;
  const vars = (capPct: number) => ({ principal: wholeYuan(principal), capYearly: wholeYuan((principal * capPct) / 100), capMonthly: wholeYuan((principal * capPct) / 100 / 12) });
  const out: string[] = [];
  const cap = frame.unlicensed;
  if (cap) {
    if (cap.kind === 'before_rule') out.push(r.text('interest_lawful_cap_private_split', { ...oldLines(cap), ...vars(cap.filing.cap), filingCap: percentText(cap.filing.cap / 100) }));
    else out.push(r.text('interest_lawful_cap_private', { ...vars(privateCapPct(cap).pct), capLabel: capLabel(cap, deps) }));
  }
  if (frame.licensed) out.push(r.text(cap ? 'interest_lawful_cap_licensed_also' : 'interest_lawful_cap_licensed', vars(licensedLinePct(frame))));
  return out;
}

/** How the private cap was set, for the sentence that names it. */
export function capLabel(cap: PrivateCap, deps: InterestDeps): string {
  const r = deps.replies;
  switch (cap.kind) {
    case 'on_date':
      return r.text('interest_lawful_cap_on_date', { date: dateText(cap.date, deps.replies), cap: percentText(cap.cap.cap / 100) });
    case 'date_unknown':
      return r.text('interest_lawful_cap_unknown_date', { cap: percentText(cap.high.cap / 100) });
    case 'before_rule':
      return r.text('interest_lawful_cap_before_rule', { ...oldLines(cap), filingCap: percentText(cap.filing.cap / 100) });
  }
}
