/**
 * From what the borrower told us to cash flows, or to the one number still missing. Nothing is guessed: a loan
 * whose payments, term or received amount are not known asks for that number instead.
 */
import { cents, type LoanCashFlows, type Payment } from './cash-flow';
import type { LoanFacts, MissingNumber, RepaymentKind } from './loan-facts';
import { bulletByDay, bulletByMonth, equalInstalments, equalPrincipal, flatRate, interestOnly, level, withFeePerPayment, type Timing } from './schedules';

export type FlowsOutcome =
  | { ok: true; flows: LoanCashFlows; kind: RepaymentKind | 'instalments' | 'schedule' }
  | { ok: false; missing: MissingNumber };

/** Days in a month for a rate quoted per day on a monthly loan (日利率 × 30 = 月利率, as lenders quote it). */
const DAYS_IN_RATE_MONTH = 30;

/** The loan's cash flows, or which number to ask for. */
export function cashFlowsOf(f: LoanFacts): FlowsOutcome {
  const fees = f.fees ?? 0;
  // 到手8000，扣了2000服务费: what was received plus the fees taken is the principal. 到账8500 alone is not: the
  // contract may say more, so it is asked for, never taken to be the principal.
  const principal = f.principal ?? (f.received !== undefined && fees > 0 ? f.received + fees : undefined);
  if (principal === undefined || !(principal > 0)) return { ok: false, missing: 'principal' };
  let received: number;
  if (f.received !== undefined) {
    // Fees that explain the gap are already out of what was received; fees on top of it were paid separately.
    received = fees > 0 && Math.abs(f.received + fees - principal) > 0.005 ? f.received - fees : f.received;
  } else if (f.unstated === 'received' && fees === 0) {
    return { ok: false, missing: 'received' };
  } else received = principal - fees;
  if (f.unstated && f.unstated !== 'received' && !f.payments?.length) return { ok: false, missing: f.unstated };

  const built = payments(f, principal);
  if ('missing' in built) return { ok: false, missing: built.missing };
  // 一年后还24000，中间每个月还要付200管理费: a fee each period on a loan repaid once, months away, is charged each
  // month or once with the one payment; which is not said, so the payment is asked.
  const once = built.payments.length === 1 ? built.payments[0]! : undefined;
  // 到期还1万3，借期半年，按月付息: interest said to be paid every month, yet only one payment is known; how much
  // each month is not said, so it is asked rather than the whole sum put at the end.
  if (f.repayment === 'interest_only' && once && ((once.month ?? 0) > 1 || (once.day ?? 0) > 31)) return { ok: false, missing: 'payment' };
  if (f.feePerPayment && once && ((once.month ?? 0) > 1 || (once.day ?? 0) > 31)) return { ok: false, missing: 'payment' };
  let withFees = f.feePerPayment ? withFeePerPayment(built.payments, f.feePerPayment) : built.payments;
  if (f.feeWithLast && withFees.length) withFees = withFees.map((p, i) => (i === withFees.length - 1 ? { ...p, amount: cents(p.amount + f.feeWithLast!) } : p));
  if (f.feeWithFirst && withFees.length) withFees = withFees.map((p, i) => (i === 0 ? { ...p, amount: cents(p.amount + f.feeWithFirst!) } : p));
  // 前三期多交100: a fee on some instalments only; a span beyond the schedule tells of another schedule, so it is asked.
  for (const span of f.feesOnPeriods ?? []) {
    if (span.from > withFees.length || (span.to ?? span.from) > withFees.length) return { ok: false, missing: 'payment' };
    withFees = withFees.map((p, i) => (i + 1 >= span.from && i + 1 <= (span.to ?? withFees.length) ? { ...p, amount: cents(p.amount + span.amount) } : p));
  }
  return { ok: true, flows: { contractPrincipal: principal, received: cents(received), payments: withFees }, kind: built.kind };
}

type Built = { payments: Payment[]; kind: RepaymentKind | 'instalments' | 'schedule' } | { missing: MissingNumber };

function payments(f: LoanFacts, principal: number): Built {
  if (f.payments && f.payments.length > 0) return { payments: f.payments, kind: 'schedule' };
  const term = f.term;
  const timing = timingOf(f);

  if (f.payment !== undefined) {
    let n = term && (term.unit === 'period' || sameUnit(term.unit, timing)) ? term.count : term ? countFromDuration(term, timing) : undefined;
    if (n === undefined && f.total !== undefined && f.payment > 0) {
      const k = f.total / f.payment;
      if (Math.abs(k - Math.round(k)) < 1e-6) n = Math.round(k);
    }
    if (n === undefined || !Number.isInteger(n) || n < 1) return { missing: 'term' };
    if (f.repayment === 'interest_only') {
      const last = level(f.payment, n, timing);
      last[n - 1]!.amount = cents(f.payment + principal);
      return { payments: last, kind: 'interest_only' };
    }
    // 每月还1000 12期 利息一共3000: the instalments and the stated interest (or total) tell two different loans,
    // so the instalment is asked rather than one of the two picked.
    const repaid = f.payment * n;
    if (f.interest && !f.interest.each && !agrees(repaid, principal + f.interest.amount)) return { missing: 'payment' };
    // 每月还本金1000+利息100+服务费120，一共1220: a "total" that is one instalment with its fee, summed, is that instalment.
    const oneInstalment = f.total !== undefined && f.feePerPayment !== undefined && Math.abs(f.total - f.payment - f.feePerPayment) <= 0.011;
    if (f.total !== undefined && !oneInstalment && !agrees(repaid, f.total) && !agrees(f.total, principal)) return { missing: 'payment' };
    return { payments: level(f.payment, n, timing), kind: 'instalments' };
  }

  if (f.rate) {
    if (f.rate.per === 'unknown') return { missing: 'rate_unit' };
    const parts = f.principalPerPeriod ? principal / f.principalPerPeriod : undefined;
    const t = term ?? (parts !== undefined && Number.isInteger(Math.round(parts * 1e6) / 1e6) ? { count: Math.round(parts), unit: 'period' as const } : undefined);
    if (!t) return { missing: 'term' };
    return totalAgrees(byRate(f, principal, t, timing), f.total);
  }

  if (f.interest) {
    if (!term) return { missing: 'term' };
    const n = periodsOf(term, timing);
    if (f.interest.each) {
      if (n === undefined) return { missing: 'term' };
      // 一个月利息800，借三个月，到期连本带息一起还: the interest of every period, paid with the principal at the end.
      if (f.repayment === 'bullet') return totalOver(principal + f.interest.amount * n, f, term, timing);
      // 一个星期利息500 借两个星期: paid every week, or all at the end? Not said, so asked (as for a rate).
      if (!f.repayment && term.unit !== 'period' && n > 1) return { missing: 'payment' };
      return { payments: level(f.interest.amount, n, timing).map((p, i) => (i === n - 1 ? { ...p, amount: cents(p.amount + principal) } : p)), kind: 'interest_only' };
    }
    return totalOver(principal + f.interest.amount, f, term, timing);
  }

  if (f.total !== undefined) {
    if (!term) return { missing: 'term' };
    return totalOver(f.total, f, term, timing);
  }
  return { missing: 'payment' };
}

/** The total repaid once at the end of the term, or in equal parts when the term is a number of instalments. */
function totalOver(total: number, f: LoanFacts, term: NonNullable<LoanFacts['term']>, timing: Timing): Built {
  const instalments = term.unit === 'period' && term.count > 1 && f.repayment !== 'bullet';
  if (instalments) return { payments: level(total / term.count, term.count, timing, total), kind: 'instalments' };
  if (term.unit === 'day') return { payments: bulletByDay(total, term.count), kind: 'bullet' };
  if (term.unit === 'week') return { payments: bulletByDay(total, term.count * 7), kind: 'bullet' };
  if (term.unit === 'period') return timing.unit === 'day' ? { payments: bulletByDay(total, timing.every * term.count), kind: 'bullet' } : { payments: bulletByMonth(total, term.count), kind: 'bullet' };
  return { payments: bulletByMonth(total, term.count), kind: 'bullet' };
}

function byRate(f: LoanFacts, principal: number, term: NonNullable<LoanFacts['term']>, timing: Timing): Built {
  const pct = f.rate!.percent / 100;
  const per = f.rate!.per as 'day' | 'month' | 'year';
  // A day loan at a daily rate: simple interest for the days, paid at the end.
  if (term.unit === 'day' || term.unit === 'week') {
    const days = term.unit === 'week' ? term.count * 7 : term.count;
    const daily = per === 'day' ? pct : per === 'month' ? pct / DAYS_IN_RATE_MONTH : pct / 365;
    const instalmentsByDay = timing.unit === 'day' && timing.every < days && f.repayment !== 'bullet';
    if (!instalmentsByDay) return { payments: bulletByDay(principal * (1 + daily * days), days), kind: 'bullet' };
  }
  const n = periodsOf(term, timing);
  if (n === undefined) return { missing: 'term' };
  const periodRate =
    timing.unit === 'day'
      ? (per === 'day' ? pct : per === 'month' ? pct / DAYS_IN_RATE_MONTH : pct / 365) * timing.every
      : per === 'day' ? pct * DAYS_IN_RATE_MONTH : per === 'month' ? pct : pct / 12;
  if (!f.repayment && term.unit === 'month' && n > 1) return { missing: 'payment' };
  const kind: RepaymentKind = f.repayment ?? (term.unit === 'period' ? (per === 'year' ? 'equal_instalments' : 'flat') : 'bullet');
  switch (kind) {
    case 'equal_instalments':
      return { payments: equalInstalments(principal, periodRate, n, timing), kind };
    case 'equal_principal':
      return { payments: equalPrincipal(principal, periodRate, n, timing), kind };
    case 'interest_only':
      return { payments: interestOnly(principal, periodRate, n, timing), kind };
    case 'flat':
      return { payments: flatRate(principal, periodRate, n, timing), kind };
    case 'bullet':
      return timing.unit === 'day'
        ? { payments: bulletByDay(principal * (1 + periodRate * n), timing.every * n), kind }
        : { payments: bulletByMonth(principal * (1 + periodRate * n), n), kind };
  }
}

/**
 * A schedule worked out from a stated rate, checked against a sum the borrower also said (一共还,
 * 第6个月还30600, 一次性还了8380结清): the sum must be everything repaid or the last payment. One that is neither tells
 * of another schedule (an early payoff, a different last payment), so the payment is asked rather than the sum dropped.
 */
function totalAgrees(built: Built, total: number | undefined): Built {
  if ('missing' in built || total === undefined) return built;
  const all = built.payments.reduce((s, p) => s + p.amount, 0);
  const last = built.payments[built.payments.length - 1]!.amount;
  return agrees(all, total) || agrees(last, total) ? built : { missing: 'payment' };
}

/** Two sums of money that are the same loan: within a yuan, or 0.5 % for large sums (rounded instalments). */
function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, 0.005 * Math.max(a, b));
}

function timingOf(f: LoanFacts): Timing {
  if (f.periodDays) return { unit: 'day', every: f.periodDays };
  if (f.term?.unit === 'week') return { unit: 'day', every: 7 };
  return { unit: 'month' };
}

function sameUnit(unit: NonNullable<LoanFacts['term']>['unit'], timing: Timing): boolean {
  if (timing.unit === 'month') return unit === 'month';
  return (unit === 'week' && timing.every === 7) || (unit === 'day' && timing.every === 1);
}

/** How many payments fit a term given as a duration (6个月 paid monthly → 6; 8周 paid weekly → 8). */
function countFromDuration(term: NonNullable<LoanFacts['term']>, timing: Timing): number | undefined {
  const days = term.unit === 'day' ? term.count : term.unit === 'week' ? term.count * 7 : term.unit === 'month' ? term.count * (365 / 12) : undefined;
  if (days === undefined) return term.count;
  if (timing.unit === 'month') return term.unit === 'month' ? term.count : undefined;
  const n = days / timing.every;
  return Math.abs(n - Math.round(n)) < 1e-6 ? Math.round(n) : undefined;
}

function periodsOf(term: NonNullable<LoanFacts['term']>, timing: Timing): number | undefined {
  if (term.unit === 'period') return term.count;
  return countFromDuration(term, timing);
}
