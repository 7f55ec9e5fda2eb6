/**
 * The parser asks rather than guesses when a description allows two readings (issue 13): more than one loan,
 * an instalment said twice with different values, instalments that disagree with the stated interest or total,
 * a deduction that does not explain what arrived, payments counted in 次 with no interval. And the readings that
 * general rules settle (万分之二点五, 月息一毛, 一年前借的, 下个月还, parts of an instalment said clause by clause,
 * 还了N期还剩M期). Expectations come from the loan's own numbers, never from the parser's output.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { askInsteadOfGuessing } from '../../src/interest/ambiguity';
import { interestKit as kit } from '../support/interest-kit';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const parse = createLoanTextParser(cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));
const cents = (x: number) => Math.round(x * 100) / 100;

/** A small deterministic generator, so a failing case can be replayed. */
function rnd(seed: number): () => number {
  let s = seed * 9301 + 49297;
  return () => (s = (s * 9301 + 49297) % 233280) / 233280;
}
const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
const missingOf = (text: string) => {
  const out = flows(text);
  return out.ok ? `computed ${JSON.stringify(out.flows.payments.slice(0, 2))}` : out.missing;
};

describe('two readings are asked about, not picked', () => {
  it.each(seeds)('a second loan is asked about before any is computed (seed %i)', (seed) => {
    const r = rnd(seed);
    const a = 1000 * (2 + Math.floor(r() * 20));
    const b = 1000 * (2 + Math.floor(r() * 20));
    const pay = 100 + Math.floor(r() * 900);
    const text = [`借了两笔，一笔${a}一笔${b}，每月各还${pay}`, `借了${a}，还有一笔${b}，每月还${pay}还12期`, `在两个平台借了钱，一个借${a}每月还${pay}，一个借${b}每月还${pay}`][seed % 3]!;
    expect(missingOf(text)).toBe('principal');
  });

  it.each(seeds)('an instalment said twice with different values is asked (seed %i)', (seed) => {
    const r = rnd(seed);
    const first = 500 + Math.floor(r() * 1000);
    const second = first + 50 + Math.floor(r() * 500);
    const link = ['后来改成', '又说', '他们又说'][seed % 3]!;
    expect(missingOf(`借2万，每月还${first}，${link}每月还${second}，还12期`)).toBe('payment');
  });

  it('the same instalment said twice is one instalment', () => {
    expect(flows('借2万，每月还1900，对，每月还1900，还12期')).toEqual({ ok: true, kind: 'instalments', flows: { contractPrincipal: 20000, received: 20000, payments: months(12, 1900) } });
  });

  it.each(seeds)('instalments that disagree with the stated interest are asked; agreeing ones are computed (seed %i)', (seed) => {
    const r = rnd(seed);
    const n = 6 + Math.floor(r() * 18);
    const pay = 600 + 10 * Math.floor(r() * 60);
    const principal = 5000;
    const interest = pay * n - principal;
    expect(missingOf(`借${principal} 每月还${pay} ${n}期 利息一共${interest + 500}`)).toBe('payment');
    const out = flows(`借${principal} 每月还${pay} ${n}期 利息一共${interest}`);
    expect(out.ok && out.flows.payments).toEqual(months(n, pay));
  });

  it('a deduction that does not explain what arrived asks what arrived', () => {
    expect(missingOf('借1万 到手8000 扣了1500服务费 每月还1000 12期')).toBe('received');
    const out = flows('借1万 到手8500 扣了1500服务费 每月还1000 12期');
    expect(out.ok && out.flows.received).toBe(8500);
  });

  it('a fee paid on top of a smaller received amount is still paid separately', () => {
    const out = flows('借1万 到手8000 还交了500会员费 每月还1000 12期');
    expect(out.ok && out.flows.received).toBe(7500);
  });

  it('a fee named after the instalments without its timing asks what arrived; named before them, it is taken at signing', () => {
    expect(missingOf('借1万，每月还1000，服务费50，12期')).toBe('received');
    expect(missingOf('借1万 每月还1000 12期 服务费500')).toBe('received');
    const before = flows('借1万 服务费800 每月还1000 12期');
    expect(before.ok && before.flows.received).toBe(9200);
    const told = flows('借1万 每月还1000 12期 服务费500 到手9500');
    expect(told.ok && told.flows.received).toBe(9500);
    const monthly = flows('借1万 每月还1000 12期 服务费每月50');
    expect(monthly.ok && monthly.flows.payments).toEqual(months(12, 1050));
  });

  it.each(['我月工资4500，', '客服电话400-800-1234，', '我今年35岁，', '订单号123456 ', '合同号 88231，', '借款日期:20240315，'])('%s is not part of the loan', (aside) => {
    expect(flows(`${aside}借了1万，每月还1100，12期`)).toEqual({ ok: true, kind: 'instalments', flows: { contractPrincipal: 10000, received: 10000, payments: months(12, 1100) } });
  });

  it('a charge in a clause about default is a penalty, not a fee of the loan', () => {
    expect(missingOf('周转借了1500 7天 到手1200 逾期一天扣50')).toBe('payment');
    const out = flows('借了1500 到手1200 7天后还1500 逾期一天扣50');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 1500, received: 1200, payments: [{ day: 7, amount: 1500 }] });
  });

  it('payments counted in 次 without their interval ask for the term; with it they are computed', () => {
    expect(missingOf('借3000 每次还500 还8次')).toBe('term');
    const out = flows('借3000 每周还500 还8次');
    expect(out.ok && out.flows.payments.map((p) => p.day)).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
  });

  it('每月20号扣款 is the due date, not a deduction', () => {
    expect(flows('借1万，每月还1000，12期，每月20号扣款')).toEqual({ ok: true, kind: 'instalments', flows: { contractPrincipal: 10000, received: 10000, payments: months(12, 1000) } });
  });

  it('askInsteadOfGuessing drops what the doubt makes unusable and keeps the rest', () => {
    const facts = askInsteadOfGuessing({ principal: 10000, payment: 1000, term: { count: 12, unit: 'period' } }, [{ ask: 'payment', drop: ['payment'] }]);
    expect(facts).toEqual({ principal: 10000, term: { count: 12, unit: 'period' }, unstated: 'payment' });
    expect(cashFlowsOf(facts)).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('readings general rules settle', () => {
  it.each([
    ['万分之二点五', 0.00025],
    ['万分之三点五', 0.00035],
    ['千分之一点二', 0.0012],
  ])('日利率%s a day, simple interest to the end', (words, daily) => {
    const out = flows(`借款5万 日利率${words} 借期90天 到期还`);
    expect(out.ok && out.flows.payments).toEqual([{ day: 90, amount: cents(50000 * (1 + daily * 90)) }]);
  });

  it.each([1, 2, 3])('月息%s毛 is that many tenths of the loan a month', (n) => {
    const cn = ['', '一', '两', '三'][n]!;
    const out = flows(`借3000 月息${cn}毛 一个月后连本带息还`);
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: cents(3000 * (1 + n / 10)) }]);
  });

  it('利息一毛 without a period asks for it', () => {
    expect(missingOf('借3000 利息一毛 一个月后连本带息还')).toBe('rate_unit');
  });

  it.each(['一年前', '两个月前', '半年前'])('%s借的 is when, not how long', (ago) => {
    const out = flows(`差不多${ago}借的，三万，说好一个月后还三万三`);
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 33000 }]);
  });

  it.each([
    ['下个月还', { month: 1 }],
    ['下周还', { day: 7 }],
  ])('%s is one period after the loan', (phrase, at) => {
    const out = flows(`借了六千块 ${phrase}七千二`);
    expect(out.ok && out.flows.payments).toEqual([{ ...at, amount: 7200 }]);
  });

  it.each(seeds)('parts of one instalment said clause by clause are added up (seed %i)', (seed) => {
    const r = rnd(seed);
    const n = 3 + Math.floor(r() * 20);
    const part = 100 * (1 + Math.floor(r() * 20));
    const interest = 10 + Math.floor(r() * 200);
    const fee = 5 + Math.floor(r() * 50);
    const principal = part * n;
    const a = flows(`借${principal}，每个月还本金${part}，利息每月${interest}，还${n}期`);
    expect(a.ok && a.flows.payments).toEqual(months(n, part + interest));
    const b = flows(`借了${principal} 分${n}期 每期本金${part} 利息${interest} 另外还有${fee}的服务费`);
    expect(b.ok && b.flows).toEqual({ contractPrincipal: principal, received: principal, payments: months(n, part + interest + fee) });
  });

  it('a fee said to be taken at signing after the parts stays a fee at signing', () => {
    const out = flows('借了1.2万 分12期 每期本金1000 利息96 放款时先扣了400的服务费');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 12000, received: 11600, payments: months(12, 1096) });
  });

  it.each(seeds)('interest paid every month (每个月付X利息) is interest-only (seed %i)', (seed) => {
    const r = rnd(seed);
    const principal = 10000 * (1 + Math.floor(r() * 9));
    const n = 2 + Math.floor(r() * 10);
    const interest = 100 * (1 + Math.floor(r() * 30));
    const out = flows(`借了${principal} 每个月付${interest}利息 借了${n}个月 最后把本金和利息一起还了`);
    expect(out.ok && out.flows.payments).toEqual([...months(n - 1, interest), { month: n, amount: principal + interest }]);
  });

  it('a week\'s interest as money with no way of repaying over several weeks is asked', () => {
    expect(missingOf('借5000块 一个星期利息500 借两个星期')).toBe('payment');
    const bullet = flows('借5000块 一个星期利息500 借两个星期 到期连本带息一起还');
    expect(bullet.ok && bullet.flows.payments).toEqual([{ day: 14, amount: 6000 }]);
  });

  it.each([
    ['3月5号借2000，3月12号还2500', 7],
    ['我2月1号借了4000，3月1号要还4600', 28],
    ['2025年12月1号借的，2026年1月1号还', 31],
  ])('%s: the term runs from the day lent to the day due', (text, days) => {
    const out = flows(text.includes('借的') ? `${text}11000 借了1万` : text);
    expect(out.ok && out.flows.payments.map((p) => p.day)).toEqual([days]);
  });

  it.each([
    ['took a 20k loan, 24 installments of 1100, 1500 deducted upfront', 20000, 18500, 24, 1100],
    ['Loan amount 5000, disbursed 4500, repayment 5500 after 30 days', 5000, 4500, 1, 5500],
    ['They lent me 8000 but only 7000 reached my account, I pay 800 a month for 12 months', 8000, 7000, 12, 800],
    ['Borrowed 1500 from an app, only 1200 came in, must repay 1500 in 7 days', 1500, 1200, 1, 1500],
  ])('English: %s', (text, principal, received, n, pay) => {
    const out = flows(text);
    expect(out.ok && [out.flows.contractPrincipal, out.flows.received, out.flows.payments.length, out.flows.payments[0]!.amount]).toEqual([principal, received, n, pay]);
  });

  it.each(seeds)('interest as money per round base or after 日息 is a daily (monthly) rate (seed %i)', (seed) => {
    const r = rnd(seed);
    const principal = 1000 * (2 + Math.floor(r() * 40));
    const days = 7 + Math.floor(r() * 60);
    const perWan = 1 + Math.floor(r() * 9);
    const a = flows(`借${principal} 每万元日息${perWan}元 借${days}天 到期还`);
    expect(a.ok && a.flows.payments).toEqual([{ day: days, amount: cents(principal * (1 + (perWan / 10000) * days)) }]);
    const perDay = 1 + Math.floor(r() * 20);
    const b = flows(`借${principal} 日息${perDay}块 借${days}天`);
    expect(b.ok && b.flows.payments).toEqual([{ day: days, amount: cents(principal + perDay * days) }]);
  });

  it.each([[5, 7], [3, 9], [10, 2]])('还了%i期，还剩%i期 is the whole term', (paid, left) => {
    const out = flows(`借1万，每月还1000，还了${paid}期，还剩${left}期`);
    expect(out.ok && out.flows.payments).toEqual(months(paid + left, 1000));
  });
});

describe('the question a doubt asks is answered like any other', () => {
  it.each([
    ['借1万，每月还1000，后来改成每月还1200了，12期', 'payment', '1200', 12, 1200, 10000],
    ['借1万 到手8000 扣了1500服务费 每月还1000 12期', 'received', '到手8500', 12, 1000, 8500],
    ['借3000 每次还500 还8次', 'term', '8', 8, 500, 3000],
    ['借1万，每月还1000，服务费50，12期', 'received', '9950', 12, 1000, 9950],
  ] as const)('%s → asks %s; "%s" completes it', (text, missing, answer, n, pay, received) => {
    const facts = kit.parseLoanText(text, AT);
    expect(cashFlowsOf(facts)).toEqual({ ok: false, missing });
    const out = cashFlowsOf(kit.answerTo(missing, answer, AT, facts));
    expect(out.ok && [out.flows.payments.length, out.flows.payments[0]!.amount, out.flows.received]).toEqual([n, pay, received]);
  });
});

describe('two terms offered as alternatives', () => {
  it.each(['借了1万，每期还1200，还10期还是12期我记不清了，全额到账', '借了8千，每月还800，到账7千，还款期限是一年半还是两年来着'])('asks for the term of "%s"', (text) => {
    const out = flows(text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.missing).toBe('term');
  });

  it('still reads one term said once ("还12期 还是按月还")', () => {
    const out = flows('借了1万，到账1万，每月还1000，还12期，还是按月还');
    expect(out.ok).toBe(true);
  });

  it('reads 实收 as what arrived', () => {
    const out = flows('借款：伍仟元，实收肆仟伍佰元，一个月后归还伍仟伍佰元');
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.flows.received).toBe(4500);
  });
});
