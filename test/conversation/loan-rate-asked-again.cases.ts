/**
 * From dev21 (h19-13, h19-15), in new wordings: the annual rate asked again after the loan was computed is given
 * as the number, and a private loan's 4 × LPR cap is not taken from a year alone: the day is asked, and once told
 * the cap is stated as the number it is.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-10-12T20:00:00+08:00');
const conversation = (user: string) => talk(AT, user);

describe('the annual rate asked again about the loan just told', () => {
  it('"那年化究竟是多少 给个数" gets the loan’s rate, not a guide on the cap', async () => {
    const c = conversation('ra1');
    await c.say('想算算这个贷款的利息');
    await c.say('借了6000 到手6000');
    const computed = await c.say('分6期 每期还1100');
    // 6 × 1100 on 6000 received: about 33.5 % a year (12 × the monthly IRR).
    expect(computed.shown).toMatch(/33\.5%/);
    const again = await c.say('那年化究竟是多少 给个数');
    expect(again.kind).toBe('answer');
    expect(again.shown).toMatch(/33\.5%/);
  });
});

describe('a private loan’s cap needs the day the contract was made', () => {
  it('a year alone (前年) is asked about, then the day told gives the cap as its number', async () => {
    const c = conversation('ra3');
    const first = await c.say('前年跟私人老板借的钱 不是网贷 月息2分5 这合法吗');
    expect(first.shown).toMatch(/哪天签|签的日期|什么时候签/);
    // No LPR of one January read into 前年.
    expect(first.shown).not.toMatch(/2024年1月签约时/);
    const dated = await c.say('借条是2025年9月写的 借了2万');
    // September 2025: one-year LPR 3.0 %, 4 × = 12 %.
    expect(dated.shown).toMatch(/4倍是 12%/);
  });
});
