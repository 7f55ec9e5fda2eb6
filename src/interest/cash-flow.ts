/**
 * A loan as cash flows, the way the rate is computed: what reached the borrower at t = 0 (net of fees paid at
 * signing) and each later payment, timed by month (monthly instalments) or by day from disbursement.
 */

/** Days in a month when day counts and month counts meet: a year of 365 days is twelve months. */
export const DAYS_PER_MONTH = 365 / 12;

/** One payment by the borrower; `month` wins when both are given (monthly instalments). */
export interface Payment {
  month?: number;
  day?: number;
  amount: number;
}

export interface LoanCashFlows {
  /** What the contract (借条, App) says was lent. */
  contractPrincipal: number;
  /** What reached the borrower at t = 0, after anything deducted or paid at signing. */
  received: number;
  payments: Payment[];
}

/** A payment's time in days after disbursement (a month is 365/12 days). */
export function daysOf(p: Payment): number {
  return p.day !== undefined && p.month === undefined ? p.day : (p.month ?? 0) * DAYS_PER_MONTH;
}

/** True when every payment is timed by month (an instalment loan), false when any is timed by day. */
export function isMonthly(payments: readonly Payment[]): boolean {
  return payments.every((p) => p.month !== undefined);
}

/** The sum of all payments. */
export function totalRepaid(payments: readonly Payment[]): number {
  return payments.reduce((s, p) => s + p.amount, 0);
}

/** `payments` in time order (a copy). */
export function inTimeOrder(payments: readonly Payment[]): Payment[] {
  return [...payments].sort((a, b) => daysOf(a) - daysOf(b));
}

/** Rounds to cents, as lenders' schedules do. */
export function cents(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}
