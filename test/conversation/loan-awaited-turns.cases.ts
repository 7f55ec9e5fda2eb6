/**
 * Loan numbers gathered over several turns: who lent and when, told after the first numbers, brings the comparison
 * with the cap (or, while a number is still missing, what the deduction means for that lender); a turn that is
 * something else — what collectors did, what they said they would do — is not read as the number awaited; and the
 * loan replies write every amount the same way.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = (user: string) => talk(AT, user, { forwardSentAt: AT });
/** A four-digit amount written with a separator (8,000): the loan replies write 8000. */
const GROUPED_FOUR_DIGITS = /(?<![\d,.])\d,\d{3}(?![\d,])/;

describe('who lent and when, told after the numbers', () => {
  it('a private lender and the month the IOU was written compare the rate with 4×LPR at that date', async () => {
    const c = conversation('aw1');
    await c.say('跟一个私人老板借了3万 月息2分 合法不');
    const r = await c.say('借条是2025年6月写的 同事介绍认识的 不是平台');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/24(\.0)?\s*%/);
    expect(r.shown).toMatch(/4倍/);
    expect(r.shown).toMatch(/12(\.0)?\s*%/);
    expect(r.shown).toMatch(/超过/);
  });

  it('a licensed lender named while a number is missing keeps the deduction (民法典670) for that lender, not a term question', async () => {
    const c = conversation('aw2');
    const asked = await c.say('借了2万 到手只有1万6 说扣了4000手续费');
    expect(asked.shown).toMatch(/还多少/);
    const r = await c.say('就是一家小贷公司的app 前年5月份借的');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/670/);
    expect(r.shown).toMatch(/16,000/);
    expect(r.shown).toMatch(/持牌/);
    expect(r.shown).not.toMatch(/几期|多少天/);
  });
});

describe('a turn that is something else while a loan number is awaited', () => {
  it('what collectors did, told without a question, is answered as conduct', async () => {
    const c = conversation('aw3');
    const asked = await c.say('借了5000 到手4000 每月还600');
    expect(asked.shown).toMatch(/几期|多少天/);
    const r = await c.say('到手4000那笔 催收讲要把我照片发到我们村群里');
    expect(r.kind).not.toBe('clarify');
    expect(r.shown).toMatch(/隐私|个人信息/);
    expect(r.shown).not.toMatch(/几期|多少天/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('a lawsuit they threaten over the contract amount is no answer: the court still counts what arrived', async () => {
    const c = conversation('aw4');
    const asked = await c.say('借了3万 到手只有25000 先扣了5000');
    expect(asked.shown).toMatch(/还多少/);
    const r = await c.say('催收说不还合同上那3万就起诉我');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/起诉|法院/);
    expect(r.shown).toMatch(/25,000/);
    expect(r.shown).toMatch(/670/);
    expect(r.shown).not.toMatch(/几期|多少天|每期还多少/);
  });
});

describe('amounts in loan replies', () => {
  it('writes four-digit amounts without a separator in every part of a reply (8000, never 8,000)', async () => {
    const c = conversation('aw5');
    // The first screen names what arrived and what was deducted (670), not the contract amount: a five-digit sum
    // that arrived is grouped, a four-digit deduction is not.
    const r = await c.say('借了2万 到手18000 每月还2000 还12期 这利息合法吗');
    expect(r.shown).toMatch(/2000 元/);
    expect(r.shown).not.toMatch(GROUPED_FOUR_DIGITS);
    expect(r.shown).toMatch(/18,000/);
  });
});
