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


describe('descriptions-12: a number taken back and said again in the same unit', () => {
  it('借了3万 不对 是2万 lends 20000', () => {
    const out = flows('网贷借了3万 不对 是2万，分10期每期2200，全额到账');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 20000, payments: months(10, 2200) });
  });

  it('分十二期，不对，是八期 is eight instalments', () => {
    const out = flows('借了六千块，分十二期，不对，是八期，每期还820，到手6000');
    expect(out.ok && out.flows.payments).toEqual(months(8, 820));
  });

  it('a hedge after 不对 is no restatement: still asked', () => {
    const out = flows('借了8000，分8期，每期还1100，不对，好像是1150');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-12: instalments named as examples of the schedule a rate gives', () => {
  const ep = [1180, 1165, 1150, 1135, 1120, 1105, 1090, 1075, 1060, 1045, 1030, 1015];

  it('等额本金 with the first and the last instalment named computes every instalment', () => {
    const out = flows('等额本金，借了1万2，分12期，每期本金1000，再加剩余本金1.5%的利息，第一期还1180，最后一期1015，到手12000');
    expect(out.ok && out.flows.payments).toEqual(ep.map((amount, i) => ({ month: i + 1, amount })));
  });

  it('the first instalment alone (第一期1180) is an example, not a sum paid once', () => {
    const out = flows('等额本金 借12000 分12期 每月本金1000 利息按剩余本金月1.5% 第一期1180 到账12000');
    expect(out.ok && out.flows.payments).toEqual(ep.map((amount, i) => ({ month: i + 1, amount })));
  });

  it('a named instalment that disagrees with the schedule is not taken as agreeing', () => {
    const out = flows('等额本金，借了1万2，分12期，每期本金1000，再加剩余本金1.5%的利息，第一期还1180，第三期还1200，到手12000');
    expect(out.ok && out.flows.payments).not.toEqual(ep.map((amount, i) => ({ month: i + 1, amount })));
  });

  it('第一个月还1230，然后每个月少还10块 is 等额本金 told by its first payment', () => {
    const out = flows('借了1万8分18期，等额本金，第一个月还1230，然后每个月少还10块，钱全到了');
    expect(out.ok && out.flows.payments).toEqual(Array.from({ length: 18 }, (_, i) => ({ month: i + 1, amount: 1230 - 10 * i })));
  });
});

describe('descriptions-12: an early payoff after some instalments', () => {
  it('还了3期，第4个月一次性结清付了6200 keeps the three instalments, then the payoff', () => {
    const out = flows('借了9000，分9期每期1100，还了3期，第4个月一次性结清，那个月付了6200，到手9000');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 1100), { month: 4, amount: 6200 }]);
  });

  it('正常还了2期 then 第3期提前还清 with the instalments from the rate', () => {
    const out = flows('借6000 月息1% 等额本金 6期 每期本金1000 正常还了2期 第3期提前还清4100 全额到账');
    expect(out.ok && out.flows.payments).toEqual([{ month: 1, amount: 1060 }, { month: 2, amount: 1050 }, { month: 3, amount: 4100 }]);
  });

  it('a sum far above what was left is no payoff: not read as one', () => {
    const out = flows('借了9000，分9期每期1100，还了3期，第4个月一次性结清，那个月付了20000，到手9000');
    expect(out.ok && out.flows.payments).not.toEqual([...months(3, 1100), { month: 4, amount: 20000 }]);
  });

  it('an amount with its parts in brackets, one of them a period in words, drops the parts', () => {
    const out = flows('借6000 月息2分 6期每期1120，还了3期，第4期一次结清还了3060（剩下本金3000加一个月利息60），到手6000');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 1120), { month: 4, amount: 3060 }]);
  });
});

describe('descriptions-12: the month the principal is repaid carries no interest when said so', () => {
  it('先息后本 … 第5个月把本金还了（当月不收利息） is the principal alone in month 5', () => {
    const out = flows('借3万，先息后本，每个月给利息600，到第5个月把3万本金一次还清（当月不收利息），到账3万');
    expect(out.ok && out.flows.payments).toEqual([...months(4, 600), { month: 5, amount: 30000 }]);
  });
});

describe('descriptions-12: a fee whose amount or timing is not known is asked', () => {
  it('每期另外还要交一笔管理费，多少不太清楚 asks the payment', () => {
    const out = flows('借1万5 10期 每期1700 每期另外还要交一笔管理费 多少不太清楚 到手15000');
    expect(out).toEqual({ ok: false, missing: 'payment' });
  });

  it('800的手续费，记不清是先扣的还是每期分摊的 asks what arrived', () => {
    const out = flows('借8000 8期 每期1100 另有个800的手续费 记不清是先扣的还是每期分摊的');
    expect(out).toEqual({ ok: false, missing: 'received' });
  });
});
