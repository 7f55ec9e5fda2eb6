/**
 * A paid "debt restructuring / 停息挂账" offer forwarded to the bot (issue 10, the testers' finding, in new wordings
 * written for this test): no collection at all, and never "a normal reminder" — an agency that commonly takes the fee
 * and does nothing; negotiate yourself through the lender's official channel. The guard: a lender's own lawful offer
 * of instalments with no fee keeps the ordinary verdict.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-03T10:05:00+08:00');
let n = 0;
const conversation = () => talk(AT, `ra${++n}`);

describe('a paid debt-relief offer gets a scam warning', () => {
  it.each([
    '【鑫诚法务】专业处理网贷逾期，可协商停息分期、全额减免罚息，办理成功率95%，前期只需支付咨询费1999元，详询微信',
    '您好，我司专注债务优化，帮您与各大平台协商上岸，先交定金800，办成后再付尾款',
  ])('"%s"', async (text) => {
    const r = await conversation().forward(text);
    expect(r.shown).not.toMatch(/正常的催收提醒/);
    expect(r.shown).toMatch(/中介/);
    expect(r.shown).toMatch(/诈骗|别交钱|不交/);
    expect(r.shown).toMatch(/官方客服|官方 App/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });

  it('guard: a lender offering instalments itself, no fee, stays an ordinary reminder', async () => {
    const r = await conversation().forward('【某消费金融】您的账单已逾期15天，如还款有困难，可登录官方App申请分期还款，或致电官方客服协商。');
    expect(r.shown).not.toMatch(/中介/);
  });
});
