/**
 * The loan parser on descriptions written for these tests (not the blind set in eval/interest): the cash flows
 * it yields, to the cent and the day, and the one number it asks for when one is missing.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser, normalizeLoanText } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { createNumberGrammar } from '../../src/interest/numbers-text';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const parse = createLoanTextParser(cues);
const AT = new Date('2026-05-01T12:00:00+08:00');

const months = (n: number, amount: number, last = amount) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount: i === n - 1 ? last : amount }));

const COMPLETE: Array<[string, number, number, Array<{ month?: number; day?: number; amount: number }>]> = [
  ['借1万到手7000每月还1050还12期 合法吗', 10000, 7000, months(12, 1050)],
  ['一万块钱，实际到账7千，分12期每期1050', 10000, 7000, months(12, 1050)],
  ['借款10,000元，放款7,000元，12个月，月供1,050元', 10000, 7000, months(12, 1050)],
  ['借了1w，只给了我七千，每个月还一千零五十，还一年', 10000, 7000, months(12, 1050)],
  ['贷了10k 砍头3000 12期 每期1050', 10000, 7000, months(12, 1050)],
  ['借5000，服务费扣了800，会员费扣了200，每月还500，还12个月', 5000, 4000, months(12, 500)],
  ['借3000 7天后还4000', 3000, 3000, [{ day: 7, amount: 4000 }]],
  ['借了两千 到手一千四 十四天后还两千', 2000, 1400, [{ day: 14, amount: 2000 }]],
  ['30天期限，借款6000，到期还7200', 6000, 6000, [{ day: 30, amount: 7200 }]],
  ['借1000块，一周后要还1400', 1000, 1000, [{ day: 7, amount: 1400 }]],
  ['借2万，月息2%，先息后本，6个月', 20000, 20000, months(6, 400, 20400)],
  ['借十万 年化18% 等额本息 12期', 100000, 100000, []],
  ['借6000，等额本金，月利率1%，6期', 6000, 6000, [1060, 1050, 1040, 1030, 1020, 1010].map((amount, i) => ({ month: i + 1, amount }))],
  ['借一万二，月息1分5，12期，等本等息', 12000, 12000, months(12, 1180)],
  ['借5000 日息0.1% 30天到期一次还清', 5000, 5000, [{ day: 30, amount: 5150 }]],
  ['借了4000，第10天还1000，第20天还1500，第30天还2000', 4000, 4000, [{ day: 10, amount: 1000 }, { day: 20, amount: 1500 }, { day: 30, amount: 2000 }]],
  ['借8000，每周还1200，还8周', 8000, 8000, Array.from({ length: 8 }, (_, i) => ({ day: 7 * (i + 1), amount: 1200 }))],
  ['借1万，到账1万，但当天交了500会员费，每期还1000，12期', 10000, 9500, months(12, 1000)],
  ['借12000 每月还1100 共12期 每期另收服务费30', 12000, 12000, months(12, 1130)],
  ['借款2万，一共要还24000，分12期', 20000, 20000, months(12, 2000)],
  ['借3000，到手2500，7天期，展期一次交了500，第14天还了3000', 3000, 2500, [{ day: 7, amount: 500 }, { day: 14, amount: 3000 }]],
  // Rollover words with the fee as a percent and the count said (cues.yaml rollover).
  ['借2000，全额到账，7天一期，续期了两次，续期费是借款金额的20%，第21天还了2000', 2000, 2000, [{ day: 7, amount: 400 }, { day: 14, amount: 400 }, { day: 21, amount: 2000 }]],
  ['借1万 到手9000 第一期还2000 后面10期每期还1000', 10000, 9000, [{ month: 1, amount: 2000 }, ...Array.from({ length: 10 }, (_, i) => ({ month: i + 2, amount: 1000 }))]],
];

describe('parseLoanText → cashFlowsOf on complete descriptions', () => {
  it.each(COMPLETE)('%s', (text, principal, received, payments) => {
    const out = cashFlowsOf(parse(text, AT));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.flows.contractPrincipal).toBeCloseTo(principal, 2);
    expect(out.flows.received).toBeCloseTo(received, 2);
    if (payments.length) expect(out.flows.payments).toEqual(payments);
  });

  it('等额本息 at 年化18 % over 12 months: 12 equal payments worth the principal at 1.5 % a month', () => {
    const out = cashFlowsOf(parse('借十万 年化18% 等额本息 12期', AT));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const pv = out.flows.payments.reduce((s, p) => s + p.amount / Math.pow(1.015, p.month!), 0);
    expect(pv).toBeCloseTo(100000, 0);
    expect(new Set(out.flows.payments.slice(0, 11).map((p) => p.amount)).size).toBe(1);
  });
});

describe('a missing number is asked for, never guessed', () => {
  it.each([
    ['借了1万，每个月还1000', 'term'],
    ['借1万，扣了一笔服务费，每月还900，12期', 'received'],
    ['借5万，分24期', 'payment'],
    ['每个月还1050，还12期', 'principal'],
    ['借1万 利息2分 半年后连本带息一起还', 'rate_unit'],
    ['借3000，展期了两次，每次交了点钱，最后第21天还了3000', 'payment'],
    ['借2000到手1500，到期还2000', 'term'],
  ])('%s → %s', (text, missing) => {
    const out = cashFlowsOf(parse(text, AT));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.missing).toBe(missing);
  });
});

describe('facts', () => {
  it('reads the lender type and the contract date in China time', () => {
    const f = parse('2023年3月15日在一家小贷公司借了1万', AT);
    expect(f.lender?.type).toBe('licensed');
    expect(f.contractDate).toBe('2023-03-15');
    expect(parse('去年5月找私人借了2万', AT)).toMatchObject({ lender: { type: 'unlicensed' }, contractDate: '2025-05-01' });
  });

  it('keeps the state shape: principal, received, payment, term', () => {
    expect(parse('借1万到手7000每月还1050还12期', AT)).toMatchObject({ principal: 10000, received: 7000, payment: 1050, term: { count: 12, unit: 'period' } });
  });

  it('turns white space between phrases into a clause break, but not after a cue word', () => {
    expect(normalizeLoanText('借1500到手1000 7天还1500', [])).toBe('借1500到手1000,7天还1500');
    expect(normalizeLoanText('到手 7000', ['到手'])).toBe('到手7000');
    expect(normalizeLoanText('借１万，到手７０００', [])).toBe('借1万,到手7000');
    expect(normalizeLoanText('扣了服务费 每个月还1000', ['服务费'])).toBe('扣了服务费,每个月还1000');
    // A number in Chinese numerals starts an amount too (the numerals of cues.yaml).
    const numberStart = new RegExp(`^${createNumberGrammar(cues.numerals).patterns.start}`);
    expect(normalizeLoanText('扣了服务费 八百', ['服务费'], undefined, numberStart)).toBe('扣了服务费八百');
    expect(normalizeLoanText('扣了服务费 每个月', ['服务费'], undefined, numberStart)).toBe('扣了服务费,每个月');
  });
});

describe('clause boundaries: a fee word does not claim the next phrase\'s number', () => {
  // Described: 10,000 lent, 8,000 received (the 2,000 gap is the fee), then 12 monthly repayments of 1,000.
  it.each([
    '借了一万 到手只有八千 说是扣了服务费 每个月还1000 还12个月 这利息算多少啊',
    '借了一万到手只有八千说是扣了服务费每个月还1000还12个月',
    '借了一万，到手八千，扣了服务费，每月还一千，还12期',
  ])('%s', (text) => {
    const facts = parse(text, AT);
    expect(facts.feePerPayment).toBeUndefined();
    const out = cashFlowsOf(facts);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.flows.contractPrincipal).toBe(10000);
    expect(out.flows.received).toBe(8000);
    expect(out.flows.payments).toEqual(months(12, 1000));
  });

  it('a fee charged with every instalment is still a fee', () => {
    const out = cashFlowsOf(parse('借12000 每月还1100 共12期 每期服务费30', AT));
    expect(out.ok && out.flows.payments).toEqual(months(12, 1130));
  });
});

describe('amounts and lenders as borrowers write them', () => {
  it('an amount with its magnitude is money even when a day word follows (借1万日息万五)', () => {
    expect(parse('借1万日息0.05%，到手9000', AT)).toMatchObject({ principal: 10000, received: 9000, rate: { percent: 0.05, per: 'day' } });
  });

  it('a 网络小额贷款有限公司 named on the contract is a licensed lender; 去年11月 is the contract month', () => {
    const at = new Date('2026-05-05T12:30:00+08:00');
    const f = parse('是一个APP上借的 叫金满仓 合同上写的是瑞丰网络小额贷款有限公司 去年11月借的', at);
    expect(f.lender?.type).toBe('licensed');
    expect(f.contractDate).toBe('2025-11-01');
    // Nothing else in it is a loan number.
    expect(f.principal).toBeUndefined();
    expect(f.term).toBeUndefined();
  });
});

const weeks = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ day: 7 * (i + 1), amount }));

describe('general rules found on the development set descriptions-2 (examples written here, not taken from it)', () => {
  it.each<[string, string, number, number, Array<{ month?: number; day?: number; amount: number }>]>([
    ['没扣 / 一分没扣 / 全打给我: received in full', '找朋友借了5000 三个月后还5600 一分没扣', 5000, 5000, [{ month: 3, amount: 5600 }]],
    ['没扣钱 with a day loan', '借800 10天 到期还900 没扣钱', 800, 800, [{ day: 10, amount: 900 }]],
    ['分N个月: N monthly instalments of the total', '借3000，分3个月还，一共还3600', 3000, 3000, months(3, 1200)],
    ['分N周: N weekly instalments of the total', '借1200 分4周还 一共还1400', 1200, 1200, weeks(4, 350)],
    ['the 分 of a rate (月息2分6个月) is not 分N个月', '借1万 月息2分6个月后连本带息还', 10000, 10000, [{ month: 6, amount: 11200 }]],
    ['a total over N months without 分 stays one payment at the end', '借3000，3个月后一共还3600', 3000, 3000, [{ month: 3, amount: 3600 }]],
    ['form labels: 期数 and cue:number', '贷款金额：50000 还款期数：12 月供：4500 实际到账：48000', 50000, 48000, months(12, 4500)],
    ['月息N厘 is N/10 % a month', '借2万 月息5厘 10期 利息都按2万算', 20000, 20000, months(10, 2100)],
    ['利息每月N分 names the month', '借5000 利息每月3分 3个月后连本带息一起还', 5000, 5000, [{ month: 3, amount: 5450 }]],
    ['最后一期 is not a one-period term', '先息后本 借2万 月息1% 5个月 最后一期还本金', 20000, 20000, months(5, 200, 20200)],
    ['本金平均 + 利息按剩余本金 is 等额本金', '借6000 本金每月平均还 6期 利息按剩下的本金算 月息1%', 6000, 6000, [1060, 1050, 1040, 1030, 1020, 1010].map((amount, i) => ({ month: i + 1, amount }))],
    ['本金平均 + 利息按借款总额 stays flat', '借6000 本金每月平均还 6期 利息按6000算 月息1%', 6000, 6000, months(6, 1060)],
    ['a rollover offered but not taken is no rollover', '借2000到手1500 7天后还2000 说可以续期 我没续', 2000, 1500, [{ day: 7, amount: 2000 }]],
    ['714 is a lender, not an amount', '在714平台借1000 到手700 7天后还1000', 1000, 700, [{ day: 7, amount: 1000 }]],
    ['714元 is an amount', '借714元 7天后还800', 714, 714, [{ day: 7, amount: 800 }]],
  ])('%s: %s', (_rule, text, principal, received, payments) => {
    const out = cashFlowsOf(parse(text, AT));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.flows.contractPrincipal).toBeCloseTo(principal, 2);
    expect(out.flows.received).toBeCloseTo(received, 2);
    expect(out.flows.payments).toEqual(payments);
  });

  it.each([
    ['a rough payment (900多) is asked for', '借1万 分12期 每期还900多 到手9000', 'payment'],
    ['a rough principal (2万多) is asked for', '借了2万多 到手18000 每月还2000 12期', 'principal'],
    ['借了一笔钱 without its amount: the principal is asked, not taken from 到手', '借了一笔钱 到手5000 每月还600 还10期', 'principal'],
    ['日息还是月息: the period is asked', '借5000 日息还是月息1来着 10天 到手5000', 'rate_unit'],
  ])('%s: %s', (_rule, text, missing) => {
    const out = cashFlowsOf(parse(text, AT));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.missing).toBe(missing);
  });

  it('reads 厘 by the period it is quoted for', () => {
    expect(parse('借1万 年息8厘', AT).rate).toEqual({ percent: 8, per: 'year' });
    expect(parse('借1万 日息5厘', AT).rate).toEqual({ percent: 0.05, per: 'day' });
  });

  it('joins a colon between a cue word and its number, and keeps other colons as breaks', () => {
    expect(normalizeLoanText('月供：2000', ['月供'])).toBe('月供2000');
    expect(normalizeLoanText('备注：2000', ['月供'])).toBe('备注:2000');
  });
});

describe('reference numbers', () => {
  it('does not read a contract or order number as an amount, and keeps a currency prefix', () => {
    const withId = parse('XX网络小贷 借款编号XD20250612-0043 合同写借1万 到手8500 这算砍头息吗', AT);
    expect(withId.principal).toBe(10000);
    expect(withId.received).toBe(8500);
    expect(parse('借款合同号CF2024081900321 借了3000 7天后还4000', AT).principal).toBe(3000);
    expect(parse('rmb5000借了3个月 还5600', AT).principal).toBe(5000);
  });
});
