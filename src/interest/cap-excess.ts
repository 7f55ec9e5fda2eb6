/**
 * How much was paid above a rate cap, the way a court recomputes a loan: the principal (what was actually
 * received, 民法典 670) earns simple interest at the cap for the days it is outstanding; each payment goes to
 * the interest accrued, then to the principal (民法典 561's order); whatever is paid once both are cleared is
 * above the cap. Interest that a payment does not cover waits, but earns no interest itself.
 */
import { daysOf, inTimeOrder, type Payment } from './cash-flow';

/** The annual cap (a fraction) in force for the interest of day `day` after disbursement. */
export type CapOnDay = (day: number) => number;

/** What a ledger at the cap says about the payments made so far. */
export interface CapLedger {
  /** Paid beyond principal plus interest at the cap (0 when nothing was). */
  aboveCap: number;
  /** Interest the cap allows up to the last payment. */
  interestAllowed: number;
  /** Principal still owed at the cap after the last payment (0 once cleared). */
  principalLeft: number;
}

/** Runs the ledger for `principal` and `payments` at `cap` (a fixed annual fraction or one by day). */
export function paidAboveCap(principal: number, payments: readonly Payment[], cap: number | CapOnDay): CapLedger {
  const capOn: CapOnDay = typeof cap === 'number' ? () => cap : cap;
  let balance = principal;
  let owedInterest = 0;
  let allowed = 0;
  let above = 0;
  let day = 0;
  for (const p of inTimeOrder(payments)) {
    const until = daysOf(p);
    if (balance > 0 && until > day) {
      const accrued = interestBetween(balance, day, until, capOn);
      owedInterest += accrued;
      allowed += accrued;
    }
    day = Math.max(day, until);
    let left = p.amount;
    const toInterest = Math.min(left, owedInterest);
    owedInterest -= toInterest;
    left -= toInterest;
    const toPrincipal = Math.min(left, balance);
    balance -= toPrincipal;
    left -= toPrincipal;
    above += left;
  }
  return { aboveCap: above, interestAllowed: allowed, principalLeft: balance };
}

/** Simple interest on `balance` from day `from` to day `to`, a day at a time where the cap changes by date. */
function interestBetween(balance: number, from: number, to: number, capOn: CapOnDay): number {
  // Constant caps (the usual case) in one step; otherwise whole days, then the fraction left.
  const first = capOn(from);
  if (capOn(to) === first && capOn((from + to) / 2) === first) return (balance * first * (to - from)) / 365;
  let sum = 0;
  let d = from;
  while (d < to) {
    const step = Math.min(1, to - d);
    sum += (balance * capOn(d) * step) / 365;
    d += step;
  }
  return sum;
}
