/**
 * From descriptions-6 (scored once, now development data): an amount after 每N天 / 每两周 is paid each time, a typed
 * 每其 is 每期, and two English numbers a space apart are two numbers, not one with a thousands comma. The texts are
 * new wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { parseLoan as parse, flowsAt, months, everyDays } from '../support/loan-shapes';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';

const AT = new Date('2026-12-06T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-6: an amount after 每N天 is each payment', () => {
  it('每10天还500，还8次 is eight payments of 500, not 500 in all', () => {
    const out = flows('借了3000，每10天还500，还8次');
    expect(out.ok && out.flows.payments).toEqual(everyDays(10, 8, 500));
  });

  it('每3周还 works the same in weeks', () => {
    const out = flows('借了2000，到手1800，每3周还700，一共还3次');
    expect(out.ok && out.flows.received).toBe(1800);
    expect(out.ok && out.flows.payments).toEqual(everyDays(21, 3, 700));
  });
});

describe('descriptions-6: typed 每其 is 每期', () => {
  it('reads 每其还款 like 每期还款', () => {
    expect(flows('借款2万，分6其，每其还款3800')).toEqual(flows('借款2万，分6期，每期还款3800'));
    const out = flows('借款2万，分6其，每其还款3800');
    expect(out.ok && out.flows.payments).toEqual(months(6, 3800));
  });
});

describe('descriptions-6: numbers a space apart in English', () => {
  it('"got 4,700 after a 300 fee" received 4,700, not 4,700,300', () => {
    const f = parse('borrowed 5000, got 4,700 after a 300 fee, and pay 480 per month for 12 months', AT);
    expect(f.received).toBe(4700);
    const out = cashFlowsOf(f);
    expect(out.ok && out.flows.received).toBe(4700);
    expect(out.ok && out.flows.payments).toEqual(months(12, 480));
  });
});

describe('descriptions-6: a fee paid after the money arrived', () => {
  it('风险保障金 paid the next day comes off what was received', () => {
    const out = flows('合同金额20000，实际放款20000，放款后第二天交了风险保障金1500元，分10期，每期2300');
    expect(out.ok && out.flows.received).toBe(18500);
    expect(out.ok && out.flows.payments).toEqual(months(10, 2300));
  });
});

describe('descriptions-6: shapes that are asked, not guessed', () => {
  it('a schedule in stages (第5期起每期还…) asks for the instalment', () => {
    const f = parse('借了12000，前4期每期只还利息300，第5期起每期还本金3000加利息300', AT);
    expect(cashFlowsOf(f).ok).toBe(false);
    expect(f.unstated).toBe('payment');
  });

  it('第3期开始逾期了 is no new stage: the stated instalment is used', () => {
    const out = flows('借9000 到账8000 分6期 每期1700 第3期开始逾期了');
    expect(out.ok && out.flows.payments).toEqual(months(6, 1700));
  });

  it('interest-only with the last month naming the principal alone asks', () => {
    const f = parse('借了3万，每个月付利息900，付了半年，第7个月本金3万一次性还', AT);
    expect(cashFlowsOf(f).ok).toBe(false);
    expect(f.unstated).toBe('payment');
  });

  it('interest-only with 本金加当月利息 in the last month is still read', () => {
    const out = flows('借了3万，每个月付利息900，第6个月还本金3万加当月利息900');
    expect(out.ok && out.flows.payments).toEqual([...months(5, 900), { month: 6, amount: 30900 }]);
  });
});

describe('descriptions-6: English wordings', () => {
  it('"must return 3000 after 7 days" is a payment on day 7', () => {
    const out = flows('borrowed 3000 from a friend of a friend, he gave me 2500, i must return 3000 after 7 days');
    expect(out.ok && out.flows.received).toBe(2500);
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 3000 }]);
  });

  it('"800 interest every month … at the end of month 6 together with that month\'s interest" is interest-only', () => {
    const out = flows("A friend lent me 10,000. I pay 800 interest every month and give back the 10,000 at the end of month 6 together with that month's interest.");
    expect(out.ok && out.flows.payments).toEqual([...months(5, 800), { month: 6, amount: 10800 }]);
  });
});

describe('descriptions-6: narrative numbers that are not the loan', () => {
  it('每个月先还利息 with 月息 and 第N个月 principal-and-interest is interest-only', () => {
    const out = flows('找亲戚借了一万块，说好月息2分，每个月先还利息，第6个月把本金和当月利息一起还上');
    expect(out.ok && out.flows.payments).toEqual([...months(5, 200), { month: 6, amount: 10200 }]);
  });

  it('借给我 names the principal', () => {
    const out = flows('同事借给我8000块，不要利息，三个月后还8400');
    expect(out.ok && out.flows.contractPrincipal).toBe(8000);
    expect(out.ok && out.flows.payments).toEqual([{ month: 3, amount: 8400 }]);
  });

  it('cash on hand (手里只有300) is not what was received', () => {
    const out = flows('借了三千，只到账两千五，说好七天后还三千，现在到期了我手里只有300块');
    expect(out.ok && out.flows.received).toBe(2500);
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 3000 }]);
  });

  it('another debt in its own clause (车贷每月还2600) is not this loan\'s instalment', () => {
    const out = flows('在app上借了1万，每个月要还1000，要还12个月，另外车贷每月还2600');
    expect(out.ok && out.flows.payments).toEqual(months(12, 1000));
  });
});
