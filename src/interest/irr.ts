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
/** Relative change in g at which the root is taken: far below the 0.0001 % the rates are reported to. */
const TOLERANCE = 1e-12;

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
  const t = later.map((f) => f.t);
  const a = later.map((f) => f.amount / target);
  const n = t.length;
  /** Present value minus 1 at g, and its derivative, in one pass. */
  const at = (g: number): [number, number] => {
    let v = -1;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const x = a[i]! * Math.exp(-g * t[i]!);
      v += x;
      d -= x * t[i]!;
    }
    return [v, d];
  };

  // A good first guess: the growth that turns what was received into everything repaid at the mean time.
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += a[i]!;
    weighted += a[i]! * t[i]!;
  }
  const guess = Math.log(sum) / (weighted / sum);
  const f0 = at(0)[0];
  if (f0 === 0) return 0;
  let lo: number;
  let hi: number;
  if (f0 > 0) {
    lo = 0;
    hi = guess > 0 ? 2 * guess : 1;
    for (let i = 0; at(hi)[0] > 0; i++) {
      if (i >= MAX_DOUBLINGS) return undefined;
      lo = hi;
      hi *= 2;
    }
  } else {
    hi = 0;
    lo = guess < 0 ? 2 * guess : -1;
    for (let i = 0; at(lo)[0] < 0; i++) {
      if (i >= MAX_DOUBLINGS) return undefined;
      hi = lo;
      lo *= 2;
    }
  }

  let g = guess > lo && guess < hi ? guess : (lo + hi) / 2;
  for (let i = 0; i < MAX_STEPS; i++) {
    const [v, d] = at(g);
    if (v === 0) return g;
    if (v > 0) lo = g;
    else hi = g;
    let next = d !== 0 ? g - v / d : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(v) < 1e-14) return g;
    if (Math.abs(next - g) <= TOLERANCE * Math.max(1e-3, Math.abs(g)) || hi - lo <= TOLERANCE * Math.max(1e-3, Math.abs(g))) return next;
    g = next;
  }
  return g;
}
