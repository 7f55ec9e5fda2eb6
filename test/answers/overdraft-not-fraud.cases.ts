/**
 * Issue 11 (dev28 h26-26#1, by kind): a fake police notice calling an unpaid online loan 恶意透支 and 诈骗 is answered
 * claim by claim, and the 恶意透支 claim also says that not repaying, without the aim of 非法占有, is no fraud but a
 * civil matter (刑法 196, 266; legal-facts). New wording, not copied from eval/.
 */
import { testCore } from '../support/core-deps';
import { NOW, RECENT } from '../support/collector-messages';
import { messageFocus, textOf } from '../support/focus';

const { followUps } = testCore();

describe('恶意透支 / 诈骗 claims (issue 11)', () => {
  it('says an overdue online loan is neither 恶意透支 nor fraud without 非法占有', () => {
    const focus = messageFocus('【市公安局刑侦支队】你恶意透支网贷资金涉嫌诈骗，三日内不处理将依法上门传唤。', RECENT);
    const text = textOf(followUps.verifyClaims(focus, NOW));
    expect(text).toMatch(/不是恶意透支/);
    expect(text).toMatch(/也不是诈骗/);
    expect(text).toMatch(/非法占有/);
  });
});
