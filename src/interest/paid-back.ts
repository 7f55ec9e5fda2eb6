/**
 * Interest already paid, asked back ("利息我已经还了8000了 能要回来吗", "多给的利息能不能抵本金"), about a loan known by
 * its stated rate (月息5分 on 2万): what the caps say of money paid, with the loan's own numbers. Interest paid at the
 * agreed rate holds the lawful part and the part above the cap in the ratio of the two rates, so of `paid` the share
 * (rate − cap) ÷ rate is above the cap. A private lender's cap (4 × LPR on the contract date, 民间借贷规定 25): the
 * part above it may be claimed back or set against the principal, a court deciding; a licensed lender is not bound
 * by it, and only the reported 24 % line (PARTIAL) is said; an unknown lender gets the private case and the question.
 * Contracts before 2020-08-20 (民间借贷规定 31's split) are left to the rate's own reply.
 */
import { emptyReply } from '../message';
import { fitted, para } from '../screen-fit';
import type { LoanFacts } from './loan-facts';
import { capLabel } from './lawful-amount';
import { CAP_TOLERANCE_PP, INTEREST_BUTTONS, citationsFor, compute, frameOf, licensedLinePct, privateCapPct, rateNumber, wholeYuan, type InterestDeps, type InterestResult } from './reply-frame';
import { statedRateOf } from './stated-rate';
import { statedOnReceived } from './stated-deducted';

/** Reply keys used here (prompts/interest.yaml). */
export const PAID_BACK_KEYS = [
  'interest_paid_back_private_over', 'interest_paid_back_private_under', 'interest_paid_back_licensed_over', 'interest_paid_back_licensed_under',
  'interest_paid_back_figures', 'interest_paid_back_monthly', 'interest_paid_back_licensed_also', 'interest_paid_back_money', 'interest_paid_back_deducted_end',
  'interest_paid_back_figures_licensed', 'interest_paid_back_monthly_licensed',
] as const;

/**
 * The reply to interest paid asked back, for `facts` (a loan known by its stated rate) as of `at`; `paid`, the
 * interest paid so far when the user said it. Undefined when the loan is not known by a stated rate with its
 * principal, or was made before 2020-08-20.
 */
export function paidBackReply(facts: LoanFacts, paid: number | undefined, deps: InterestDeps, at: Date): InterestResult | undefined {
  if (!('missing' in compute(facts))) return undefined;
  const onReceived = statedOnReceived(facts);
  const stated = statedRateOf(onReceived ? onReceived.facts : facts);
  if (!stated) return undefined;
  const frame = frameOf(facts, deps, at);
  if (frame.unlicensed?.kind === 'before_rule') return undefined;
  const r = deps.replies;
  const aprPct = stated.annual * 100;
  // The rate as the user said it: a percentage (on the amount the contract names), or money each month.
  const said = onReceived?.said ?? stated;
  const rate = said.money !== undefined ? r.text('interest_paid_back_money', { money: wholeYuan(said.money) }) : r.text(`interest_rate_said_${said.per}`, { percent: rateNumber(said.percent) });
  /** The figures against `capPct` (the 24 % line when `licensed`): of what was paid (when said), or a month of interest. */
  const figures = (capPct: number, licensed = false) => {
    const share = Math.max(0, aprPct - capPct) / aprPct;
    const suffix = licensed ? '_licensed' : '';
    if (paid !== undefined) return r.text(`interest_paid_back_figures${suffix}`, { rate, paid: wholeYuan(paid), lawful: wholeYuan(paid * (1 - share)), above: wholeYuan(paid * share) });
    const month = (pct: number) => (stated.principal * pct) / 100 / 12;
    return r.text(`interest_paid_back_monthly${suffix}`, { rate, statedMonthly: wholeYuan(month(aprPct)), capMonthly: wholeYuan(month(capPct)), overMonthly: wholeYuan(month(aprPct) - month(capPct)) });
  };
  const sentences: string[] = [];
  if (frame.unlicensed) {
    const { pct } = privateCapPct(frame.unlicensed);
    const over = aprPct > pct + CAP_TOLERANCE_PP;
    const label = capLabel(frame.unlicensed, deps);
    sentences.push(r.text(over ? 'interest_paid_back_private_over' : 'interest_paid_back_private_under', { rate, capLabel: label }));
    if (over) sentences.push(figures(pct));
    if (frame.licensed) sentences.push(r.text('interest_paid_back_licensed_also'));
  } else if (frame.licensed) {
    const line = licensedLinePct(frame);
    const over = aprPct > line + CAP_TOLERANCE_PP;
    sentences.push(r.text(over ? 'interest_paid_back_licensed_over' : 'interest_paid_back_licensed_under', { rate }));
    if (over) sentences.push(figures(line, true));
  }
  if (frame.lender === 'unknown') sentences.push(r.text(facts.contractDate ? 'interest_ask_lender_only' : 'interest_ask_lender'));
  if (onReceived) sentences.splice(1, 0, r.text('interest_lawful_principal_deducted', { received: wholeYuan(onReceived.facts.principal!) }) + r.text('interest_paid_back_deducted_end'));
  const answer = para(sentences.join(''));
  const reply = emptyReply('answer');
  reply.blocks = fitted([
    [...answer, ...para(r.text('interest_steps')), ...para(r.text('interest_debt_line'))],
    [...answer, ...para(r.text('interest_debt_line'))],
  ]);
  reply.citations = citationsFor(frame, onReceived !== undefined, deps.knowledge, at);
  if (frame.lender === 'unknown') {
    reply.buttons.push({ id: INTEREST_BUTTONS.licensed, label: r.text('interest_button_licensed') });
    reply.buttons.push({ id: INTEREST_BUTTONS.unlicensed, label: r.text('interest_button_unlicensed') });
  }
  return { reply };
}
