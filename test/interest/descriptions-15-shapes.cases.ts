/**
 * From descriptions-15 (scored once, now development data): the shapes it read wrong or asked. The texts are new
 * wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-15: a number taken back after an interjection', () => {
  it('嗯不对是9000 replaces the amount lent', () => {
    const out = flows('找朋友借了8000，嗯不对是9000，分4个月还，每月还2500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 9000, payments: months(4, 2500) });
  });

  it('哦我说错了是890 replaces the instalment', () => {
    const out = flows('借了1.2万，18期，每月还980，哦我说错了是890');
    expect(out.ok && out.flows.payments).toEqual(months(18, 890));
  });

  it('a hedge after the taking back is still asked', () => {
    const out = flows('借6000，每期还600，哦不对，好像是650，分12期');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-15: a phrase taken back and said again whole', () => {
  it('10天后还3300，不对，是15天后还3300 is one payment on day 15', () => {
    const out = flows('借3000，10天后还3300，不对，是15天后还3300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 3000, payments: [{ day: 15, amount: 3300 }] });
  });

  it('月息2分，说错了，是月息3分 is a rate of 3 % a month', () => {
    const out = flows('借1万，月息2分，说错了，是月息3分，借3个月到期一起还');
    expect(out.ok && out.flows.payments).toEqual([{ month: 3, amount: 10900 }]);
  });

  it('a taking back followed by words without a number changes nothing', () => {
    const out = flows('借了5000，不对，是我朋友借的，每月还500，还12期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: months(12, 500) });
  });
});

describe('descriptions-15: what arrived said as 打过来 / 转过来', () => {
  it('合同签的3万，转过来27000 is what was received', () => {
    const out = flows('合同签的3万，转过来27000，分10期每期还3300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 30000, received: 27000, payments: months(10, 3300) });
  });
});

describe('descriptions-15: a fee due on a named day is a payment then', () => {
  it('第10天还得交150的管理费 is paid on day 10, not deducted', () => {
    const out = flows('借3000，21天后还3000，第10天还得交150的管理费');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 3000, payments: [{ day: 10, amount: 150 }, { day: 21, amount: 3000 }] });
  });

  it('a fee said to be inside the payment is not paid again', () => {
    const out = flows('借1000，10天后还1150，其中第10天的服务费50已经含在里面');
    expect(out.ok && out.flows.payments).toEqual([{ day: 10, amount: 1150 }]);
  });

  it('第二天被扣 is still a deduction from what arrived', () => {
    const out = flows('借6000，放款后第二天被扣600的服务费，净到手5400，21天后还6000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5400, payments: [{ day: 21, amount: 6000 }] });
  });
});

describe('descriptions-15: the basis of flat interest named as the original amount', () => {
  it('利息按原来的2万每月1.5%算 beside the principal each period', () => {
    const out = flows('借2万，10期，每期还本金2000，利息按原来的2万每月1.5%算');
    expect(out.ok && out.flows.payments).toEqual(months(10, 2300));
  });
});

describe('descriptions-15: interest-only with the principal said again at the end', () => {
  it('满6个月还本10万 is the principal, with that month\'s interest', () => {
    const out = flows('借10万，月息2%，每个月还利息2000，满6个月还本10万');
    expect(out.ok && out.flows.payments).toEqual([...months(5, 2000), { month: 6, amount: 102000 }]);
  });

  it('第6个月还本金10万 still asks whether that month\'s interest comes with it', () => {
    const out = flows('借10万，月息2%，每个月还利息2000，第6个月还本金10万');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-15: 万 typed as 完, bullet said as 本息一次还', () => {
  it('借了两完 is 2万', () => {
    const out = flows('借了两完，分10期，每期还2300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 20000, payments: months(10, 2300) });
  });

  it('到期本息一次还 with a monthly rate is one payment at the end', () => {
    const out = flows('借2万，月息1.5%，借4个月，到期本息一次还');
    expect(out.ok && out.flows.payments).toEqual([{ month: 4, amount: 21200 }]);
  });
});

describe('descriptions-15: a loan named among several', () => {
  it('the numbers after the question that names the loan are that loan\'s', () => {
    const out = flows('两个平台都借了，a借了5000，b借了8000，我问b那笔，分10期每期还1000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: months(10, 1000) });
  });

  it('就算这笔 is the one loan told with its amount', () => {
    const out = flows('我有两笔贷款，车贷那笔不提了，另一笔在网上借了4000，到手3600，分4期每月还1150，就算这笔');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 4000, received: 3600, payments: months(4, 1150) });
  });

  it('帮我算这笔 after two loans with amounts is still asked', () => {
    const out = flows('借了两笔，一笔借5000分5期每期1100，一笔借8000分10期每期900，帮我算这笔');
    expect(out.ok).toBe(false);
  });

  it('她借的那笔我不管 sets that loan aside', () => {
    const out = flows('我妈借了2万那笔我不管，我自己的：借了6000，分6期，每月1100');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: months(6, 1100) });
  });
});
