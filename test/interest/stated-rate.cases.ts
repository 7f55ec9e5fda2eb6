/**
 * A rate stated without a term (月息3分, 日息0.1%, 年化18%) is a yearly cost of the principal however long the loan
 * runs: 3 % a month is 36 % a year, 0.1 % a day 36.5 %. So the reply compares it with the law at once instead of
 * asking how many instalments. Expected figures come from the law and the LPR history in shared/legal
 * (legal-facts.md §5.1, §5.3: 4 × LPR on the contract date, 3.00 % from 2025-05-20, so 12 % for mid-2025;
 * 3.85 % from 2020-04-20, so 15.4 % is the highest cap since 2020-08-20), not from the code.
 */
import { statedRateOf } from '../../src/interest/stated-rate';
import { FIRST_SCREEN_MAX, shownLength } from '../../src/screen-fit';
import { firstSentence, interestKit as kit, interestReplies as replies, shownText } from '../support/interest-kit';

const AT = new Date('2026-04-02T10:00:00+08:00');
const reply = (text: string, at = AT) => {
  const r = kit.reply(kit.parseLoanText(text, at), at);
  return { ...r, shown: shownText(r.reply) };
};
const cited = (r: { reply: { citations: Array<{ law: string; article: string }> } }) => r.reply.citations.map((c) => `${c.law}${c.article}`);

describe('the annual rate of a stated rate', () => {
  it.each([
    [{ percent: 3, per: 'month' as const }, 0.36],
    [{ percent: 1.5, per: 'month' as const }, 0.18],
    [{ percent: 0.1, per: 'day' as const }, 0.365],
    [{ percent: 0.05, per: 'day' as const }, 0.1825],
    [{ percent: 24, per: 'year' as const }, 0.24],
  ])('%o is %f a year', (rate, annual) => {
    expect(statedRateOf({ principal: 10000, rate })?.annual).toBeCloseTo(annual, 10);
  });

  it('stands for the whole cost only when nothing was deducted and no payment could carry more', () => {
    const rate = { percent: 2, per: 'month' as const };
    expect(statedRateOf({ principal: 10000, rate })).toBeDefined();
    expect(statedRateOf({ principal: 10000, received: 10000, rate })).toBeDefined();
    expect(statedRateOf({ principal: 10000, received: 9000, rate })).toBeUndefined();
    expect(statedRateOf({ principal: 10000, fees: 500, rate })).toBeUndefined();
    expect(statedRateOf({ principal: 10000, payment: 1000, rate })).toBeUndefined();
    expect(statedRateOf({ principal: 10000, rate: { percent: 2, per: 'unknown' } })).toBeUndefined();
  });
});

describe('a private loan at 月息3分 from July 2025, no term given', () => {
  const text = '去年7月找朋友的朋友借了3万 打了借条 说好月息3分 现在他天天打电话催 这利息合法吗';

  it('is answered, not asked about: the annual rate first, above 4 × LPR of the contract date, in the first sentence', () => {
    const r = reply(text);
    expect(r.missing).toBeUndefined();
    expect(r.reply.kind).toBe('answer');
    expect(r.shown).not.toContain(replies.text('interest_ask_term'));
    const first = firstSentence(r.shown);
    expect(first).toMatch(/36(\.0)?%/);
    expect(first).toMatch(/4倍是 12%/);
    expect(first).toContain('超过');
    expect(first).toContain('不支持');
  });

  it('says what the cap allows a month (30,000 × 12 % ÷ 12 = 300) against the 900 agreed, and that principal and lawful interest are owed', () => {
    const r = reply(text);
    expect(r.shown).toContain('300 元');
    expect(r.shown).toContain('900 元');
    expect(r.shown).toContain(replies.text('interest_debt_line'));
    expect(cited(r)).toContain('民间借贷规定25');
    expect(shownLength(r.reply.blocks)).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
  });
});

describe('other stated rates', () => {
  it('日息0.1% from a private lender is 36.5 % a year, above every cap since 2020-08-20 (at most 15.4 %)', () => {
    const r = reply('找私人借了1万 日息0.1%');
    expect(r.missing).toBeUndefined();
    const first = firstSentence(r.shown);
    expect(first).toContain('36.5%');
    expect(first).toContain('15.4%');
    expect(first).toContain('超过');
  });

  it('年利率10% from a private lender in 2025 is within 12 %', () => {
    const r = reply('2025年6月找朋友借了2万 年利率10%');
    expect(firstSentence(r.shown)).toMatch(/没有超过[^。]*12%/);
  });

  it('a licensed lender: no 4 × LPR cap claimed, the 24 % line reported as such', () => {
    const r = reply('在银行借了5万 年化18%');
    expect(r.missing).toBeUndefined();
    expect(r.shown).toMatch(/18(\.0)?%/);
    expect(r.shown).not.toContain('签合同当天一年期LPR');
    expect(r.shown).toMatch(/据报道[^。]*24%/);
    expect(cited(r)).toContain('民间借贷规定1');
  });

  it('an unknown lender: both cases and the one question who lent', () => {
    const r = reply('借3万 先息后本 月息1.5%');
    expect(r.missing).toBeUndefined();
    expect(firstSentence(r.shown)).toMatch(/18(\.0)?%/);
    expect(r.shown).toContain('4倍');
    expect(r.shown).toMatch(/据报道[^。]*24%/);
    expect(r.shown).toContain(replies.text('interest_ask_lender'));
    // Who lent is the only question; the term is not asked.
    expect(r.shown.replace(replies.text('interest_ask_lender'), '')).not.toMatch(/[？?]/);
  });

  it('a contract before 2020-08-20 follows 民间借贷规定 31', () => {
    const r = reply('2019年5月找朋友借了5万 月息2分');
    expect(r.missing).toBeUndefined();
    expect(r.shown).toContain('24.0%');
    expect(r.shown).toContain('第31条');
    expect(cited(r)).toContain('民间借贷规定31');
  });

  it.each(['去年7月找朋友的朋友借了3万 打了借条 说好月息3分 现在他天天打电话催 这利息合法吗', '找私人借了1万 日息0.1%', '在银行借了5万 年化18%', '借3万 先息后本 月息1.5%', '2019年5月找朋友借了5万 月息2分'])(
    'fits %s within 350 characters',
    (t) => expect(shownLength(reply(t).reply.blocks)).toBeLessThanOrEqual(FIRST_SCREEN_MAX),
  );
});

describe('the term is still asked for when the rate cannot be known without it', () => {
  it.each([
    // A deduction at signing weighs more the shorter the loan.
    ['借1万日息万五，每天算利息，啥时候还都行，到手9000', 'term'],
    // A payment may carry fees beyond the stated rate: its count tells the real rate.
    ['借1万 月息2% 每月还1000', 'term'],
    ['借1万到手7000每月还1050', 'term'],
    // 利息2分 without 月 or 年 is not a rate yet.
    ['私人借的1万 利息2分 一年后还本付息', 'rate_unit'],
  ])('%s → asks for %s, one short question', (text, missing) => {
    const r = reply(text);
    expect(r.missing).toBe(missing);
    expect(r.reply.kind).toBe('clarify');
    expect(r.reply.blocks).toHaveLength(1);
  });
});
