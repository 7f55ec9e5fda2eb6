/**
 * From descriptions-13 (scored once, now development data): the shapes it read wrong or asked. The texts are new
 * wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-13: a length in words right after the amount', () => {
  it('借2000十天 is a ten-day loan', () => {
    const out = flows('找朋友借2000十天，到时候还2100');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 2000, received: 2000, payments: [{ day: 10, amount: 2100 }] });
  });

  it('借3000十四天 with rollovers counts the rollovers from it', () => {
    const out = flows('借3000十四天，到手2500，展期了2次，每次交400，第42天还了3000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 2500, payments: [{ day: 14, amount: 400 }, { day: 28, amount: 400 }, { day: 42, amount: 3000 }] });
  });

  it('1200一个月 stays an amount each month, not a one-month loan', () => {
    const out = flows('合同写6000，1200一个月，6个月');
    expect(out.ok && out.flows.payments).toEqual(months(6, 1200));
  });
});

describe('descriptions-13: N天一次还 is one payment after N days', () => {
  it('借75天一次还本付息 with a daily rate', () => {
    const out = flows('借8000，日息万三，借75天一次还本付息');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: [{ day: 75, amount: 8180 }] });
  });

  it('用了100天一次性还 with the sum said', () => {
    const out = flows('借了6000，日息万五，用了100天一次性还的，连本带息6300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: [{ day: 100, amount: 6300 }] });
  });
});

describe('descriptions-13: typed words', () => {
  it('每起 is 每期', () => {
    const out = flows('借了3千，分三期，每起还1100，全额到账');
    expect(out.ok && out.flows.payments).toEqual(months(3, 1100));
  });

  it("English 'was deposited' is what arrived", () => {
    const out = flows('Borrowed 3000 for 7 days, 2500 was deposited, repay 3000 on day 7.');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 2500, payments: [{ day: 7, amount: 3000 }] });
  });
});

describe('descriptions-13: a number taken back in other words', () => {
  it('……不对，我看了下短信是 takes the second amount', () => {
    const out = flows('借了6000，到手5000……不对，我看了下短信是5300，分4期每期1700');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5300, payments: months(4, 1700) });
  });

  it('哦不是，是 replaces the instalment', () => {
    const out = flows('每个月还560，哦不是，是580，一共10期，借5000全部到账');
    expect(out.ok && out.flows.payments).toEqual(months(10, 580));
  });

  it('记错了，是分N期 replaces the term', () => {
    const out = flows('借了3000分3期……我记错了，是分5期，每期680，全额到账');
    expect(out.ok && out.flows.payments).toEqual(months(5, 680));
  });

  it('a hedge after the taking back is still asked', () => {
    expect(flows('借了4000，说错了，好像是5000，分5期每期1100').ok).toBe(false);
  });

  it('another cue after the taking back does not replace the number before it', () => {
    const out = flows('借了9000，不对，到手是8000，分6期每期1700');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 8000, payments: months(6, 1700) });
  });
});

describe('descriptions-13: times, bounds and interest-only told month by month', () => {
  it('一个月（30天） right after the amount is 30 days, the amount kept', () => {
    const out = flows('借2000一个月（30天），放款前交了150认证费，到期还2200');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 2000, received: 1850, payments: [{ day: 30, amount: 2200 }] });
  });

  it('N个月后一次还 is one payment, the rate agreeing with it', () => {
    const out = flows('借了5000，三个月后一次还，月息3分，一共还5450');
    expect(out.ok && out.flows.payments).toEqual([{ month: 3, amount: 5450 }]);
  });

  it('a rate said as a bound (年化不超过) is not the rate', () => {
    const out = flows('借2万，半年后一次还22000，业务员说年化不超过18%，2万都到了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 20000, payments: [{ month: 6, amount: 22000 }] });
  });

  it('前N个月只付利息，第N+1个月本金连同利息 is interest-only', () => {
    const out = flows('借了1万，年化12%，4个月，前3个月只付利息，第4个月本金连同当月利息一起还');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 100), { month: 4, amount: 10100 }]);
  });

  it('前N个月只付利息 with the next month told by the principal alone is still asked', () => {
    expect(flows('借了1万，年化12%，4个月，前3个月只付利息，第4个月还本金').ok).toBe(false);
  });

  it('没另外扣 is no deduction', () => {
    const out = flows('借6000，分6期每期1100，第一期的月供没另外扣');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: months(6, 1100) });
  });
});

describe('descriptions-13: an amount said to be unrecorded', () => {
  it('还了多少没记住 asks for the payment', () => {
    const out = flows('借了6000分6期每期1100，还了2期后就一次还清了，最后那次还了多少没记住');
    expect(out.ok ? out.flows : out.missing).toBe('payment');
  });
});

describe('descriptions-13: settled before the term', () => {
  it('提前还清了 with no sum of it asks, not the full schedule', () => {
    const out = flows('借了9000分9期，每期1080，还了3期后我就提前还清了');
    expect(out.ok ? out.flows : out.missing).toBe('payment');
  });

  it('interest-only settled early at a named month with a sum that is not its end asks', () => {
    const out = flows('借了5万，先息后本10期，每月利息1000。第4个月提前还清，一共还了51500');
    expect(out.ok ? out.flows : out.missing).toBe('payment');
  });

  it('a day loan repaid early is still its one payment', () => {
    const out = flows('借了5000，日利率0.05%，用了30天就提前全部还了，一共还了5075');
    expect(out.ok && out.flows.payments).toEqual([{ day: 30, amount: 5075 }]);
  });
});

describe('descriptions-13: 最后一次还 is no bullet word', () => {
  it('月息 with 最后一次还本金 is still asked (monthly interest or not is not said)', () => {
    expect(flows('借1万，月息2分，3个月，最后一次还本金').ok).toBe(false);
  });
});

describe('descriptions-13: a hedge in the restating words', () => {
  it('不对，应该是 is still asked', () => {
    expect(flows('借了7000，不对，应该是7500，分5期每期1600').ok).toBe(false);
  });
});

describe('descriptions-13: interest-only settled early at a named month, the sum said of that month', () => {
  it('第N个月的时候提前还清了，那个月…一共 is the interest months and that sum', () => {
    const out = flows('借了4万，先息后本10期，每月利息800。第5个月的时候提前还清了，那个月还了本金4万加当月利息800，再加400违约金，一共41200');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 40000, received: 40000, payments: [...months(4, 800), { month: 5, amount: 41200 }] });
  });

  it('a fee said with the payoff month is not taken at signing: asked', () => {
    const out = flows('借了4万，先息后本10期，每月利息800。第5个月的时候提前还清了，那个月还了本金4万加当月利息800，另加400手续费，一共41200');
    expect(out.ok ? out.flows : out.missing).toBe('payment');
  });
});
