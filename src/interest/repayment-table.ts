/**
 * The repayment table in the PBoC convention: each payment split into interest on the principal still in
 * use (at the loan's own IRR) and principal repaid, starting from what was actually received.
 */
import { daysOf, DAYS_PER_MONTH, inTimeOrder, type LoanCashFlows } from './cash-flow';

export interface TableRow {
  n: number;
  month?: number;
  day?: number;
  amount: number;
  interest: number;
  principal: number;
  left: number;
}

/** Rows for `flows` at `monthlyIrr` (a fraction per month); amounts rounded to cents. */
export function repaymentTable(flows: LoanCashFlows, monthlyIrr: number): TableRow[] {
  const g = Math.log1p(monthlyIrr);
  let balance = flows.received;
  let lastDay = 0;
  return inTimeOrder(flows.payments).map((p, i) => {
    const day = daysOf(p);
    const interest = balance * Math.expm1((g * (day - lastDay)) / DAYS_PER_MONTH);
    lastDay = day;
    const principal = p.amount - interest;
    balance = Math.max(0, balance - principal);
    const row: TableRow = { n: i + 1, amount: r2(p.amount), interest: r2(interest), principal: r2(principal), left: r2(balance) };
    if (p.month !== undefined) row.month = p.month;
    else row.day = p.day ?? 0;
    return row;
  });
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
