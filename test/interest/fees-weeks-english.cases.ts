/**
 * Phrasings of dev-phrasings-9: fees as a share of the loan (服务费5%, 砍头10%, 每期服务费1%), weekly rates and
 * weekly interest as money (周息5%, 一周利息500), a rate followed by its period (2%每月, English "2% per month"),
 * and 利息2分 with no period, which is asked (月息2分 would be 24 % a year, 年息2分 20 %). Expectations come from
 * the loan's own numbers or from the same loan said in plain words, never from the parser's output.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { statedRateOf } from '../../src/interest/stated-rate';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const parse = createLoanTextParser(cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));
const weeks = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ day: 7 * (i + 1), amount }));
const cents = (x: number) => Math.round(x * 100) / 100;

/** A small deterministic generator, so a failing case can be replayed. */
function rnd(seed: number): () => number {
  let s = seed * 9301 + 49297;
  return () => (s = (s * 9301 + 49297) % 233280) / 233280;
}
const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

describe('a fee stated as a share of the loan is that share of the principal', () => {
  it.each(seeds)('服务费 p%, taken at signing (seed %i)', (seed) => {
    const r = rnd(seed);
    const principal = 1000 * (2 + Math.floor(r() * 48));
    const pct = 1 + Math.floor(r() * 20);
    const pay = 100 + Math.floor(r() * 2000);
    const n = 3 + Math.floor(r() * 20);
    const word = ['服务费', '手续费', '砍头', '担保费是借款金额的'][seed % 4]!;
    const out = flows(`借${principal} ${word}${pct}% 每月还${pay} 还${n}期`);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: cents(principal * (1 - pct / 100)), payments: months(n, pay) });
  });

  it.each([
    ['借款8000，收取10%的服务费，实际到账7200，30天后还8000', '借款8000，收取800的服务费，实际到账7200，30天后还8000'],
    ['借5000 手续费3%先扣 7天后还5000', '借5000 手续费150先扣 7天后还5000'],
    ['借3万 每期服务费1% 分12期 等额本息 月利率1%', '借3万 每期服务费300 分12期 等额本息 月利率1%'],
  ])('%s ≡ %s', (percent, money) => {
    const a = flows(percent);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(money));
  });

  it.each([
    ['借1万 服务费百分之五 每月还1000 12期', '借1万 服务费500 每月还1000 12期'],
    ['借1万 扣了5个点服务费 每月还1000 12期', '借1万 服务费500 每月还1000 12期'],
    ['借1万 手续费千分之五 7天后还10500', '借1万 手续费50 7天后还10500'],
    ['借1万 砍头3成 每月还1000 12期', '借1万 砍头3000 每月还1000 12期'],
    ['借1万 扣了两成 7天后还1万', '借1万 扣了2000 7天后还1万'],
    ['借一萬 手續費百分之三 七天後還一萬', '借1万 手续费300 7天后还1万'],
    ['借5000 擔保費5% 每週還700 還8週', '借5000 担保费250 每周还700 还8周'],
  ])('the share in other words: %s ≡ %s', (percent, money) => {
    const a = flows(percent);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(money));
  });

  it('每期服务费按本金0.5%收 with a rate is 0.5 % of the principal on every instalment', () => {
    expect(flows('借1万 每期服务费按本金0.5%收 等额本息 月利率1% 12期')).toEqual(flows('借1万 每期服务费50 等额本息 月利率1% 12期'));
  });

  it('a fee said to be inside the instalment (含服务费200, 其中服务费200) is not charged again', () => {
    for (const text of ['借2万 每月还2000 含服务费200 12期', '借2万 每月还2000，其中服务费200，12期']) {
      const out = flows(text);
      expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 20000, payments: months(12, 2000) });
    }
    // Without an instalment before it, a fee is taken at signing.
    const signing = flows('借2万 服务费200 每月还2000 12期');
    expect(signing.ok && signing.flows.received).toBe(19800);
  });

  it('a fee rate (手续费率) and a per-instalment fee percent with no other rate stay the flat monthly rate', () => {
    for (const text of ['借8000 每月手续费率0.6% 分10期', '借8000 每期手续费0.6% 分10期']) {
      const out = flows(text);
      expect(out.ok && out.flows.payments).toEqual(months(10, cents(8000 / 10 + 8000 * 0.006)));
      expect(out.ok && out.flows.received).toBe(8000);
    }
  });

  it.each(['借1万 服务费大概5% 每月还1000 12期', '借1万 服务费5%左右 每月还1000 12期', '借1万 服务费5%还是10%忘了 每月还1000 12期', '借1万 服务费几个点 每月还1000 12期'])(
    'a share that is not one number is asked about, never used: %s',
    (text) => {
      expect(flows(text)).toEqual({ ok: false, missing: 'received' });
    },
  );

  it('a fee share with no principal to take it of asks for the principal', () => {
    const out = flows('服务费5% 每月还1000 还12期');
    expect(out).toEqual({ ok: false, missing: 'principal' });
  });
});

describe('weekly rates and weekly interest', () => {
  it.each(seeds)('周息 r%, repaid once after n weeks: principal × (1 + r n) on day 7n (seed %i)', (seed) => {
    const g = rnd(seed);
    const principal = 1000 * (1 + Math.floor(g() * 30));
    const r = 1 + Math.floor(g() * 9);
    const n = 1 + Math.floor(g() * 8);
    const out = flows(`借${principal} 周息${r}% ${n}周后一次还清`);
    expect(out.ok && out.flows.payments).toEqual([{ day: 7 * n, amount: cents(principal * (1 + (r / 100) * n)) }]);
  });

  it.each(seeds)('一周利息 X, n weeks: interest every week with the principal at the end, or all at the end (seed %i)', (seed) => {
    const g = rnd(seed);
    const principal = 1000 * (1 + Math.floor(g() * 30));
    const interest = 50 * (1 + Math.floor(g() * 20));
    const n = 2 + Math.floor(g() * 8);
    const bullet = flows(`借${principal} 一周利息${interest} 借了${n}周 到期连本带息还`);
    expect(bullet.ok && bullet.flows.payments).toEqual([{ day: 7 * n, amount: principal + interest * n }]);
    const weekly = flows(`借${principal} 一周利息${interest} 先息后本 还${n}周`);
    const want = weeks(n, interest);
    want[n - 1]!.amount += principal;
    expect(weekly.ok && weekly.flows.payments).toEqual(want);
  });

  it.each([
    ['借5000 利息一周500 4周后连本带息还', '借5000 一周利息500 借了4周 到期连本带息还'],
    ['借1万 周供1500 8周', '借1万 每周还1500 还8周'],
    ['borrowed 3000, interest of 300 a week, repay everything after 4 weeks', '借3000 一周利息300 借了4周 到期连本带息还'],
    ['borrowed 10000, 5% interest per week, pay back after 4 weeks', '借10000 周息5% 4周后一次还清'],
  ])('%s ≡ %s', (said, plain) => {
    const a = flows(said);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(plain));
  });

  it('到期一起还 after interest each week is one payment at the end', () => {
    expect(flows('借1万 利息每周 500 借4周 到期一起还')).toEqual(flows('借1万 一周利息500 借了4周 到期连本带息还'));
  });

  it('利息一个月300 is the interest of each month, not a one-month term', () => {
    const out = flows('借5000 利息一个月300 4个月后连本带息还');
    expect(out.ok && out.flows.payments).toEqual([{ month: 4, amount: 5000 + 4 * 300 }]);
  });

  it('一周利息500 with no term asks for the term, not a month', () => {
    expect(flows('借1万 一周利息500')).toEqual({ ok: false, missing: 'term' });
    expect(parse('借1万 一周利息500', AT).periodDays).toBe(7);
  });

  it('周利率3%, interest every week and the principal in the last', () => {
    const out = flows('借1万 周利率3% 8周 每周还利息 最后一周还本金');
    const want = weeks(8, 300);
    want[7]!.amount = 10300;
    expect(out.ok && out.flows.payments).toEqual(want);
  });
});

describe('interest as money each week or month on the whole principal is a stated rate (no term needed)', () => {
  it.each(seeds)('一周利息 X / 一个月利息 X on P (seed %i)', (seed) => {
    const g = rnd(seed);
    const principal = 1000 * (1 + Math.floor(g() * 50));
    const interest = 10 * (1 + Math.floor(g() * 100));
    const week = statedRateOf(parse(`借${principal} 一周利息${interest}`, AT));
    expect(week?.per).toBe('week');
    expect(week?.annual).toBeCloseTo(((interest / principal) * 365) / 7, 9);
    const month = statedRateOf(parse(`借${principal} 一个月利息${interest}`, AT));
    expect(month?.per).toBe('month');
    expect(month?.annual).toBeCloseTo((interest / principal) * 12, 9);
  });

  it('周息5% keeps the week as said; the same loan with money deducted is computed from its flows instead', () => {
    const said = statedRateOf(parse('借1万 周息5%', AT));
    expect(said && { percent: said.percent, per: said.per }).toEqual({ percent: 5, per: 'week' });
    expect(said?.annual).toBeCloseTo((0.05 * 365) / 7, 9);
    expect(statedRateOf(parse('借1万 到手8000 一周利息500', AT))).toBeUndefined();
    expect(statedRateOf(parse('借1万 利息一共2000', AT))).toBeUndefined();
  });
});

describe('the period said after the rate, in Chinese and in English', () => {
  it.each([
    ['借10000 2%每月 6个月后到期一次还清', '借10000 月息2% 6个月后到期一次还清'],
    ['借5000 利息0.1%每天 30天后还', '借5000 日息0.1% 30天后还'],
    ['borrowed 10000 at 2% per month, pay back everything after 6 months', '借10000 月息2% 6个月后到期一次还清'],
    ['loan of 20000, interest rate 1% a month, equal instalments over 12 months', '借20000 月利率1% 等额本息 12期'],
    ['I borrowed 5000, interest 0.1% per day, repay after 30 days', '借5000 日息0.1% 30天后还'],
    ['borrowed 12000, annual interest rate 24%, 12 monthly payments, equal principal', '借12000 年利率24% 等额本金 12期'],
  ])('%s ≡ %s', (said, plain) => {
    const a = flows(said);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(plain));
  });

  it('the plain readings are the loans themselves', () => {
    const a = flows('借10000 月息2% 6个月后到期一次还清');
    expect(a.ok && a.flows.payments).toEqual([{ month: 6, amount: cents(10000 * (1 + 0.02 * 6)) }]);
    const b = flows('借5000 日息0.1% 30天后还');
    expect(b.ok && b.flows.payments).toEqual([{ day: 30, amount: cents(5000 * (1 + 0.001 * 30)) }]);
  });

  it('a rate word before the rate wins over a period after it (年化24% 每月还 is not a monthly rate)', () => {
    expect(parse('借1万 年化24%每月还款', AT).rate).toEqual({ percent: 24, per: 'year' });
  });
});

describe('English sentences: shapes, leftover words and fees', () => {
  it.each([
    ['borrowed 6000, paid 2k on day 10 and 4.5k on day 40', '借6000 第10天还2000 第40天还4500'],
    ['borrowed 8000 from a friend, he only gave me 7000 cash, I paid back 9000 after 3 months', '借8000 到手7000 3个月后还9000'],
    ['borrowed 5000, had to pay a 300 service fee upfront, then 500 a month for 12 months', '借5000 服务费300 每月还500 还12个月'],
    ['borrowed 6000, 6 months, 1100/month plus 30 management fee each month', '借6000 6个月 每月还1100 每月管理费30'],
  ])('%s ≡ %s', (said, plain) => {
    const a = flows(said);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(plain));
  });

  it.each([
    ['borrowed 20000 at 1.5% a month over 24 months, equal monthly payments, plus a 30 fee each month', '借20000 月利率1.5% 等额本息 24期 每期服务费30'],
    ['borrowed 5000 at 10% a week for 3 weeks, interest paid weekly', '借5000 周息10% 先息后本 3周'],
    ['borrowed 8000 at 24% APR, 12 equal monthly installments', '借8000 年化24% 等额本息 12期'],
    ['borrowed 5000, 0.5% daily interest, 30 days', '借5000 日息0.5% 30天'],
    ['借8000 利率24%年化 等额本息 12期', '借8000 年化24% 等额本息 12期'],
  ])('rates with their kind: %s ≡ %s', (said, plain) => {
    const a = flows(said);
    expect(a.ok).toBe(true);
    expect(a).toEqual(flows(plain));
  });

  it('a fee taken without its amount is asked; "took a loan" is borrowing, not a deduction', () => {
    expect(flows('borrowed 10000, they took a fee, I pay 1000 a month for a year')).toEqual({ ok: false, missing: 'received' });
    expect(flows('borrowed 10000, they took 1000, I pay 1000 a month for a year')).toEqual(flows('借10000 扣了1000 每月还1000 12期'));
    expect(flows('took a loan of 20k from a bank, monthly payment 1850 for 12 months')).toEqual(flows('借2万 每月还1850 12期'));
  });

  it('the plain readings are the loans themselves', () => {
    const a = flows('借6000 6个月 每月还1100 每月管理费30');
    expect(a.ok && a.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: months(6, 1130) });
    const b = flows('借5000 服务费300 每月还500 还12个月');
    expect(b.ok && b.flows).toEqual({ contractPrincipal: 5000, received: 4700, payments: months(12, 500) });
  });

  it('a fee word after a repayment that has its own number does not make the repayment a fee', () => {
    const a = flows('借1万 30天后还12000 服务费500先扣');
    expect(a.ok && a.flows).toEqual({ contractPrincipal: 10000, received: 9500, payments: [{ day: 30, amount: 12000 }] });
  });

  it('a purchase in instalments (分期买手机6000) is the principal; a phone number is still no amount', () => {
    expect(flows('花呗分期买手机6000 分12期每期560')).toEqual(flows('借6000 分12期每期560'));
    expect(parse('手机号13800138000 借1万 每月还1000 12期', AT).principal).toBe(10000);
  });
});

describe('利息N分 with no period is asked, as 利息2 is', () => {
  it.each(['借1万 利息2分 借6个月 到期一起还', '借5万 利息1分5 分12期', '私人借的1万 利息2分 一年后还本付息'])('%s', (text) => {
    expect(flows(text)).toEqual({ ok: false, missing: 'rate_unit' });
  });

  it.each(seeds)('分 is ten 厘 whatever the period: 月息N分 = N %, 年息N分 = 10N %, 日息N分 = N/10 % (seed %i)', (seed) => {
    const g = rnd(seed);
    const principal = 1000 * (1 + Math.floor(g() * 50));
    const n = 1 + Math.floor(g() * 4);
    const year = flows(`借${principal} 年息${n}分 一年后还本付息`);
    expect(year.ok && year.flows.payments).toEqual([{ month: 12, amount: cents(principal * (1 + n / 10)) }]);
    const day = flows(`借${principal} 日息${n}分 30天`);
    expect(day.ok && day.flows.payments).toEqual([{ day: 30, amount: cents(principal * (1 + (n / 1000) * 30)) }]);
    const month = flows(`借${principal} 月息${n}分 3个月 到期还本付息`);
    expect(month.ok && month.flows.payments).toEqual([{ month: 3, amount: cents(principal * (1 + (n / 100) * 3)) }]);
  });

  it('月息2分 and 2分利 name the month', () => {
    for (const text of ['借1万 月息2分 6个月后本息一起还', '借1万 2分利 6个月后本息一起还']) {
      const out = flows(text);
      expect(out.ok && out.flows.payments).toEqual([{ month: 6, amount: cents(10000 * (1 + 0.02 * 6)) }]);
    }
  });
});
