/**
 * The interest check inside the conversation (issue 13 item 3, issue 10 point 3): loan facts gathered over several
 * turns. Numbers that complete the loan told before are computed, not answered by a guide picked by 分期; a contract
 * date told in other words or in an earlier turn sets the private cap (4 × LPR of that month); interest already
 * paid, asked back, gets the part above the cap from the facts gathered; a stated rate beside a deduction that is
 * over the cap on what arrived needs no term. Wordings are this file's own.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-25T10:00:00+08:00');
const conversation = (user: string) => talk(AT, user);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('numbers that complete the loan told before', () => {
  it('the term and instalment after a deduction was asked about get the rate, not the negotiation guide', async () => {
    const c = conversation('g1');
    await c.say('在网贷上借了6000 到账只有5400 说扣了600手续费 正常吗');
    const r = await c.say('分6期 每期1100');
    expect(r.kind).toBe('answer');
    // 6 × 1100 on the 5400 received: about 72.6 % a year.
    expect(firstSentence(r)).toMatch(/年化约 7[23](\.\d)?%/);
    expect(r.shown).not.toMatch(/协商/);
  });

  it('what arrived, told after the amount and answered by the deduction guide, is kept for the turn that completes it', async () => {
    const c = conversation('g11');
    await c.say('我在网上一个平台借了2万');
    await c.say('可是打到卡里只有17000 说扣了3000服务费');
    const r = await c.say('分10期 每期还2300');
    expect(r.kind).toBe('answer');
    // 10 × 2300 on the 17,000 that arrived, not on the 20,000 lent.
    expect(firstSentence(r)).toMatch(/年化约/);
    expect(firstSentence(r)).toMatch(/17,?000/);
  });

  it('a plan the user would ask the lender for is no schedule of that loan', async () => {
    const c = conversation('g2');
    await c.say('在网贷上借了6000 到账只有5400 说扣了600手续费 正常吗');
    const r = await c.say('我想跟平台申请改成分12期 每期还500');
    expect(r.shown).not.toMatch(/年化约/);
  });
});

describe('when the loan was made, told over the conversation', () => {
  it('a date said again in other words is the contract date: the cap of that month, not the highest', async () => {
    const c = conversation('g3');
    await c.say('前年5月 也就是2024年5月 找个人借了1万 月息4分 打了借条');
    const r = await c.say('这利息超没超');
    // May 2024: LPR 3.45 % → 13.8 %.
    expect(r.shown).toMatch(/13\.8%/);
    expect(r.shown).not.toMatch(/15\.4/);
  });

  it('a date told in an earlier turn, before any number, dates the loan told later', async () => {
    const c = conversation('g4');
    await c.say('2025年2月签的借款合同 现在逾期了 催收天天打电话 怎么办');
    const r = await c.say('是找私人借的 借了2万 月息2分 合法吗');
    // February 2025: LPR 3.1 % → 12.4 %.
    expect(r.shown).toMatch(/12\.4%/);
    expect(r.shown).not.toMatch(/15\.4/);
  });
});

describe('interest already paid, asked back', () => {
  it('above the cap: the part above can be claimed back or set against the principal, with the figures', async () => {
    const c = conversation('g5');
    await c.say('找个人借了5万 2025年1月借的 说好月息3分');
    const r = await c.say('利息已经给了他9000了 这钱能要回来不');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/可以主张/);
    expect(r.shown).toMatch(/抵扣本金|返还/);
    // 36 % against 12.4 %: of 9000, 3100 within the cap and 5900 above it.
    expect(r.shown).toMatch(/3100/);
    expect(r.shown).toMatch(/5900/);
    // The amount paid is no amount lent or received.
    expect(r.shown).not.toMatch(/到手的 9000/);
  });

  it('a licensed lender: not bound by 4 × LPR, only the reported 24 % line, adjusted through talks or a court', async () => {
    const c = conversation('g10');
    await c.say('在一个小贷公司借了2万 月息3分 2025年4月借的');
    const r = await c.say('利息已经还了6000 能退回来吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/要看/);
    // 36 % against 24 %: of 6000, 4000 at 24 % and 2000 above it.
    expect(r.shown).toMatch(/24%/);
    expect(r.shown).toMatch(/4000/);
    expect(r.shown).toMatch(/2000/);
    expect(r.shown).not.toMatch(/抵扣本金或者要求返还/);
  });

  it('within the cap: generally not', async () => {
    const c = conversation('g6');
    await c.say('跟一个私人借了1万 月息1分 2025年3月借的');
    const r = await c.say('利息已经还了600 能要回来吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/要不回来/);
  });
});

describe('a stated rate beside a deduction', () => {
  it('over the cap on what arrived: the verdict, not the question for the term', async () => {
    const c = conversation('g7');
    const r = await c.say('借条上写的4万 实际只转了36000 约好月息2分5 2025年5月借的 这利息合法吗');
    expect(r.kind).toBe('answer');
    // 2.5 % of 40,000 a month (1000) on the 36,000 that arrived: 33.33 % a year, before the deduction is counted.
    expect(firstSentence(r)).toMatch(/年化是 33\.33%/);
    expect(r.shown).toMatch(/670/);
    expect(r.shown).not.toMatch(/几期|多少天/);
  });

  it('within the cap on what arrived: the deduction may still push it over, so the term is asked', async () => {
    const c = conversation('g8');
    const r = await c.say('借条写1万 到手9500 月息8厘 2025年5月找私人借的 合法吗');
    expect(r.shown).toMatch(/几期|多少天/);
  });

  it('interest paid on such a loan, asked against the principal: the part above the cap on what arrived', async () => {
    const c = conversation('g9');
    await c.say('找私人借了3万 到手只有28000 每个月给他2400利息 2025年7月借的');
    const r = await c.say('已经给了4个月利息 一共9600 多给的能抵本金吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/可以主张/);
    // Four months at 12 % on 28,000 is 1120; the rest of the 9600 is above the cap.
    expect(r.shown).toMatch(/1120/);
    expect(r.shown).toMatch(/8480/);
  });
});
