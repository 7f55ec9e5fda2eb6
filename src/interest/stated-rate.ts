/**
 * A rate the borrower stated (月息3分, 日息万五, 年化24%) as an annual rate on the principal: 12 × a monthly rate,
 * 365 × a daily one. Interest at a stated rate costs the same share of the principal every year however long
 * the loan runs, so comparing it with a cap needs no term. It is the whole cost only when nothing else is
 * charged: a deduction at signing or a payment that may hide fees makes the real rate depend on the term, and
 * then the term is asked for instead.
 */
import type { LoanFacts } from './loan-facts';

export interface StatedRate {
  percent: number;
  /** 'week' when the borrower said 周息 (percent is then per week; the annual rate is 365 × percent ÷ 7). */
  per: 'day' | 'month' | 'year' | 'week';
  /** The annual rate on the principal, as a fraction (月息3% → 0.36). */
  annual: number;
  /** The principal the rate is charged on (what was lent, all of which was received); absent for a rate alone. */
  principal?: number;
  /** The interest each month or week as money, when the borrower said it so (一周利息500 on 1万 is 周息 5 %). */
  money?: number;
}

/** Days in a year for a stated daily rate (日息 × 365: simple interest on the principal, whatever the term). */
const DAYS_PER_YEAR = 365;
const DAYS_PER_WEEK = 7;

/**
 * The stated rate of `facts` when it alone tells what the loan costs a year: a rate with its unit, a principal,
 * nothing deducted or charged at signing, and no payment, total, interest amount or schedule that could carry
 * more. Undefined otherwise (the loan is computed from its cash flows, or a number is asked for).
 */
export function statedRateOf(facts: LoanFacts): (StatedRate & { principal: number }) | undefined {
  const principal = facts.principal ?? facts.received;
  if (principal === undefined || !(principal > 0)) return undefined;
  if ((facts.fees ?? 0) > 0 || (facts.received !== undefined && Math.abs(facts.received - principal) > 0.005)) return undefined;
  if (facts.unstated !== undefined) return undefined;
  if (facts.payment !== undefined || facts.total !== undefined || facts.payments?.length) return undefined;
  if (facts.feePerPayment || facts.feeWithLast || facts.feeWithFirst || facts.feesOnPeriods?.length) return undefined;
  if (!facts.rate && facts.interest) return interestAsRate(facts.interest, facts.periodDays, principal);
  const rate = facts.rate;
  if (!rate || rate.per === 'unknown' || !(rate.percent > 0) || facts.interest !== undefined) return undefined;
  return { ...asSaid(rate.percent, rate.per, rate.week), principal };
}

/**
 * Interest said as money each month or each week on the whole principal (一个月利息300, 一周利息500) is a stated
 * rate: 300 on 1万 a month is 月息 3 %. Interest in all (利息一共2000) depends on the term, and a period of other
 * days (14天一期) is no month or week: undefined.
 */
function interestAsRate(interest: { amount: number; each: boolean }, periodDays: number | undefined, principal: number): (StatedRate & { principal: number }) | undefined {
  if (!interest.each || !(interest.amount > 0) || (periodDays !== undefined && periodDays !== DAYS_PER_WEEK)) return undefined;
  const percent = (interest.amount / principal) * 100;
  if (periodDays === DAYS_PER_WEEK) return { percent, per: 'week', annual: (percent / DAYS_PER_WEEK) * DAYS_PER_YEAR / 100, principal, money: interest.amount };
  return { percent, per: 'month', annual: (percent * 12) / 100, principal, money: interest.amount };
}

/**
 * A rate asked about on its own ("日息万五合法吗", "月息3分高不高"): a rate with its unit and no amount at all. Its
 * annual rate compares with the caps as it stands; there is no principal, so no money is worked out.
 */
export function rateOnlyOf(facts: LoanFacts): StatedRate | undefined {
  const rate = facts.rate;
  if (!rate || rate.per === 'unknown' || !(rate.percent > 0)) return undefined;
  const amounts = [facts.principal, facts.received, facts.payment, facts.total, facts.fees, facts.interest, facts.feePerPayment, facts.feeWithLast, facts.feeWithFirst, facts.feesOnPeriods, facts.principalPerPeriod];
  if (amounts.some((x) => x !== undefined) || facts.payments?.length || facts.unstated !== undefined) return undefined;
  return asSaid(rate.percent, rate.per, rate.week);
}

/** The rate in the period the borrower said it in, with its annual rate (a weekly one as said, 周息5%). */
function asSaid(percent: number, per: 'day' | 'month' | 'year', week: number | undefined): StatedRate {
  const perYear = per === 'day' ? DAYS_PER_YEAR : per === 'month' ? 12 : 1;
  const annual = (percent * perYear) / 100;
  return week !== undefined && per === 'day' ? { percent: week, per: 'week', annual: ((week / DAYS_PER_WEEK) * DAYS_PER_YEAR) / 100 } : { percent, per, annual };
}
