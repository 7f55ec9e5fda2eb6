/**
 * A loan known by its stated rate whose contract names more than arrived ("借条上写5万 实际转给我4万5 说好月息3分"):
 * the principal is what arrived (民法典 670), and the month's interest, charged whatever arrived, is a rate on it
 * that the deduction only raises. So when that rate is already above every line the lender's type may face, the
 * verdict needs no term: the stated-rate screen on what arrived, with the deduction said. Otherwise the term decides,
 * and the check asks it as before.
 */
import { fitted, para } from '../screen-fit';
import type { LoanFacts } from './loan-facts';
import { statedRateReply } from './stated-rate-reply';
import { CAP_TOLERANCE_PP, citationsFor, frameOf, licensedLinePct, privateCapPct, wholeYuan, type InterestDeps, type InterestResult } from './reply-frame';
import { statedRateOf, type StatedRate } from './stated-rate';

/** Reply keys used here (prompts/interest.yaml). */
export const STATED_DEDUCTED_KEYS = ['interest_stated_deducted_upfront'] as const;

/**
 * A loan known by its stated rate whose contract names more than arrived ("借条写3万 实际转了27000 … 每个月给3000利息"):
 * the same interest each month on what arrived, the principal (民法典 670), with the rate as the user said it
 * (`said`). The deduction itself adds more, by the term, which is not needed to say what was paid above the cap.
 * Undefined when nothing was deducted, or the loan is known otherwise than by a stated rate.
 */
export function statedOnReceived(facts: LoanFacts): { facts: LoanFacts; said: StatedRate } | undefined {
  const { principal, received } = facts;
  if (principal === undefined || received === undefined || !(received > 0) || !(received < principal)) return undefined;
  const { fees: _fees, received: _received, ...rest } = facts;
  const onContract = statedRateOf(rest);
  if (!onContract || onContract.per === 'week') return undefined;
  // The month's interest in money, charged whatever arrived; as a rate on what arrived.
  const money = onContract.money ?? (onContract.principal * onContract.annual) / 12;
  const percent = (money / received) * 100;
  return { facts: { ...rest, principal: received, rate: { percent, per: 'month' }, interest: undefined }, said: onContract };
}

/**
 * The stated-rate screen on what arrived for `facts` as of `at`, led by the rate and its verdict, then the deduction
 * (670) and that it raises the rate further. Undefined unless the rate on what arrived is above every line the
 * lender's type may face (a private contract before 2020-08-20 is left to the term as well).
 */
export function statedDeductedReply(facts: LoanFacts, deps: InterestDeps, at: Date): InterestResult | undefined {
  const on = statedOnReceived(facts);
  const stated = on && statedRateOf(on.facts);
  if (!on || !stated) return undefined;
  const frame = frameOf(on.facts, deps, at);
  const aprPct = stated.annual * 100;
  if (frame.unlicensed && (frame.unlicensed.kind === 'before_rule' || aprPct <= privateCapPct(frame.unlicensed).pct + CAP_TOLERANCE_PP)) return undefined;
  if (frame.licensed && !(aprPct > licensedLinePct(frame) + CAP_TOLERANCE_PP)) return undefined;
  // The month's interest as money on what arrived (本金 45,000 元的 3.33%): the percentage to the hundredth.
  const shown: StatedRate & { principal: number } = { ...stated, percent: Math.round(stated.percent * 100) / 100, money: stated.principal * stated.annual / 12 };
  const result = statedRateReply(on.facts, shown, deps, at);
  const r = deps.replies;
  const received = facts.received!;
  const upfront = para(r.text('interest_stated_deducted_upfront', { deducted: wholeYuan(facts.principal! - received), received: wholeYuan(received) }));
  // The deduction goes second; what no longer fits the first screen goes: the steps, then the cap's money line.
  const [first, ...rest] = result.reply.blocks;
  const steps = r.text('interest_steps');
  const noSteps = rest.filter((b) => b.text !== steps);
  result.reply.blocks = fitted([[first!, ...upfront, ...rest], [first!, ...upfront, ...noSteps], [first!, ...upfront, ...noSteps.slice(1)]]);
  result.reply.citations = citationsFor(frame, true, deps.knowledge, at);
  return result;
}
