/**
 * The interest check inside the conversation (issue 13 item 3, issue 10 point 3): loan facts gathered over several
 * turns. Numbers that complete the loan told before are computed, not answered by a guide picked by 分期; a contract
 * date told in other words or in an earlier turn sets the private cap (4 × LPR of that month). Wordings are this
 * file's own.
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
