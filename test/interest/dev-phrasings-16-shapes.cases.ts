/**
 * Shapes from dev-phrasings-16 (written before the changes): the amount before its period (还100每天), a period
 * between the instalment and its count (1k per month x 12), a part followed by another part with its own number
 * (本金1250再加手续费300), the last of several timed payments told as 剩下的, the other loan set aside by 她那笔, and
 * an expense (房租每月1500) that is not this loan's. The texts are new wordings; flows are worked out by hand.
 */
import { flowsAt, months, everyDays } from '../support/loan-shapes';

const AT = new Date('2026-12-06T12:00:00+08:00');
const flows = flowsAt(AT);
const days = (n: number, amount: number) => everyDays(1, n, amount);

describe('dev-phrasings-16: the amount said before its period', () => {
  it('还50每天 20天 is twenty daily payments of 50', () => {
    const out = flows('借了800，还50每天，20天');
    expect(out.ok && out.flows.payments).toEqual(days(20, 50));
  });

  it('每天利息5块 (no paying verb before the amount) is still no daily schedule', () => {
    const out = flows('借了800，利息5块每天，20天');
    expect(out.ok && out.flows.payments.length === 20).toBeFalsy();
  });

  it('2k per month x 6 is six monthly payments', () => {
    const out = flows('borrowed 10k, 2k per month x 6');
    expect(out.ok && out.flows.payments).toEqual(months(6, 2000));
  });
});

describe('dev-phrasings-16: parts of an instalment each with its own number', () => {
  it('每期还本金500再加服务费40 is 540 each, not 1080', () => {
    const out = flows('借6000，分12期，每期还本金500再加服务费40，到手6000');
    expect(out.ok && out.flows.payments).toEqual(months(12, 540));
  });
});

describe('dev-phrasings-16: payments told clause by clause', () => {
  it('第三个月把剩下的 N 还清 is the third payment', () => {
    const out = flows('借了5000。第一个月还了1000。第二个月还了2000。第三个月把剩下的2500还清了');
    expect(out.ok && out.flows.payments).toEqual([
      { month: 1, amount: 1000 },
      { month: 2, amount: 2000 },
      { month: 3, amount: 2500 },
    ]);
  });
});

describe('dev-phrasings-16: numbers of other things', () => {
  it('她那笔2000的不用管 sets her loan aside', () => {
    const out = flows('我跟我妹各借了一笔，她那笔2000的不用管，我的借了4000，每月还400，还12个月');
    expect(out.ok && out.flows.contractPrincipal).toBe(4000);
    expect(out.ok && out.flows.payments).toEqual(months(12, 400));
  });

  it('房租每月1200 is an expense, not the instalment', () => {
    const out = flows('房租每月1200，借了6000，每月还600，还12期');
    expect(out.ok && out.flows.payments).toEqual(months(12, 600));
  });
});

describe('dev-phrasings-16: a fee each period that is the monthly rate in money', () => {
  it('月费率0.5% with 每期本金1000加手续费100 on 2万 counts the fee once (1100 each)', () => {
    const out = flows('借2万分20期，月费率0.5%，每期还本金1000再加手续费100');
    expect(out.ok && out.flows.payments).toEqual(months(20, 1100));
  });

  it('月利率0.5% with the same parts asks the instalment (fee on top of the interest, or the interest itself?)', () => {
    const out = flows('借2万分20期，月利率0.5%，每期还本金1000再加手续费100');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.missing).toBe('payment');
  });
});

describe('dev-phrasings-16: a lead-in before the instalments (grace, interest only)', () => {
  const from = (first: number, n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: first + i, amount }));

  it('前2个月不用还，之后每月还1000，一共还10期 is ten payments from month 3', () => {
    const out = flows('借8000，前2个月不用还，之后每月还1000，一共还10期');
    expect(out.ok && out.flows.payments).toEqual(from(3, 10, 1000));
  });

  it('有2个月宽限期 reads the same', () => {
    const out = flows('借8000，有2个月宽限期，之后每月还1000，一共10期');
    expect(out.ok && out.flows.payments).toEqual(from(3, 10, 1000));
  });

  it('a grace with the term in months (还10个月: with or without the grace?) is asked, not read as a 2-month term', () => {
    const out = flows('借8000，前2个月不用还，之后每月还1000，还10个月');
    expect(out.ok).toBe(false);
  });

  it('头两个月只还利息 then a larger instalment is a schedule in stages: asked', () => {
    const out = flows('借6000，头两个月只还利息100，后面每月还1100还6个月');
    expect(out.ok).toBe(false);
  });

  it('前5个月每月还利息150，第6个月还6150 is that schedule', () => {
    const out = flows('借6000，前5个月每月还利息150，第6个月还6150');
    expect(out.ok && out.flows.payments).toEqual([...from(1, 5, 150), { month: 6, amount: 6150 }]);
  });
});

describe('dev-phrasings-16: rough counts in a narrative are not amounts', () => {
  it('一天打60多个 does not make the principal unsure', () => {
    const out = flows('借了7000，每月还700，12期，他们天天打电话，一天打60多个');
    expect(out.ok && out.flows.payments).toEqual(months(12, 700));
  });

  it('每期还600多 is still a rough amount, asked', () => {
    const out = flows('借了7000，每期还600多，12期');
    expect(out.ok).toBe(false);
  });
});

describe('dev-phrasings-16: a fee each period on a loan repaid once', () => {
  it('一年后还12000，中间每个月付100管理费 is asked (each month, or once with the payment?)', () => {
    const out = flows('借了10000，一年后还12000，中间每个月还要付100管理费');
    expect(out.ok).toBe(false);
  });

  it('a one-month loan with its fee still adds the fee to the one payment', () => {
    const out = flows('借了2000，一个月后还2200，每期另收服务费20');
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 2220 }]);
  });
});

describe('dev-phrasings-16: what is still owed or left is not the loan', () => {
  it('还了8期还差4期 is twelve instalments, not four', () => {
    const out = flows('借了6000，每月还600，还了8期还差4期');
    expect(out.ok && out.flows.payments).toEqual(months(12, 600));
  });

  it('还有3期没还，一共12期 is twelve instalments', () => {
    const out = flows('借了6000，每月还600，还有3期没还，一共12期');
    expect(out.ok && out.flows.payments).toEqual(months(12, 600));
  });

  it('现在还欠4500 is the balance, not a total repaid: the term is asked', () => {
    const out = flows('借1万5，每月1500，还了一年，现在还欠4500');
    expect(out.ok).toBe(false);
  });
});

describe('dev-phrasings-16: narrative after the loan', () => {
  it('没还上，现在说要还… is a demand after default, not the agreed repayment', () => {
    const out = flows('借5000，7天，到期还6000，没还上，现在说要还8000');
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 6000 }]);
  });

  it('然后又借了一笔 is a second loan: which one is asked', () => {
    const out = flows('借2000，到手1600，7天还2000，然后又借了一笔');
    expect(out.ok).toBe(false);
  });

  it('每周续期一次要交500，续了2次 is two rollovers, not one', () => {
    const out = flows('借5000，一周后还5500，每周续期一次要交500，续了2次，第3周还了5500');
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 500 }, { day: 14, amount: 500 }, { day: 21, amount: 5500 }]);
  });
});

describe('dev-phrasings-16: interest each month or a fee spread, with the amount each period not said', () => {
  it('到期还8800，借期4个月，按月付息 asks how much each month', () => {
    const out = flows('借了8000，到期要还8800，借期4个月，按月付息');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.missing).toBe('payment');
  });

  it('手续费300分6期收 asks the instalment (inside it or on top?)', () => {
    const out = flows('借了6000，分6期，每期1100，手续费300分6期收');
    expect(out.ok).toBe(false);
  });

  it('a fee taken at signing is still one fee (手续费300放款时扣)', () => {
    const out = flows('借了6000，分6期，每期1100，手续费300放款时扣');
    expect(out.ok && out.flows.received).toBe(5700);
  });
});

describe('dev-phrasings-16: a payment at a named time beside an instalment', () => {
  it('每月还700，第5个月一次性结清还了2800 is not four payments of 700 (total ÷ instalment): asked', () => {
    const out = flows('借了4000，每月还700，第5个月一次性结清还了2800');
    expect(out.ok).toBe(false);
  });

  it('每月还700，一共还了2800 still counts four instalments', () => {
    const out = flows('借了2500，每月还700，一共还了2800');
    expect(out.ok && out.flows.payments).toEqual(months(4, 700));
  });
});

describe('dev-phrasings-16: a deduction that explains what arrived, and another fee', () => {
  it('到手7000，砍头1000 (of 8000) and 另外还交了300的会员费: 6700 received, not 5700', () => {
    const out = flows('借8000，到手7000，砍头1000，每月还800，12期，另外还交了300的会员费');
    expect(out.ok && out.flows.received).toBe(6700);
  });
});

describe('dev-phrasings-16: income said per month is not an instalment', () => {
  it('我的工资是每月4000 beside 每期还450 keeps the instalment', () => {
    const out = flows('借了5000，每期还450，共12期，我的工资是每月4000');
    expect(out.ok && out.flows.payments).toEqual(months(12, 450));
  });
});

describe('dev-phrasings-16: terms and schedules said loosely', () => {
  it('还款期限一年半 is 18 months, not 12', () => {
    const out = flows('借了9000，月还600，还款期限一年半');
    expect(out.ok && out.flows.payments).toEqual(months(18, 600));
  });

  it('日还60，还一年 asks the term (daily, not 12 monthly payments of 60)', () => {
    const out = flows('借了8000，日还60，还一年');
    expect(out.ok).toBe(false);
  });

  it('月息2%，借4个月，到期还本 asks (interest monthly or at the end?)', () => {
    const out = flows('借了5000，月息2%，借4个月，到期还本');
    expect(out.ok).toBe(false);
  });

  it('月息2%，借4个月，到期还本付息 is one payment of both', () => {
    const out = flows('借了5000，月息2%，借4个月，到期还本付息');
    expect(out.ok && out.flows.payments).toEqual([{ month: 4, amount: 5400 }]);
  });
});
