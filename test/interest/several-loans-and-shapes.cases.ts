/**
 * Shapes of descriptions-5 and dev-phrasings-15: a fee handed back after the money arrived (转回去1500说是保证金),
 * English "only 7,000 arrived", interest deducted in advance then paid monthly, a loan named among several ("问的是
 * app这笔", "B的年化") or another debt set aside ("还有一笔车贷…不用管"), a day term right after a 万 amount
 * (借1万30天), spaces around numbers ("分 24 期"), a payment worked out in the message ("(10000+1000)/12=916.67"),
 * interest each week with the principal in a named week, and 万五 as an amount (15,000) beside 日息万五 (a rate).
 * Expectations are the loans' own numbers, written out here; several loans with none named must still be asked,
 * and the question names the loans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { createReplies } from '../../src/replies';
import { createInterestKit } from '../../src/interest/interest-kit';
import { INTEREST_REPLY_KEYS } from '../../src/interest/interest-reply';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';

const parse = createLoanTextParser(loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));
const level = (principal: number, received: number, n: number, pay: number) => ({ contractPrincipal: principal, received, payments: months(n, pay) });

describe('a fee handed back after the money arrived is money not received', () => {
  it.each([
    ['借了10000元，到账后他们马上让我转回去1500说是保证金，不退的，每月还1000，还12期', 10000, 1500],
    ['借款12000元，到账之后客服要求返还600元作为风险金，分12期，每期还1000', 12000, 600],
    ['贷了3万，放款后业务员让我退回2000服务费，每个月还1000，12期', 30000, 2000],
    ['借了1万，到账后对方让我转500过去当手续费，每月还1000，12期', 10000, 500],
    ['借了1万，到账1万，放款前先交了800的评估费，每月还1000，还12期', 10000, 800],
    ['借了10000，当天让我把1000转到他指定的账户说是押金，每月还1000还12期', 10000, 1000],
  ])('%s', (text, principal, back) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual(level(principal, principal - back, 12, 1000));
  });

  it.each([['借了1万，到账以后又让我转回去一部分说是保证金，每月还1000还12期'], ['借了1万，到手后又让我转了一部分回去当保证金，每月还1000还12期']])(
    'handed back without saying how much: what arrived is asked (%s)',
    (text) => {
      expect(flows(text)).toEqual({ ok: false, missing: 'received' });
    },
  );
});

describe('本金和利息一起还 said of every instalment', () => {
  it('is not one payment at the end: 月息2分 over 12 instalments is the flat schedule', () => {
    const out = flows('借了1万，月息2分，分12期还，每期本金和利息一起还，到手1万');
    // 10000/12 of principal and 2 % of 10000 in interest each month.
    expect(out.ok && out.flows).toEqual(level(10000, 10000, 12, Math.round((10000 / 12 + 200) * 100) / 100));
  });

  it('said of the end, it is one payment', () => {
    const out = flows('借了1万，月息2分，借12个月，到期本金和利息一起还，到手1万');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 10000, payments: [{ month: 12, amount: 12400 }] });
  });
});

describe('what the instalment is named after the amount', () => {
  it('每个月还600利息 pays interest each month; the principal comes at the end', () => {
    const out = flows('借了6000，每个月还600利息，半年后把6000还了，到手5400');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5400, payments: [...months(5, 600), { month: 6, amount: 6600 }] });
  });

  it('一共还了14000，分了12个月: twelve equal instalments, not one payment', () => {
    const out = flows('借了1万，一共还了14000，分了12个月，到账一万');
    expect(out.ok && out.flows.payments).toHaveLength(12);
    expect(out.ok && out.flows.payments.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(14000, 1);
  });
});

describe('a charge after a default is no term of the loan', () => {
  it.each([['借1200，到手1000，7天还1200，逾期每天收50'], ['借1200，到手1000，7天还1200，逾期一天罚100']])('%s', (text) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 1200, received: 1000, payments: [{ day: 7, amount: 1200 }] });
  });
});

describe('the parts of an instalment given whole', () => {
  it('其中本金…利息… adding up to the instalment say nothing new (and 本金 is no second loan)', () => {
    const out = flows('借款金额5000元，期限6个月，每月还款1000元，其中本金833.33元，利息166.67元，到账5000元');
    expect(out.ok && out.flows).toEqual(level(5000, 5000, 6, 1000));
  });

  it('parts that do not add up are not dropped: the disagreement is asked', () => {
    expect(flows('借款金额5000元，期限6个月，每月还款1000元，其中本金833.33元，利息300元，到账5000元').ok).toBe(false);
  });
});

describe('a fee paid with the first instalment', () => {
  it.each([
    ['借了一万，分12期，每期1000，到手一万，另外第一期还要多交500手续费', 10000, 1000, 12, 500],
    ['借了2万 每月还2200 10期 到账2万 第一个月要多还1000服务费', 20000, 2200, 10, 1000],
  ])('%s', (text, principal, pay, n, fee) => {
    const out = flows(text);
    const payments = months(n, pay);
    payments[0]!.amount = pay + fee;
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal, payments });
  });
});

describe('a fee named without its amount', () => {
  it.each([['借款1万，服务费另算，每月还1000，12期'], ['借1万，还要交服务费，每月还1000，12期']])('what arrived is asked: %s', (text) => {
    expect(flows(text)).toEqual({ ok: false, missing: 'received' });
  });

  it('一点 of a fee is no amount: asked, not left out', () => {
    expect(flows('借了一万，每期还1000，第一期要多交一点手续费，12期，全额到账').ok).toBe(false);
  });

  it.each([
    ['借了1万，平台说没有任何手续费，每月还1000，12期'],
    ['借1万 服务费全免 每月还1000 12期'],
    ['借1万 每期还款里有服务费 每期1000 12期'],
  ])('refused, or inside the instalment: computed on the whole amount (%s)', (text) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual(level(10000, 10000, 12, 1000));
  });
});

describe('English: only part arrived', () => {
  it.each([
    ['I borrowed 8,000 yuan, only 7,000 arrived, need to repay 8,000 after 14 days', 8000, 7000],
    ['loan of 3000, only 2,600 actually arrived, pay back 3000 after 14 days', 3000, 2600],
    ['I borrowed 9k and only 8k showed up in my account, pay back 9k after 14 days', 9000, 8000],
  ])('%s', (text, principal, received) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received, payments: [{ day: 14, amount: principal }] });
  });

  it.each([
    ['Borrowed 8000, they kept 800 as a fee, I repay 750 monthly for 12 months', { contractPrincipal: 8000, received: 7200, payments: months(12, 750) }],
    ['I got a loan for 5,000 but only received 4,000 after deductions, repay 5,000 in one week', { contractPrincipal: 5000, received: 4000, payments: [{ day: 7, amount: 5000 }] }],
    ['I borrowed 6000 from a friend, no fees, I pay back 6600 after 3 months', { contractPrincipal: 6000, received: 6000, payments: [{ month: 3, amount: 6600 }] }],
    ['loan 10000 at 2% per month interest only for 6 months, full amount received', { contractPrincipal: 10000, received: 10000, payments: [...months(5, 200), { month: 6, amount: 10200 }] }],
  ])('kept, in one week, no fees, full amount received: %s', (text, want) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual(want);
  });

  it('"only part of it arrived" is asked', () => {
    expect(flows('borrowed 6000 but only part of it arrived, pay 600 a month for 12 months')).toEqual({ ok: false, missing: 'received' });
  });
});

describe('interest deducted in advance, then paid each month, the principal in the last named month', () => {
  it.each([
    ['借了5000，先扣了一个月利息500，到手4500。之后第1到第5个月每月月底付500利息，第6个月月底还本金5000加最后一期利息500', 5000, 500, 6],
    ['借6000 先扣一期利息300 到手5700 之后每个月付利息300 第3个月连本带息还6300', 6000, 300, 3],
    ['借2万，第一个月利息800放款时直接扣了，到手19200，然后第1个月到第11个月每月付利息800，第12个月还本金2万加利息800', 20000, 800, 12],
  ])('%s', (text, principal, interest, n) => {
    const out = flows(text);
    const payments = months(n, interest);
    payments[n - 1]!.amount = principal + interest;
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal - interest, payments });
  });

  it('两个月利息600 deducted is two months of interest, not the term', () => {
    const out = flows('借了1万，先扣了两个月利息600，到手9400，之后每月付利息300，第6个月还本金');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 9400, payments: [...months(5, 300), { month: 6, amount: 10300 }] });
  });

  it("一个月的500 is one month's interest, not a term of one month", () => {
    const out = flows('借5000，利息提前扣了一个月的500，到手4500，每月付息500，第4个月还本金');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4500, payments: [...months(3, 500), { month: 4, amount: 5500 }] });
  });

  it('deducted without its amount: what arrived is asked', () => {
    expect(flows('借1万，先扣了利息，每月付息500，第6个月还本金')).toEqual({ ok: false, missing: 'received' });
  });
});

describe('several loans', () => {
  it.each([
    ['我有三笔贷款：A借了5000每月还500还12期，B借了1万每月还1000还12期到手9000，C信用卡欠了3万。请问B的年化是多少'],
    ['我朋友借了我们家2万，我自己在app上借了1万到账9000，12期每期还1000。问的是app这笔'],
    ['有两个贷款：一个是银行的，借5万每月还2300还24期；一个是小贷的，借1万到手9000，每月还1000，还12期。我问的是小贷这个'],
    ['我借了两笔，一笔是找朋友借的5000不用管，另一笔是网贷借了1万到手9000，每月还1000，12期，帮我算网贷那笔'],
    ['我在两个平台借了钱，A平台借了1万到手9000，每月还1000还12期，B平台借了5000每月还500还12期，先帮我算A平台'],
  ])('the one named is computed: %s', (text) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual(level(10000, 9000, 12, 1000));
  });

  it.each([
    ['借了1万，到手9000，每月还1000，还12期。还有一笔车贷每月还3000不用管'],
    ['借了1万，到手9000，每月还1000，还12期，另外我房贷每月还3200不用算'],
    ['车贷每月还2500那个不用管，借了1万，到手9000，每月还1000还12期'],
    ['还有一笔车贷每月还3000，这个不用管，借了1万到手9000每月还1000还12期'],
    ['有两个贷款，网贷借了1万到手9000每月还1000还12期，信用卡分期5000每月还460还12期，信用卡那个不用算'],
    ['信用卡分期5000每月还460还12期，网贷借了1万到手9000每月还1000还12期，信用卡那个不用算'],
    ['借了1万到手9000每月还1000还12期，我老婆也借了5000，她那笔不用管'],
    // Said of the loan's own clause: nothing else is left, so nothing is set aside.
    ['借了1万到手9000每月还1000还12期不用管别的'],
  ])('another debt set aside is not read: %s', (text) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual(level(10000, 9000, 12, 1000));
  });

  it.each([
    ['我借了两笔，一笔1万每月还1000还12期，一笔5000每月还500还12期，利息多少'],
    ['两个app，一个借了5000一个借了8000，每月都还500，算一下app那笔'],
    ['借了5万每月还2300还24期到账5万，还有一笔车贷每月还3000'],
    ['A借5000每月还500还12期，B借1万每月还1000还12期，C的年化多少'],
    ['借了两笔，一笔借1万每月利息300第6个月还本金，另一笔借5000每月还500还12期，帮我算算利息'],
    ['借了1万到手9000每月还1000还12期，我老婆也借了5000'],
  ])('none named (or a name that fits none or both): which one is asked: %s', (text) => {
    expect(flows(text)).toEqual({ ok: false, missing: 'principal' });
  });

  it('the question names the loans by the amounts lent', () => {
    const knowledge = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
    const replies = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'interest.yaml'), 'utf8')), 'interest.yaml', [...INTEREST_REPLY_KEYS]);
    const kit = createInterestKit({ knowledge, replies, knowledgeDir: join(PACKAGE_ROOT, 'knowledge') });
    const r = kit.reply(kit.parseLoanText('我借了两笔，一笔1万每月还1000还12期，一笔5000每月还500还12期，利息多少', AT), AT);
    expect(r.missing).toBe('principal');
    const asked = r.reply.blocks[0]!.text;
    expect(asked).not.toBe(replies.text('interest_ask_principal'));
    expect(asked).toContain('10,000');
    expect(asked).toContain('5000');
    // Counted without amounts: still which loan, not "how much did you borrow".
    const counted = kit.reply(kit.parseLoanText('在两个平台借了钱，每个月要还2000', AT), AT);
    expect(counted.missing).toBe('principal');
    expect(counted.reply.blocks[0]!.text).toBe(replies.text('interest_ask_which_loan'));
  });
});

describe('numbers and units', () => {
  it.each([
    ['日息0.1%，借1万30天，到期一次还本息，到账1万', 10000, 30, 0.1],
    ['借2万15天，日利率0.05%，到期一次还清，到账2万', 20000, 15, 0.05],
    ['借2万 日息万五 借30天 到期一次还 到账2万', 20000, 30, 0.05],
  ])('a day term after a 万 amount, and 日息万五 as a rate: %s', (text, principal, days, pctPerDay) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal, payments: [{ day: days, amount: Math.round(principal * (1 + (pctPerDay / 100) * days) * 100) / 100 }] });
  });

  it('万五 / 万八 as an amount lent; 万一 is a word', () => {
    const wanwu = flows('借了万五，到手一万三，每月还一千五，还12期');
    expect(wanwu.ok && wanwu.flows).toEqual(level(15000, 13000, 12, 1500));
    expect(parse('借了万八 分12期 每期还1800 全额到账', AT).principal).toBe(18000);
    const out = flows('借了1万，万一还不上怎么办，到手9000，每月还1000，还12期');
    expect(out.ok && out.flows).toEqual(level(10000, 9000, 12, 1000));
  });

  it('spaces around numbers and units do not cut the number from its unit', () => {
    const out = flows('借了一笔 20000 的贷款 ，到账 17000 ，分 24 期每期还 1100');
    expect(out.ok && out.flows).toEqual(level(20000, 17000, 24, 1100));
    const bullet = flows('借款 5000 元 ， 7 天 后 还 6000');
    expect(bullet.ok && bullet.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: [{ day: 7, amount: 6000 }] });
    // A cue word split by a space is still the cue: 每月 还 1000 is an instalment, not a total of 1000.
    const split = flows('借 1 万 到手 8000 每月 还 1000 还 12 期');
    expect(split.ok && split.flows).toEqual(level(10000, 8000, 12, 1000));
    // A form's labels after a number keep their break: 期数 is a label, not the unit of 6400.
    const form = flows('借款人：我 借款：8000 到账：6400 期数：4期 每期：2400');
    expect(form.ok && form.flows).toEqual(level(8000, 6400, 4, 2400));
  });

  it('a payment worked out in the message is its result', () => {
    const a = flows('借了一万，说是年利率10%，12个月，每月还（10000+1000）/12=916.67，到手一万');
    expect(a.ok && a.flows).toEqual(level(10000, 10000, 12, 916.67));
    const b = flows('借2万 每期还 20000/12+200=1866.67 共12期 到手2万');
    expect(b.ok && b.flows).toEqual(level(20000, 20000, 12, 1866.67));
  });

  it('interest each week, the principal with the interest of a named week', () => {
    const out = flows('借1万，一周利息500，每周付利息，第3周还本金，到账一万');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 10000, payments: [{ day: 7, amount: 500 }, { day: 14, amount: 500 }, { day: 21, amount: 10500 }] });
  });

  it('the whole amount arrived (钱全到账了) is what arrived, not a question', () => {
    const out = flows('借了1万，钱全到账了，每个月还利息300，第6个月连本金1万一起还清');
    const payments = months(6, 300);
    payments[5]!.amount = 10300;
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 10000, payments });
  });
});
