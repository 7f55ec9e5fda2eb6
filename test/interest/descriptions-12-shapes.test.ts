/**
 * From descriptions-12 (scored once, now development data): the shapes it read wrong or asked. The texts are new
 * wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-12: 分N个月 counts the instalments before any other length', () => {
  it('一个月两分，分8个月还 is eight instalments, not a one-month loan', () => {
    const out = flows('跟表哥借了8000，一个月两分，分8个月还，每个月还1160');
    expect(out.ok && out.flows.payments).toEqual(months(8, 1160));
  });
});

describe('descriptions-12: what arrived, told in other words', () => {
  it('实际转账 is what was received', () => {
    const out = flows('借条上写6万，实际转账5万4，半年后还6万6');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 60000, received: 54000, payments: [{ month: 6, amount: 66000 }] });
  });

  it('下款当天 is when a fee was paid, not an amount received', () => {
    const out = flows('借3000 钱都到了，可下款当天非让我开个599的会员，21天后还3000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 2401, payments: [{ day: 21, amount: 3000 }] });
  });

  it('a fee whose name is not in the lists (评级费) is a fee, and 等于拿了 the amount it leaves', () => {
    const out = flows('借五千，十期，每期还560，到手5000，另外有个400的评级费是我借之前转过去的，所以等于拿了4600');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4600, payments: months(10, 560) });
  });
});

describe('descriptions-12: a payment at a named day after an adverb', () => {
  it('第20天终于还了1500 is the last payment after two rollover fees', () => {
    const out = flows('借1500 10天 到手1200 第10天交了200续期费 第20天终于还了1500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 1500, received: 1200, payments: [{ day: 10, amount: 200 }, { day: 20, amount: 1500 }] });
  });
});

