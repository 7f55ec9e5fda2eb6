/**
 * From descriptions-17 and descriptions-18 (scored once, now development data): the shapes read wrong or asked.
 * The texts are new wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-18: typos of repayment words', () => {
  it('等额本今 is 等额本金 (equal principal), not 等额本息', () => {
    const out = flows('贷了9000，分3期，等额本今，月利率1%');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 9000, payments: [{ month: 1, amount: 3090 }, { month: 2, amount: 3060 }, { month: 3, amount: 3030 }] });
  });

  it('棋 after a number or after 每 is 期', () => {
    const out = flows('借了五千，分5棋，每棋还一千一');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: months(5, 1100) });
  });
});
