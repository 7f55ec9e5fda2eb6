/**
 * From descriptions-10 and descriptions-11 (each scored once, now development data): how often said as 还一次
 * after an every-period word, and the other shapes below. The texts are new wordings of those shapes; expected
 * flows are worked out by hand from the text.
 */
import { everyDays, flowsAt, months } from '../support/loan-shapes';

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

describe('descriptions-10: 周还 is paid every week, unless a count stands before it', () => {
  it('周还700 共10周 is ten weekly payments', () => {
    const out = flows('借6000 周还700 共10周');
    expect(out.ok && out.flows.payments).toEqual(everyDays(7, 10, 700));
  });

  it('3个月还3300 is one payment after three months, not 3300 every month', () => {
    const out = flows('借3000,3个月还3300');
    expect(out.ok && out.flows.payments).toEqual([{ month: 3, amount: 3300 }]);
  });
});

describe('descriptions-10: an aside in brackets saying what the rate is charged on', () => {
  it('月息2%(按8000算)160 stays a part of the instalment, and the fee after it is paid with each one', () => {
    const out = flows('借了8000,每月还本金2000,再加月息2%(按8000算)160,另加服务费30,4个月还完');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: months(4, 2190) });
  });
});

describe('descriptions-11: a time restated in days in brackets, and a rollover counted on from a named day', () => {
  it('两个月(60天)后还 is day 60, not month 2', () => {
    const out = flows('借2万 两个月(60天)后还22000');
    expect(out.ok && out.flows.payments).toEqual([{ day: 60, amount: 22000 }]);
  });

  it('又过了20天（也就是第30天）还了1500 keeps that payment, on day 30', () => {
    const out = flows('借4000 第10天还了1500，又过了20天（也就是第30天）还了1500，第40天还了1500');
    expect(out.ok && out.flows.payments).toEqual([10, 30, 40].map((day) => ({ day, amount: 1500 })));
  });

  it('第7天交了300展期费，再7天又交了300 is a second rollover fee on day 14', () => {
    const out = flows('借2000 7天 到手1600，第7天交了300展期费，再7天又交了300展期，第21天还清2000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 2000, received: 1600, payments: [{ day: 7, amount: 300 }, { day: 14, amount: 300 }, { day: 21, amount: 2000 }] });
  });
});

describe('descriptions-10: what is not said of the schedule is asked', () => {
  it('头两个月每月还400 with nothing said of the months after asks the payment', () => {
    expect(flows('借3000 头两个月每月还400 后面再说')).toEqual({ ok: false, missing: 'payment' });
  });

  it('two ways of repaying offered (等额本金还是等额本息) asks the payment', () => {
    expect(flows('借2万 年化18% 24期 不知道是等额本金还是等额本息')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-10: how often and how much each time', () => {
  it('每周还一次，每次700，还10周 is ten weekly payments of 700', () => {
    const out = flows('借6000,每周还一次,每次700,还10周');
    expect(out.ok && out.flows.payments).toEqual(everyDays(7, 10, 700));
  });

  it('每3个月还一次，每次还3000，共还4次 is a payment every third month', () => {
    const out = flows('借了1万,每3个月还一次,每次还3000,共还4次');
    expect(out.ok && out.flows.payments).toEqual([3, 6, 9, 12].map((month) => ({ month, amount: 3000 })));
  });

  it('每次400 after a rollover said is still the rollover fee', () => {
    const out = flows('借2000 7天到期 展期了两次 每次400 第21天还清2000');
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 400 }, { day: 14, amount: 400 }, { day: 21, amount: 2000 }]);
  });

  it('every two months with no count of payments asks the term', () => {
    expect(flows('借了2万,每两个月还5500')).toEqual({ ok: false, missing: 'term' });
  });

  it('a term typed with a space after a comma (,6 个月) is the term', () => {
    const out = flows('借款9000,年利率12%,等额本金,6 个月');
    expect(out.ok && out.flows.payments).toEqual([1590, 1575, 1560, 1545, 1530, 1515].map((amount, i) => ({ month: i + 1, amount })));
  });
});

describe('descriptions-11: what was disbursed, a fee, and what was left', () => {
  it('放款20000 … 扣了2000担保费 实际只有18000: the fee explains the difference, 18000 arrived', () => {
    const out = flows('借2万 12期 每期2000 放款20000 但是又扣了2000担保费 实际只有18000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 18000, payments: months(12, 2000) });
  });

  it('a second amount the fee does not explain is still asked', () => {
    expect(flows('借2万 12期 每期2000 放款20000 但是又扣了1000担保费 实际只有18000')).toEqual({ ok: false, missing: 'received' });
  });
});

describe('descriptions-10: a schedule in stages whose months are all said', () => {
  it('前4个月每月还1000，后8个月每月还2500 is twelve payments in two stages', () => {
    const out = flows('借2万,前4个月每月还1000,后8个月每月还2500');
    expect(out.ok && out.flows.payments).toEqual([...months(4, 1000), ...months(12, 2500).slice(4)]);
  });

  it('第1到2个月每月还300，第3个月一次还清9300', () => {
    const out = flows('借9000,第1到2个月每月还300,第3个月一次还清9300');
    expect(out.ok && out.flows.payments).toEqual([...months(2, 300), { month: 3, amount: 9300 }]);
  });

  it('头3期每期只还200，从第4期开始每期还2000，还到第9期结束', () => {
    const out = flows('借1万,头3期每期只还200,从第4期开始每期还2000,还到第9期结束');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 200), ...months(9, 2000).slice(3)]);
  });

  it('a first stage with nothing said after it is asked', () => {
    expect(flows('借1万,前3个月每月还1000,后面的还没商量')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-11: an instalment with its parts, and said again with its fee', () => {
  it('每月还1150（本金1000+利息150）: the parts in brackets are the instalment, not another loan', () => {
    const out = flows('借8000 分8个月 每月还1150（本金1000+利息150） 到手7500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 7500, payments: months(8, 1150) });
  });

  it('每期还本息1100，每期另外收服务费50，所以每期1150 is one instalment of 1150', () => {
    const out = flows('借6000 6期 每期还本息1100，每期另外收服务费50，所以每期1150');
    expect(out.ok && out.flows.payments).toEqual(months(6, 1150));
  });

  it('two instalments the fee does not explain are still asked', () => {
    expect(flows('借6000 6期 每期还本息1100，每期另外收服务费50，所以每期1200')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-11: a hedge taken back right after the amount', () => {
  it('每期好像是1100 没错 is 1100 each period', () => {
    const out = flows('借5000 分5期 每期好像是1100 没错 到手4500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4500, payments: months(5, 1100) });
  });

  it('每期好像是1100 with nothing after it is still asked', () => {
    expect(flows('借5000 分5期 每期好像是1100 到手4500')).toEqual({ ok: false, missing: 'payment' });
  });
});
