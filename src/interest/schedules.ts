/**
 * Repayment schedules of the loan kinds borrowers describe, as payments: bullet (one payment at the end),
 * 等额本息 (equal instalments), 等额本金 (equal principal), interest-only (先息后本), flat 月息 loans
 * (等本等息: interest on the original principal every month), day loans (7, 14, 30 days) and several payments
 * on arbitrary days. Amounts are rounded to cents as lenders round them. 等额本息 payments are all the same
 * amount in cents, as lenders' apps and contracts state them (每月还款额 2298.03), so the total may differ from
 * an exact amortisation by a few cents (the rate by far less than 0.01 pp); in 等额本金 schedules the last
 * payment absorbs the rounding. Rates are fractions per month (0.02 = 月息 2%) unless named otherwise.
 */
import { cents, type Payment } from './cash-flow';

/** When the payments fall: every month, every `days` days, or once after `days` days. */
export type Timing = { unit: 'month' } | { unit: 'day'; every: number };

const at = (k: number, timing: Timing): Omit<Payment, 'amount'> => (timing.unit === 'month' ? { month: k } : { day: k * timing.every });

/** One payment of `amount` after `months` months. */
export function bulletByMonth(amount: number, months: number): Payment[] {
  return [{ month: months, amount: cents(amount) }];
}

/** One payment of `amount` after `days` days (7-, 14-, 30-day loans). */
export function bulletByDay(amount: number, days: number): Payment[] {
  return [{ day: days, amount: cents(amount) }];
}

/** Principal plus simple interest at `ratePerMonth` for `months` months, paid once at the end. */
export function bulletWithInterest(principal: number, ratePerMonth: number, months: number): Payment[] {
  return bulletByMonth(principal * (1 + ratePerMonth * months), months);
}

/** Principal plus simple interest at `ratePerDay` for `days` days, paid once at the end (日息 loans). */
export function bulletDaily(principal: number, ratePerDay: number, days: number): Payment[] {
  return bulletByDay(principal * (1 + ratePerDay * days), days);
}

/**
 * 等额本息: `n` equal payments that repay `principal` at `rate` per period, each rounded to the cent. Every
 * payment is the same, the last included: that is the 每月还款额 borrowers are shown and quote. At a zero rate
 * the last one takes the odd cent, so that exactly the principal is repaid.
 */
export function equalInstalments(principal: number, rate: number, n: number, timing: Timing = { unit: 'month' }): Payment[] {
  // Without interest the payments must add up to the principal exactly (a zero rate, not a hair below it).
  if (rate === 0) return level(principal / n, n, timing, principal);
  return level((principal * rate) / (1 - Math.pow(1 + rate, -n)), n, timing);
}

/** 等额本金: equal principal parts, each with interest at `rate` on what is still owed. */
export function equalPrincipal(principal: number, rate: number, n: number, timing: Timing = { unit: 'month' }): Payment[] {
  const part = principal / n;
  return withLastAbsorbing(principal, rate, n, (balance) => part + balance * rate, timing);
}

/** 先息后本: interest at `rate` on the principal every period, the principal with the last one. */
export function interestOnly(principal: number, rate: number, n: number, timing: Timing = { unit: 'month' }): Payment[] {
  const interest = cents(principal * rate);
  return Array.from({ length: n }, (_, i) => ({ ...at(i + 1, timing), amount: i === n - 1 ? cents(principal + interest) : interest }));
}

/**
 * Flat 月息 (等本等息): every period repays principal / n plus `rate` × the original principal, however much has
 * been repaid. The rate borrowers are quoted this way is about half the real one. Every payment is the same
 * amount in cents, as such loans are quoted (每期 983.33), so the total may differ from principal × (1 + rate × n)
 * by a few cents.
 */
export function flatRate(principal: number, rate: number, n: number, timing: Timing = { unit: 'month' }): Payment[] {
  return level(principal / n + principal * rate, n, timing);
}

/** `n` equal payments of `amount` (每月还 X，还 N 期), one per period. */
export function level(amount: number, n: number, timing: Timing = { unit: 'month' }, total?: number): Payment[] {
  const each = cents(amount);
  const out = Array.from({ length: n }, (_, i) => ({ ...at(i + 1, timing), amount: each }));
  if (total !== undefined && n > 0) out[n - 1]!.amount = cents(total - each * (n - 1));
  return out;
}

/** Adds a fee charged with every payment (每期服务费). */
export function withFeePerPayment(payments: readonly Payment[], fee: number): Payment[] {
  return payments.map((p) => ({ ...p, amount: cents(p.amount + fee) }));
}

/** Several payments on arbitrary days after disbursement, in day order. */
export function onDays(payments: ReadonlyArray<{ day: number; amount: number }>): Payment[] {
  return [...payments].sort((a, b) => a.day - b.day).map((p) => ({ day: p.day, amount: cents(p.amount) }));
}

function withLastAbsorbing(principal: number, rate: number, n: number, payment: (balance: number) => number, timing: Timing): Payment[] {
  const out: Payment[] = [];
  let balance = principal;
  for (let k = 1; k <= n; k++) {
    const interest = balance * rate;
    const amount = k === n ? balance + interest : cents(payment(balance));
    balance = balance + interest - amount;
    out.push({ ...at(k, timing), amount: cents(amount) });
  }
  return out;
}
