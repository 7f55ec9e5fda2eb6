/**
 * The first screen for a loan known by its stated rate alone ("找朋友借了3万，月息3分"): the annual rate on the
 * principal first, with the verdict in the same sentence when the lender is private, then what the cap allows
 * each month, the comparison for the other lender types, what to do and that the principal and lawful interest
 * are still owed. No term is asked for: the rate does not depend on it.
 */
import { emptyReply } from '../message';
import { fitted, para } from '../screen-fit';
import type { LegalFrame } from './legal-cap';
import type { LoanFacts } from './loan-facts';
import { linePctText, lprText, percentText } from './format';
import {
  CAP_TOLERANCE_PP, INTEREST_BUTTONS, beforeRuleVerdict, citationsFor, dateText, frameOf, licensedLinePct, privateCapPct, privateHead, rateNumber, wholeYuan, type InterestDeps, type InterestResult,
} from './reply-frame';
import type { StatedRate } from './stated-rate';

/** The stated-rate first screen for `facts` (whose rate `stated` is), as of `at`. */
export function statedRateReply(facts: LoanFacts, stated: StatedRate, deps: InterestDeps, at: Date): InterestResult {
  const r = deps.replies;
  const frame = frameOf(facts, deps, at);
  // The annual rate of a stated rate is exact (日息万五 → 18.25 %): shown to the hundredth, not rounded to 18.3.
  const apr = rateNumber(Math.round(stated.annual * 1e4) / 100);
  const aprPct = stated.annual * 100;
  // 一周利息500: the money as said, then the rate it is on the principal.
  const lead = (verdict = '') =>
    stated.money !== undefined && stated.principal !== undefined && (stated.per === 'month' || stated.per === 'week')
      ? r.text(`interest_stated_lead_money_${stated.per}`, { money: wholeYuan(stated.money), principal: wholeYuan(stated.principal), percent: rateNumber(Math.round(stated.percent * 1e4) / 1e4), apr, verdict })
      : r.text(`interest_stated_lead_${stated.per}`, { percent: rateNumber(stated.percent), apr, verdict });
  const principal = stated.principal;
  const monthly = (pct: number) => wholeYuan(((principal ?? 0) * pct) / 100 / 12);

  let first = lead();
  let money: string | undefined;
  const compare: string[] = [];
  const cap = frame.unlicensed;
  if (frame.lender === 'unlicensed' && cap && cap.kind !== 'before_rule') {
    // A private lender: the verdict joins the rate in the first sentence.
    const { pct } = privateCapPct(cap);
    const over = aprPct > pct + CAP_TOLERANCE_PP;
    if (cap.kind === 'on_date') {
      // The cap written as the rate beside it is (年化是 36%，…4倍是 12%): 12, not 12.0; 12.4 stays 12.4.
      const vars = { date: dateText(cap.date, r), cap: rateNumber(Math.round(cap.cap.cap * 10) / 10), lpr: lprText(cap.cap.lpr) };
      first = lead(r.text(over ? 'interest_stated_private_over' : 'interest_stated_private_under', vars));
      if (cap.cap.stale) compare.push(r.text('interest_private_stale', { latest: deps.knowledge.lpr.latest_confirmed, lpr: cap.cap.lpr }));
    } else {
      const vars = { low: percentText(cap.low.cap / 100), high: percentText(cap.high.cap / 100) };
      const key = over ? 'interest_stated_private_over_range' : aprPct <= cap.low.cap + CAP_TOLERANCE_PP ? 'interest_stated_private_under_range' : 'interest_stated_private_depends';
      first = lead(r.text(key, vars));
      // Which LPR applies depends on the day the contract was made: asked, not assumed.
      compare.push(r.text('interest_ask_contract_date'));
    }
    if (over && principal !== undefined) money = r.text('interest_stated_money', { principal: wholeYuan(principal), capMonthly: monthly(pct), statedMonthly: monthly(aprPct) });
  } else {
    if (cap?.kind === 'before_rule') compare.push(privateHead(cap, deps) + beforeRuleVerdict(cap, aprPct, deps));
    else if (cap) compare.push(privateHead(cap, deps) + (aprPct > privateCapPct(cap).pct + CAP_TOLERANCE_PP ? r.text('interest_private_over_nothing_extra', { apr }) : r.text('interest_private_under', { apr })));
    if (frame.licensed) compare.push(licensedVerdict(frame, aprPct, deps));
    // A licensed lender: the first sentence says it is not bound by 4 × LPR, and where the rate stands against the
    // 24 % line courts are reported to use (PARTIAL).
    const line = licensedLinePct(frame);
    if (frame.lender === 'licensed' && Number.isFinite(line)) {
      first = lead(r.text(aprPct > line + CAP_TOLERANCE_PP ? 'interest_stated_lead_licensed_over' : 'interest_stated_lead_licensed_under', { line: linePctText(line) }));
    }
    if (frame.lender === 'unknown') compare.push(r.text(facts.contractDate ? 'interest_ask_lender_only' : 'interest_ask_lender'));
  }

  const steps = para(r.text('interest_steps'));
  const debt = para(r.text('interest_debt_line'));
  const comparison = para(compare.join(''));
  const reply = emptyReply('answer');
  reply.blocks = fitted([
    [...para(first), ...para(money), ...comparison, ...steps, ...debt],
    [...para(first), ...comparison, ...steps, ...debt],
    [...para(first), ...comparison, ...debt],
  ]);
  reply.citations = citationsFor(frame, false, deps.knowledge, at);
  if (frame.lender === 'unknown') {
    reply.buttons.push({ id: INTEREST_BUTTONS.licensed, label: r.text('interest_button_licensed') });
    reply.buttons.push({ id: INTEREST_BUTTONS.unlicensed, label: r.text('interest_button_unlicensed') });
  }
  return { reply };
}

/** Licensed lenders: not bound by 4 × LPR; the 24 % line as reported, and whether the rate is above it. */
function licensedVerdict(frame: LegalFrame, aprPct: number, deps: InterestDeps): string {
  const r = deps.replies;
  const apr = rateNumber(Math.round(aprPct * 100) / 100);
  return r.text('interest_licensed') + (aprPct > licensedLinePct(frame) + CAP_TOLERANCE_PP ? r.text('interest_stated_licensed_over', { apr }) : r.text('interest_licensed_under', { apr }));
}
