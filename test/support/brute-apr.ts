/**
 * An independent reference for the interest tests: 12 × the monthly IRR in percent by plain bisection on the
 * monthly rate (present value in powers, 200 halvings). Shares no code with src/interest.
 */

/** One payment `t` months after disbursement. */
export interface TimedPayment {
  t: number;
  amount: number;
}

/** 12 × monthly IRR, in percent; `negative` allows a rate below zero (more received than repaid). */
export function bruteApr(received: number, payments: readonly TimedPayment[], negative = false): number {
  const pv = (r: number) => payments.reduce((s, p) => s + p.amount / Math.pow(1 + r, p.t), 0) - received;
  let lo = negative ? -0.999999 : 0;
  let hi = 1;
  while (pv(hi) > 0) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (pv(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 1200 * ((lo + hi) / 2);
}

/** The same for `n` equal monthly payments. */
export function bruteLevelApr(received: number, payment: number, n: number): number {
  return bruteApr(received, Array.from({ length: n }, (_, i) => ({ t: i + 1, amount: payment })));
}
