/**
 * The internal rate of return of a loan, solved in log space so that it never overflows and never fails: with
 * g = ln(1 + r) per unit of time, the present value Σ a·e^(−g·t) falls monotonically in g, so one root is
 * bracketed by doubling and then found by Newton's method, falling back to bisection whenever a Newton step
 * leaves the bracket. Extreme short loans (double the money back in a day) only make g large, not infinite.
 */

/** One flow for the solver: `amount` paid by the borrower `t` units of time after disbursement. */
export interface TimedAmount {
  t: number;
  amount: number;
}

const MAX_DOUBLINGS = 60;
const MAX_STEPS = 200;

/**
 * The log growth rate g per unit of time such that Σ amount·e^(−g·t) = received, or undefined when no rate can
 * make them equal (nothing paid after t = 0, or payments at t = 0 alone already exceed what was received).
 * Amounts must be non-negative and `received` positive; callers validate. A negative g means the borrower
 * repays less than was received.
 */
export function solveLogGrowth(received: number, flows: readonly TimedAmount[]): number | undefined {
  if (!(received > 0)) return undefined;
  let atZero = 0;
  const later: TimedAmount[] = [];
  for (const f of flows) {
    if (f.amount === 0) continue;
    if (f.t <= 0) atZero += f.amount;
    else later.push(f);
  }
  const target = received - atZero;
  if (!(target > 0) || later.length === 0) return undefined;
  // Scale by the target so that the tolerance does not depend on the currency amount.
  const scaled = later.map((f) => ({ t: f.t, a: f.amount / target }));
  const pv = (g: number): number => {
    let s = -1;
    for (const f of scaled) s += f.a * Math.exp(-g * f.t);
    return s;
  };
  const slope = (g: number): number => {
    let s = 0;
    for (const f of scaled) s -= f.a * f.t * Math.exp(-g * f.t);
    return s;
  };

  let lo: number;
  let hi: number;
  const f0 = pv(0);
  if (f0 === 0) return 0;
  if (f0 > 0) {
    lo = 0;
    hi = 1;
    for (let i = 0; pv(hi) > 0; i++) {
      if (i >= MAX_DOUBLINGS) return undefined;
      lo = hi;
      hi *= 2;
    }
  } else {
    hi = 0;
    lo = -1;
    for (let i = 0; pv(lo) < 0; i++) {
      if (i >= MAX_DOUBLINGS) return undefined;
      hi = lo;
      lo *= 2;
    }
  }

  let g = (lo + hi) / 2;
  for (let i = 0; i < MAX_STEPS; i++) {
    const v = pv(g);
    if (v === 0) return g;
    if (v > 0) lo = g;
    else hi = g;
    const d = slope(g);
    let next = d !== 0 ? g - v / d : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - g) <= 1e-15 * Math.max(1, Math.abs(g)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(g))) return next;
    g = next;
  }
  return g;
}
