/**
 * What a loan really costs, as rates: the nominal annual rate = 12 × monthly IRR (the 年化利率 convention of
 * PBoC announcement 2021 No. 3, on the money actually received), the effective annual rate, and two variants
 * for loans counted in days: months of 30 days (a 360-day year) and 365 × the daily IRR. The same rate on the
 * contract principal shows what an upfront deduction hides.
 */
import { DAYS_PER_MONTH, isMonthly, totalRepaid, type LoanCashFlows, type Payment } from './cash-flow';
import { solveLogGrowth } from './irr';

/** Rates as fractions (0.546 = 54.6 %); amounts in yuan. */
export interface LoanRates {
  monthlyIrr: number;
  /** 12 × monthlyIrr. */
  apr: number;
  /** (1 + monthlyIrr)^12 − 1; Infinity when it exceeds what a double holds. */
  ear: number;
  /** 12 × the IRR per 30 days (equal to `apr` when every payment is timed by month). */
  apr30: number;
  /** 365 × the IRR per day. */
  apr365: number;
  /** The nominal annual rate as if the whole contract principal had been received. */
  aprOnContractPrincipal: number;
  totalRepaid: number;
  /** Total repaid minus what was received: interest and every fee, the deduction at signing included. */
  totalCost: number;
}

/** Why no rate can be given. */
export type RateProblem = 'negative_amount' | 'no_payments' | 'no_received' | 'bad_time' | 'not_solvable' | 'negative_rate' | 'too_large';

export type RateOutcome = { ok: true; rates: LoanRates } | { ok: false; problem: RateProblem };

/** Checks the flows a caller built or a user typed; undefined when they can be solved for a rate. */
export function problemOf(flows: LoanCashFlows): RateProblem | undefined {
  const amounts = [flows.contractPrincipal, flows.received, ...flows.payments.map((p) => p.amount)];
  if (amounts.some((a) => !Number.isFinite(a))) return 'negative_amount';
  if (amounts.some((a) => a < 0)) return 'negative_amount';
  if (!(flows.received > 0)) return 'no_received';
  if (flows.payments.length === 0 || flows.payments.every((p) => p.amount === 0)) return 'no_payments';
  for (const p of flows.payments) {
    const t = p.month ?? p.day;
    if (t === undefined || !Number.isFinite(t) || t < 0) return 'bad_time';
  }
  return undefined;
}

/**
 * The rates of a loan. Fails (never throws) on bad input, when nothing is repaid after disbursement, and when
 * less is repaid than was received (a negative rate: not an interest question). Zero interest gives 0.
 */
export function loanRates(flows: LoanCashFlows): RateOutcome {
  const problem = problemOf(flows);
  if (problem) return { ok: false, problem };
  const paid = totalRepaid(flows.payments);
  if (paid < flows.received - 1e-9) return { ok: false, problem: 'negative_rate' };
  const perMonth = growthPerMonth(flows.received, flows.payments, DAYS_PER_MONTH);
  if (perMonth === undefined) return { ok: false, problem: 'not_solvable' };
  const monthly = isMonthly(flows.payments);
  const per30 = monthly ? perMonth : growthPerMonth(flows.received, flows.payments, 30);
  const onContract = flows.contractPrincipal > 0 ? growthPerMonth(flows.contractPrincipal, flows.payments, DAYS_PER_MONTH) : perMonth;
  if (per30 === undefined) return { ok: false, problem: 'not_solvable' };
  const monthlyIrr = Math.expm1(Math.max(0, perMonth));
  const rates: LoanRates = {
    monthlyIrr,
    apr: 12 * monthlyIrr,
    ear: Math.expm1(12 * Math.max(0, perMonth)),
    apr30: 12 * Math.expm1(Math.max(0, per30)),
    apr365: 365 * Math.expm1(Math.max(0, perMonth) / DAYS_PER_MONTH),
    aprOnContractPrincipal: onContract === undefined ? NaN : 12 * Math.expm1(onContract),
    totalRepaid: paid,
    totalCost: paid - flows.received,
  };
  // The effective rate of a one-day loan that multiplies the money may overflow (it is then Infinity); the
  // nominal rates must be numbers.
  if (![rates.apr, rates.apr30, rates.apr365].every(Number.isFinite)) return { ok: false, problem: 'too_large' };
  return { ok: true, rates };
}

/**
 * ln(1 + monthly IRR) with day counts turned into months of `daysPerMonth` days (payments timed by month keep
 * their month). Undefined when unsolvable.
 */
function growthPerMonth(received: number, payments: readonly Payment[], daysPerMonth: number): number | undefined {
  const flows = payments.map((p) => ({ t: p.month !== undefined ? p.month : (p.day ?? 0) / daysPerMonth, amount: p.amount }));
  const g = solveLogGrowth(received, flows);
  // A rounding hair below zero on a zero-interest loan is zero.
  return g !== undefined && g < 0 && g > -1e-12 ? 0 : g;
}
