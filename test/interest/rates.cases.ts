/**
 * The rate of a loan against an independent brute-force bisection (test/support/brute-apr.ts: present value in plain
 * powers, 200 halvings), over every loan kind: bullet, 等额本息, 等额本金, interest-only, flat 月息, 7/14/30-day
 * loans, payments on arbitrary days, upfront and per-instalment fees. Exact to 0.01 percentage points.
 */
import { loanRates, type LoanRates } from '../../src/interest/rates';
import type { LoanCashFlows, Payment } from '../../src/interest/cash-flow';
import {
  bulletByDay,
  bulletByMonth,
  bulletDaily,
  bulletWithInterest,
  equalInstalments,
  equalPrincipal,
  flatRate,
  interestOnly,
  level,
  onDays,
  withFeePerPayment,
} from '../../src/interest/schedules';
import { bruteApr } from '../support/brute-apr';

/** Months after disbursement: a payment's month, or its day as 12/365 of a month (the convention). */
const monthsAt = (p: Payment) => (p.month !== undefined ? p.month : (p.day as number) * (12 / 365));

/** 12 × the monthly IRR in percent by bisection (test/support, independent of src/interest/irr.ts). */
const brute = (received: number, payments: Payment[], negative = false) => bruteApr(received, payments.map((p) => ({ t: monthsAt(p), amount: p.amount })), negative);

function rates(flows: LoanCashFlows): LoanRates {
  const out = loanRates(flows);
  if (!out.ok) throw new Error(`no rate: ${out.problem}`);
  return out.rates;
}

const loan = (received: number, payments: Payment[], contractPrincipal = received): LoanCashFlows => ({ contractPrincipal, received, payments });

/** [name, flows]: at least 40, every kind. */
const CASES: Array<[string, LoanCashFlows]> = [
  // bullet by month
  ['bullet 1 month +10%', loan(10000, bulletByMonth(11000, 1))],
  ['bullet 3 months 月息3分 simple', loan(20000, bulletWithInterest(20000, 0.03, 3))],
  ['bullet 6 months', loan(50000, bulletByMonth(56000, 6))],
  ['bullet 12 months', loan(45000, bulletByMonth(60000, 12), 50000)],
  ['bullet 24 months', loan(8000, bulletByMonth(12000, 24))],
  // 等额本息
  ['等额本息 12 × 1% ', loan(10000, equalInstalments(10000, 0.01, 12))],
  ['等额本息 24 × 2%', loan(20000, equalInstalments(20000, 0.02, 24))],
  ['等额本息 36 × 1.5%', loan(50000, equalInstalments(50000, 0.015, 36))],
  ['等额本息 6 × 0.5%', loan(6000, equalInstalments(6000, 0.005, 6))],
  ['等额本息 12 × 1% with 3000 deducted', loan(7000, equalInstalments(10000, 0.01, 12), 10000)],
  ['借1万到手7000每月1050×12', loan(7000, level(1050, 12), 10000)],
  ['每月950×12, 1399 of fees at signing', loan(8601, level(950, 12), 10000)],
  ['每月1850×12, membership 1980', loan(18020, level(1850, 12), 20000)],
  // 等额本金
  ['等额本金 12 × 1%', loan(12000, equalPrincipal(12000, 0.01, 12))],
  ['等额本金 24 × 1%, received 28500', loan(28500, equalPrincipal(30000, 0.01, 24), 30000)],
  ['等额本金 10 × 2%', loan(18000, equalPrincipal(20000, 0.02, 10), 20000)],
  ['等额本金 5 × 3%', loan(4500, equalPrincipal(5000, 0.03, 5), 5000)],
  ['等额本金 60 × 0.4%', loan(300000, equalPrincipal(300000, 0.004, 60))],
  // interest-only (先息后本)
  ['先息后本 12 × 2%', loan(50000, interestOnly(50000, 0.02, 12))],
  ['先息后本 6 × 2%', loan(30000, interestOnly(30000, 0.02, 6))],
  ['先息后本 10 × 2%, 2000 deducted', loan(38000, interestOnly(40000, 0.02, 10), 40000)],
  ['先息后本 12, 10% deducted', loan(90000, interestOnly(100000, 0.02, 12), 100000)],
  ['先息后本 3 × 2.5%', loan(9000, interestOnly(10000, 0.025, 3), 10000)],
  // flat 月息 (等本等息)
  ['flat 2% × 12', loan(12000, flatRate(12000, 0.02, 12))],
  ['flat 1.25% × 20, received 36000', loan(36000, flatRate(40000, 0.0125, 20), 40000)],
  ['flat 0.6% × 10 (credit-card instalments)', loan(10000, flatRate(10000, 0.006, 10))],
  ['flat 0.75% × 18', loan(18000, flatRate(18000, 0.0075, 18))],
  ['flat 2% × 6 on 1.2万, received 1万', loan(10000, flatRate(12000, 0.02, 6), 12000)],
  // day loans
  ['7-day 1000 → 1300', loan(1000, bulletByDay(1300, 7))],
  ['7-day 500, received 350', loan(350, bulletByDay(500, 7), 500)],
  ['7-day 5000, received 3500', loan(3500, bulletByDay(5000, 7), 5000)],
  ['14-day 2000 → 2600', loan(2000, bulletByDay(2600, 14))],
  ['14-day 3000 → 3300', loan(3000, bulletByDay(3300, 14))],
  ['30-day 日息万五', loan(10000, bulletDaily(10000, 0.0005, 30))],
  ['30-day 5000, received 4000', loan(4000, bulletByDay(5000, 30), 5000)],
  ['30-day with fee at the end', loan(2400, bulletByDay(3200, 30), 3000)],
  ['1-day 1000 → 1010', loan(1000, bulletByDay(1010, 1))],
  // several payments on arbitrary days
  ['days 7/14/21', loan(3000, onDays([{ day: 7, amount: 1000 }, { day: 14, amount: 1000 }, { day: 21, amount: 1500 }]))],
  ['rollover 7/14/21', loan(1400, onDays([{ day: 7, amount: 400 }, { day: 14, amount: 400 }, { day: 21, amount: 2000 }]), 2000)],
  ['rollover 7/14/21/28', loan(700, onDays([{ day: 7, amount: 250 }, { day: 14, amount: 250 }, { day: 21, amount: 250 }, { day: 28, amount: 1000 }]), 1000)],
  ['rollover 30/60', loan(4000, onDays([{ day: 30, amount: 1000 }, { day: 60, amount: 5000 }]), 5000)],
  ['weekly 8 × 600', loan(4000, level(600, 8, { unit: 'day', every: 7 }))],
  ['irregular days 10/45/100', loan(5000, onDays([{ day: 10, amount: 500 }, { day: 45, amount: 2500 }, { day: 100, amount: 2600 }]))],
  // per-instalment fees
  ['每期 1200 + 100 担保费 × 24', loan(22500, withFeePerPayment(level(1200, 24), 100), 25000)],
  ['每期 570 + 29.9 会员费 × 12', loan(6000, withFeePerPayment(level(570, 12), 29.9))],
  ['等额本息 1% × 12 + 50 管理费', loan(27000, withFeePerPayment(equalInstalments(30000, 0.01, 12), 50), 30000)],
  // a payment on the day of disbursement (a fee paid at signing counted as a flow)
  ['fee at t = 0 as a payment', loan(10000, [{ day: 0, amount: 500 }, ...level(900, 12)])],
  // mixed months and days
  ['month 3 fee, month 6 payoff', loan(10000, [{ month: 3, amount: 1000 }, { month: 6, amount: 11000 }])],
];

describe('loanRates against brute-force bisection', () => {
  it('covers at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (_name, flows) => {
    const got = rates(flows);
    const want = brute(flows.received, flows.payments);
    expect(Math.abs(got.apr * 100 - want)).toBeLessThan(0.01);
    // The other outputs follow from the same monthly IRR.
    expect(got.monthlyIrr * 1200).toBeCloseTo(want, 2);
    expect(got.ear).toBeCloseTo(Math.pow(1 + want / 1200, 12) - 1, 6);
    const repaid = flows.payments.reduce((s, p) => s + p.amount, 0);
    expect(got.totalRepaid).toBeCloseTo(repaid, 6);
    expect(got.totalCost).toBeCloseTo(repaid - flows.received, 6);
    expect(Math.abs(got.aprOnContractPrincipal * 100 - brute(flows.contractPrincipal, flows.payments, true))).toBeLessThan(0.01);
  });
});

describe('the issue example', () => {
  it('借1万到手7000每月还1050还12期: about 125 % on what was received, about 45 % on the 10,000', () => {
    const r = rates(loan(7000, level(1050, 12), 10000));
    expect(r.apr * 100).toBeGreaterThan(120);
    expect(r.apr * 100).toBeLessThan(130);
    expect(r.aprOnContractPrincipal * 100).toBeGreaterThan(40);
    expect(r.aprOnContractPrincipal * 100).toBeLessThan(50);
  });
});

describe('properties', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
  const rnd = (seed: number) => {
    let s = seed * 9301 + 49297;
    return () => ((s = (s * 9301 + 49297) % 233280) / 233280);
  };
  const randomLoan = (seed: number): LoanCashFlows => {
    const r = rnd(seed);
    const n = 1 + Math.floor(r() * 24);
    const byDay = r() < 0.4;
    const received = 500 + Math.round(r() * 50000);
    const payments: Payment[] = [];
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += byDay ? 1 + Math.floor(r() * 30) : 1;
      payments.push(byDay ? { day: t, amount: Math.round((received / n) * (1 + r())) } : { month: t, amount: Math.round((received / n) * (1 + r() * 0.5)) });
    }
    return loan(received, payments);
  };

  it('a loan repaid exactly (no interest, no fees) costs 0 %', () => {
    for (const flows of [loan(10000, level(1000, 10)), loan(3000, bulletByDay(3000, 7)), loan(5000, onDays([{ day: 3, amount: 2000 }, { day: 40, amount: 3000 }]))]) {
      const r = rates(flows);
      expect(r.apr).toBeCloseTo(0, 10);
      expect(r.ear).toBeCloseTo(0, 10);
      expect(r.totalCost).toBeCloseTo(0, 10);
    }
  });

  it.each(seeds)('scaling every amount leaves the rate unchanged (seed %i)', (seed) => {
    const flows = randomLoan(seed);
    const k = [0.01, 3, 1000][seed % 3]!;
    const scaled = loan(flows.received * k, flows.payments.map((p) => ({ ...p, amount: p.amount * k })), flows.contractPrincipal * k);
    expect(rates(scaled).apr).toBeCloseTo(rates(flows).apr, 9);
  });

  it.each(seeds)('paying more, receiving less or paying sooner raises the rate (seed %i)', (seed) => {
    const flows = randomLoan(seed);
    const base = rates(flows).apr;
    const more = loan(flows.received, flows.payments.map((p, i) => (i === flows.payments.length - 1 ? { ...p, amount: p.amount + 50 } : p)));
    const less = loan(flows.received * 0.95, flows.payments);
    const sooner = loan(flows.received, flows.payments.map((p) => (p.month !== undefined ? { month: p.month * 0.9 } : { day: (p.day as number) * 0.9 }) as Payment).map((p, i) => ({ ...p, amount: flows.payments[i]!.amount })));
    expect(rates(more).apr).toBeGreaterThan(base);
    expect(rates(less).apr).toBeGreaterThan(base);
    expect(rates(sooner).apr).toBeGreaterThan(base);
  });

  it('never fails on extreme short loans', () => {
    for (const [amount, day] of [[2000, 1], [10000, 1], [1001, 0.01], [5000, 7]] as const) {
      const out = loanRates(loan(1000, bulletByDay(amount, day)));
      expect(out.ok).toBe(true);
      if (out.ok) expect(Number.isFinite(out.rates.apr) && out.rates.apr > 0).toBe(true);
    }
  });

  it('day-counted variants: 365 × the daily IRR, and 12 × the IRR per 30 days', () => {
    const r = rates(loan(1000, bulletByDay(1300, 7)));
    const daily = Math.pow(1.3, 1 / 7) - 1;
    expect(r.apr365).toBeCloseTo(365 * daily, 9);
    expect(r.apr30).toBeCloseTo(12 * (Math.pow(1 + daily, 30) - 1), 9);
    const monthly = rates(loan(10000, level(1000, 12)));
    expect(monthly.apr30).toBeCloseTo(monthly.apr, 12);
  });

  it('a 等额本息 schedule at r a month has an APR of 12 r; 等额本金 and 先息后本 too', () => {
    expect(rates(loan(10000, equalInstalments(10000, 0.015, 24))).apr).toBeCloseTo(0.18, 3);
    expect(rates(loan(10000, equalPrincipal(10000, 0.01, 12))).apr).toBeCloseTo(0.12, 3);
    expect(rates(loan(10000, interestOnly(10000, 0.02, 12))).apr).toBeCloseTo(0.24, 6);
  });

  it.each(seeds)('等额本息: every instalment the same cent amount, the annuity rounded, its APR 12 r to 0.01 pp (seed %i)', (seed) => {
    const r = rnd(seed);
    const principal = 1000 + Math.round(r() * 200000);
    const rate = 0.001 + r() * 0.05;
    const n = 2 + Math.floor(r() * 47);
    const payments = equalInstalments(principal, rate, n);
    // The annuity payment from its own formula (a balance that the n payments bring to zero), not the code's.
    let lo = 0;
    let hi = principal * 2;
    for (let k = 0; k < 100; k++) {
      const mid = (lo + hi) / 2;
      let balance = principal;
      for (let j = 0; j < n; j++) balance = balance * (1 + rate) - mid;
      if (balance > 0) lo = mid;
      else hi = mid;
    }
    expect(payments.map((p) => p.month)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const p of payments) expect(Math.abs(p.amount - lo)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(new Set(payments.map((p) => p.amount)).size).toBe(1);
    expect(Math.abs(brute(principal, payments) - 1200 * rate)).toBeLessThan(0.01);
  });

  it('等额本息 at a zero rate repays exactly the principal (0 %)', () => {
    const payments = equalInstalments(10000, 0, 3);
    expect(payments.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(10000, 9);
    expect(rates(loan(10000, payments)).apr).toBeCloseTo(0, 10);
  });

  it('a flat 月息 costs nearly twice its quoted rate', () => {
    const r = rates(loan(12000, flatRate(12000, 0.02, 12)));
    expect(r.apr).toBeGreaterThan(0.4);
    expect(r.apr).toBeLessThan(0.48);
  });
});

describe('bad input', () => {
  it.each([
    ['a negative amount', loan(1000, [{ day: 7, amount: -5 }]), 'negative_amount'],
    ['nothing received', loan(0, bulletByDay(100, 7)), 'no_received'],
    ['no payments', loan(1000, []), 'no_payments'],
    ['less repaid than received', loan(1000, bulletByDay(900, 7)), 'negative_rate'],
    ['everything repaid on day 0', loan(1000, [{ day: 0, amount: 1200 }]), 'not_solvable'],
    ['a payment with no time', loan(1000, [{ amount: 1200 }]), 'bad_time'],
    ['a rate too large to express', loan(1000, bulletByDay(1e9, 0.01)), 'too_large'],
  ] as const)('%s', (_n, flows, problem) => {
    const out = loanRates(flows);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toBe(problem);
  });
});
