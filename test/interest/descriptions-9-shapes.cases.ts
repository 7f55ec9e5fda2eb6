/**
 * From descriptions-9 (scored once at 624a8c7, now development data): the last payment of an interest-only loan
 * named by its month (第6个月还30600, 最后一个月还8240), and a sum said beside a rate that the rate's schedule does
 * not end with (an early payoff, another last payment), which is asked. The texts are new wordings of those shapes;
 * expected flows are worked out by hand from the text.
 */
import { everyDays, flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-9: the last payment of an interest-only loan named by its month', () => {
  it('最后一个月还10300 after interest of 300 each month is that month\'s payment, not every month\'s', () => {
    const out = flows('借1万 先息后本 4个月 每月利息300 最后一个月还10300');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 300), { month: 4, amount: 10300 }]);
  });

  it('第5个月还20400 with a monthly rate is the principal and the fifth month\'s interest', () => {
    const out = flows('找亲戚借2万 月息2% 先息后本 每个月还400利息 第5个月还20400');
    expect(out.ok && out.flows.payments).toEqual([...months(4, 400), { month: 5, amount: 20400 }]);
  });

  it('最后一个月 is no term of one month: with no term said, the term is asked', () => {
    expect(flows('借8千 先息后本 每月利息240 最后一个月还8240')).toEqual({ ok: false, missing: 'term' });
  });
});

describe('descriptions-9: a sum the rate\'s schedule does not end with is asked', () => {
  it('第6个月还10500 beside 月息2% interest-only (which ends with 10200) asks the payment', () => {
    expect(flows('借1万 月息2% 先息后本 6个月 第6个月还10500')).toEqual({ ok: false, missing: 'payment' });
  });

  it('a sum that is everything repaid still agrees', () => {
    const out = flows('借1万 月息2% 先息后本 6个月 一共还11200');
    expect(out.ok && out.flows.payments).toEqual([...months(5, 200), { month: 6, amount: 10200 }]);
  });
});

describe('descriptions-9: a due date written with 日 is no daily payment', () => {
  it('2024年3月5日借的 … 2024年4月4日还3300 is one payment on day 30', () => {
    const out = flows('2024年3月5日借的3000，到手2800，2024年4月4日还3300');
    expect(out.ok && out.flows.payments).toEqual([{ day: 30, amount: 3300 }]);
    expect(out.ok && out.flows.received).toBe(2800);
  });
});

describe('descriptions-9: 每N天还一次 says how often, not how many', () => {
  it('每10天还一次 … 一共还3次 is three payments ten days apart', () => {
    const out = flows('借3000，每10天还一次，每次还1100，一共还3次');
    expect(out.ok && out.flows.payments).toEqual(everyDays(10, 3, 1100));
  });
});

describe('descriptions-9: fees on some instalments only', () => {
  it('前两期还要多交50的服务费 adds 50 to the first two instalments, not at signing', () => {
    const out = flows('借了5千 分5期 每期还1100 前两期还要多交50的服务费');
    expect(out.ok && out.flows.received).toBe(5000);
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 1150 }, { month: 2, amount: 1150 }, ...months(5, 1100).slice(2)]);
  });

  it('从第3期开始每期多收30的管理费 adds 30 from the third instalment on (no schedule in stages to ask)', () => {
    const out = flows('借了4000，分4个月，每月还1050，从第3期开始每期多收30的管理费');
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 1050 }, { month: 2, amount: 1050 }, { month: 3, amount: 1080 }, { month: 4, amount: 1080 }]);
  });

  it('a span beyond the instalments asks the payment', () => {
    expect(flows('借了2000 分2期 每期还1100 前三期还要多交100的服务费')).toEqual({ ok: false, missing: 'payment' });
  });

  it('第一期的时候多扣了199的会员卡 is taken with the first instalment, not from what arrived', () => {
    const out = flows('借3000 分3期 每期还1100 第一期的时候多扣了199的会员卡');
    expect(out.ok && out.flows.received).toBe(3000);
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 1299 }, { month: 2, amount: 1100 }, { month: 3, amount: 1100 }]);
  });

  it('the first instalment\'s interest deducted at signing stays a deduction', () => {
    const out = flows('借3000 分3期 每期还1100 第一期利息100放款时直接扣了');
    expect(out.ok && out.flows.received).toBe(2900);
  });
});

describe('descriptions-9: two counts of instalments, a disbursement date, 没有砍头, quarterly interest', () => {
  it('合同写的10期 but the app shows 15期 asks the term', () => {
    expect(flows('借5000，合同写的10期，可是app里显示15期，每期还600')).toEqual({ ok: false, missing: 'term' });
  });

  it('what was paid and what is left are no second count', () => {
    const out = flows('借6000，分12期，每期还600，已还4期');
    expect(out.ok && out.flows.payments).toEqual(months(12, 600));
  });

  it('2025年3月8号放款 is the day of the disbursement, not a received amount left out', () => {
    const out = flows('招商银行借了3w，年化6% 等额本息 12期，2025年3月8号放款');
    expect(out.ok && out.flows.received).toBe(30000);
    expect(out.ok && out.flows.payments.length).toBe(12);
  });

  it('没砍头 says nothing was deducted: what arrived is the principal', () => {
    const out = flows('借1万，分10期，每期还1150，没砍头');
    expect(out.ok && out.flows.received).toBe(10000);
  });

  it('interest paid every quarter asks the payment rather than one payment at the end', () => {
    expect(flows('借10万，每个季度付一次利息3000，一年到期，第12个月还了103000')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-9: the N-th instalment of a loan in periods of days', () => {
  it('10天一期 … 第4期连本带息还3300 ends on day 40, interest every ten days before it', () => {
    const out = flows('借3000，10天一期，每期只还利息300，第4期连本带息还3300');
    expect(out.ok && out.flows.payments).toEqual([...everyDays(10, 3, 300), { day: 40, amount: 3300 }]);
  });
});

describe('descriptions-9: an instalment\'s parts summed', () => {
  it('每月还本金500+利息40+服务费60，一共600 is an instalment of 600, not a total repaid', () => {
    const out = flows('借了6000 分12个月 每月还本金500+利息40+服务费60，一共600');
    expect(out.ok && out.flows.payments).toEqual(months(12, 600));
  });

  it('a total that is neither one instalment nor all of them is still asked', () => {
    expect(flows('借了6000 分12个月 每月还本金500+利息40+服务费60，一共还了5000')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-9: a rollover, then 又过N天 with no payment before it', () => {
  it('10天 … 到期交了400续期，又过10天还了3000 is the fee on day 10 and the payment on day 20', () => {
    const out = flows('借3000，10天，到手2700，到期还不上交了400续期，又过10天还了3000');
    expect(out.ok && out.flows.payments).toEqual([{ day: 10, amount: 400 }, { day: 20, amount: 3000 }]);
  });
});
