/**
 * Questions about a rate on its own ("日息万五合法吗", "月息3分高不高", "一千块一天五块") and about the most interest
 * an amount may carry ("借1万 最多该付多少利息"). Expected figures are worked out here from the rate as said and
 * the law (legal-facts.md §5.1, §5.3: 4 × LPR on the contract date; 3.85 % from 2020-04-20, so 15.4 % is the
 * highest private cap since 2020-08-20; 3.00 % from 2025-05-20, so 12 %; licensed lenders' reported 24 % line),
 * not copied from the code.
 */
import { rateOnlyOf } from '../../src/interest/stated-rate';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { principalAlone } from '../../src/interest/lawful-amount';
import { interestKit as kit, shownText } from '../support/interest-kit';

const AT = new Date('2026-04-02T10:00:00+08:00');
const answer = (text: string) => {
  const r = kit.answerText(text, AT);
  return r ? shownText(r.reply) : undefined;
};

describe('a rate asked about on its own', () => {
  it.each([
    ['日息万五合法吗', 'day', 0.05, '18.25%'],
    ['月息3分高不高', 'month', 3, '36%'],
    ['年化24%合法吗', 'year', 24, '24%'],
    ['日利率0.05%算高利贷吗', 'day', 0.05, '18.25%'],
    ['网贷日息千一正常吗', 'day', 0.1, '36.5%'],
    ['一千块一天五块利息高吗', 'day', 0.5, '182.5%'],
    ['一万块一个月利息300，这个合法吗', 'month', 3, '36%'],
  ])('%s: %s rate %f %%, %s a year', (text, per, percent, annual) => {
    const facts = kit.parseLoanText(text, AT);
    expect(facts.rate).toEqual({ percent, per });
    expect(rateOnlyOf(facts)).toBeDefined();
    const shown = answer(text);
    expect(shown).toBeDefined();
    expect(shown!.split('。')[0]).toMatch(new RegExp(`年化(就)?是 ${annual.replace('.', '\\.')}`));
  });

  it('compares with the caps for both lender types and asks which it is, without asking for an amount', () => {
    const shown = answer('日息万五合法吗')!;
    expect(shown).toContain('15.4%');
    expect(shown).toMatch(/18\.25% 超过了/);
    expect(shown).toMatch(/24%[^。]*18\.25% 没有超过/);
    expect(shown).not.toContain('借了多少');
  });

  it('a private lender named: the verdict is in the first sentence', () => {
    const shown = answer('朋友说月息2分，合法吗')!;
    expect(shown.split('。')[0]).toMatch(/年化是 24%.*超过/);
  });

  it('is not a rate alone once any amount is given, nor when the rate has no unit', () => {
    expect(rateOnlyOf(kit.parseLoanText('借1万 日息万五 30天', AT))).toBeUndefined();
    expect(rateOnlyOf(kit.parseLoanText('利息0.5高吗', AT))).toBeUndefined();
  });

  it('a base amount the borrower says was lent is the principal (借1万一天利息5块), and 一天 is not the term', () => {
    const facts = kit.parseLoanText('借1万一天利息5块 借了30天', AT);
    expect(facts.principal).toBe(10000);
    expect(facts.rate).toEqual({ percent: 0.05, per: 'day' });
    expect(facts.term).toEqual({ count: 30, unit: 'day' });
  });

  it.each([
    ['借2000，利息一天20块，借了10天', 2000, 10, 2200],
    ['借5000，每天利息10块，借20天', 5000, 20, 5200],
  ])('%s: a day\'s interest as money on the principal, simple interest for the days', (text, principal, days, repaid) => {
    const out = cashFlowsOf(kit.parseLoanText(text, AT));
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal, payments: [{ day: days, amount: repaid }] });
  });

  it('a day\'s interest as money with no amount lent asks for the amount', () => {
    expect(cashFlowsOf(kit.parseLoanText('一天利息20块合法吗', AT))).toEqual({ ok: false, missing: 'principal' });
  });

  it('a daily payment is not read as a rate (借3000，每天还100，还40天)', () => {
    expect(kit.parseLoanText('借3000，每天还100，还40天', AT).rate).toBeUndefined();
  });
});

describe('rates in words (cues.yaml rates)', () => {
  it.each([
    ['月息2个点', 2, 'month'],
    ['月息1分5', 1.5, 'month'],
    ['三分息', 3, 'month'],
    ['年息8厘', 8, 'year'],
    ['月息8厘', 0.8, 'month'],
    ['日息5厘', 0.05, 'day'],
    ['日息千分之一', 0.1, 'day'],
    ['日利率万分之五', 0.05, 'day'],
    ['日息千一', 0.1, 'day'],
    ['年化利率百分之二十四', 24, 'year'],
    ['年化24', 24, 'year'],
    ['月息2', 2, 'month'],
  ])('%s = %f %% per %s', (text, percent, per) => {
    expect(kit.parseLoanText(`借1万 ${text}`, AT).rate).toEqual({ percent, per });
  });

  it('a rate without its period is asked about, not guessed (利息2分, 利息1.5)', () => {
    expect(kit.parseLoanText('借1万 利息2分', AT).rate?.per).toBe('unknown');
    expect(kit.parseLoanText('借1万 利息1.5', AT).rate?.per).toBe('unknown');
  });
});

describe('the most interest an amount may carry', () => {
  it('借1万 最多该付多少利息: 1,540 a year for a private lender (15.4 %, date unknown), 2,400 at the licensed 24 % line', () => {
    const shown = answer('借1万 最多该付多少利息')!;
    expect(shown).toContain('1540 元');
    expect(shown).toContain('2400 元');
    expect(shown).toContain('15.4%');
  });

  it('a private loan dated 2025-06: 4 × 3.00 % = 12 %, so 6,000 a year on 50,000 (500 a month)', () => {
    const shown = answer('2025年6月找朋友借了5万，利息最多能收多少')!;
    expect(shown).toContain('6000 元');
    expect(shown).toContain('500 元');
    expect(shown).not.toContain('24%');
  });

  it('is only for an amount alone: a payment or a rate makes it a loan to compute', () => {
    expect(principalAlone({ principal: 10000 })).toBe(10000);
    expect(principalAlone({ principal: 10000, received: 10000 })).toBe(10000);
    expect(principalAlone({ principal: 10000, received: 8000 })).toBeUndefined();
    expect(principalAlone({ principal: 10000, payment: 1000 })).toBeUndefined();
    expect(principalAlone({ principal: 10000, rate: { percent: 2, per: 'month' } })).toBeUndefined();
  });

  it('an amount without such a question is not answered by the interest check', () => {
    expect(kit.answerText('借了1万 催收天天打电话', AT)).toBeUndefined();
  });
});
