/**
 * From descriptions-10 and descriptions-11 (each scored once, now development data): how often said as 还一次
 * after an every-period word, and the other shapes below. The texts are new wordings of those shapes; expected
 * flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-10: 每月还一次 says how often, not one payment', () => {
  it('分8个月 每个月还一次 一共还24000 is eight instalments of 3000', () => {
    const out = flows('借2万 分8个月 每个月还一次 一共还24000');
    expect(out.ok && out.flows.payments).toEqual(months(8, 3000));
  });

  it('等额本金 月利率1% 分6个月还 每月还一次 is the equal-principal schedule', () => {
    const out = flows('等额本金 月利率1% 借1万2 分6个月还 每月还一次');
    expect(out.ok && out.flows.payments).toEqual([2120, 2100, 2080, 2060, 2040, 2020].map((amount, i) => ({ month: i + 1, amount })));
  });
});
