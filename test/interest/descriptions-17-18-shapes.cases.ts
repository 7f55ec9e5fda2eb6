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

describe('descriptions-18: 一个月 before what is paid each month is how often; the other length is the term', () => {
  it('一个月还X beside 要还N个月', () => {
    const out = flows('在app上借了六千，到手五千四，一个月还七百，要还十个月');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5400, payments: months(10, 700) });
  });

  it('a monthly rate said per 一个月, the principal and interest paid once after 半年', () => {
    const out = flows('找亲戚借了三万，说好一个月一分的利，半年后连本带利还清');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 30000, received: 30000, payments: [{ month: 6, amount: 31800 }] });
  });

  it('interest each month, the principal with the last month’s interest', () => {
    const out = flows('借了同事8000，一个月给他利息200，借了4个月，最后一个月本金一起还了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: [{ month: 1, amount: 200 }, { month: 2, amount: 200 }, { month: 3, amount: 200 }, { month: 4, amount: 8200 }] });
  });

  it('guard: 一个月还X with no other length is one payment after a month', () => {
    const out = flows('借3000，一个月还3300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 3000, payments: [{ month: 1, amount: 3300 }] });
  });
});

describe('descriptions-17/18: the first instalment deducted when the money was lent', () => {
  it('with what arrived said: the rest from the first month after the loan', () => {
    const out = flows('贷了9000，分9期每期还1100，第一期在下款那天就先扣掉了，实际到账7900');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 7900, payments: months(8, 1100) });
  });

  it('with nothing arrived said: the principal less one instalment arrived', () => {
    const out = flows('借6000，分10期，每期700，签合同当天直接把首期扣了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5300, payments: months(9, 700) });
  });

  it('what arrived disagreeing with one instalment deducted is asked', () => {
    const out = flows('借6000，分10期，每期700，第一期放款时就扣了，到手5000');
    expect(out).toEqual({ ok: false, missing: 'received' });
  });

  it('guard: the first month’s interest with its amount deducted stays a deduction, every instalment paid', () => {
    const out = flows('借8000，第一个月的利息400在放款时扣了，每月还900，还10期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 7600, payments: months(10, 900) });
  });
});

describe('descriptions-18: interest at a rate paid every few months, the principal with the last', () => {
  it('每季度付息 with a yearly rate over two years', () => {
    const out = flows('借了10万，年利率8%，每季度付息，到期还本，期限两年');
    const want = Array.from({ length: 8 }, (_, i) => ({ month: 3 * (i + 1), amount: i === 7 ? 102000 : 2000 }));
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 100000, received: 100000, payments: want });
  });

  it('半年付一次利息 is no term of half a year', () => {
    const out = flows('先息后本借了8万，年化9%，每半年付一次利息，三年后还本金');
    const want = Array.from({ length: 6 }, (_, i) => ({ month: 6 * (i + 1), amount: i === 5 ? 83600 : 3600 }));
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 80000, received: 80000, payments: want });
  });

  it('a quarter that does not divide the term is asked, not read as monthly interest', () => {
    const out = flows('借了6万，年化12%，按季度付息，先息后本，借10个月');
    expect(out).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('descriptions-18: what was given to settle early is a payment, not what arrived', () => {
  it('一次性结清给了X after some instalments', () => {
    const out = flows('借2万，到手2万，分10期每期2300，还了3期，第4期一次性结清给了15500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 20000, payments: [...months(3, 2300), { month: 4, amount: 15500 }] });
  });

  it('guard: 给了 before any settling is what arrived', () => {
    const out = flows('借5000，实际给了4500，分5期每期1100，还清了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4500, payments: months(5, 1100) });
  });
});

describe('descriptions-17/18: a term or an amount not known is asked, not guessed', () => {
  it('how many days, forgotten', () => {
    expect(flows('借八百 一天利息十块 后天到期 借了多少天记不清了')).toEqual({ ok: false, missing: 'term' });
  });

  it('a count taken back with a hedge, then forgotten', () => {
    expect(flows('跟朋友借了6000，每个月还他500，一共还了12个月，哎不对好像是14个月，记不太清了')).toEqual({ ok: false, missing: 'term' });
  });

  it('what arrives depends on the review', () => {
    expect(flows('申请了3万，到手多少还不确定，每月还2900，12期')).toEqual({ ok: false, missing: 'received' });
  });

  it('guard: how many were paid, forgotten, is no term asked', () => {
    const out = flows('借了9000 每月还1000 已经还了几期我忘了 一共10期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 9000, payments: months(10, 1000) });
  });
});

describe('descriptions-18: an instalment missed and a later one paid with another amount', () => {
  it('is asked, not the agreed schedule computed', () => {
    expect(flows('借了7000，分7期每期1100，第5期没还上，第6期补交了2300')).toEqual({ ok: false, missing: 'payment' });
  });

  it('guard: overdue from some instalment on, nothing else paid said, keeps the agreed schedule', () => {
    const out = flows('借了7000，分7期每期1100，从第5期开始逾期了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 7000, received: 7000, payments: months(7, 1100) });
  });
});

describe('descriptions-17: 一次还X after how often a payment falls is the amount each time', () => {
  it('every half month, 一次还700, ten times', () => {
    const out = flows('借了6000，每半个月还一次，一次还700，还10次');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: Array.from({ length: 10 }, (_, i) => ({ day: 15 * (i + 1), amount: 700 })) });
  });

  it('guard: 最后一次还X is no amount each time (a last payment unlike the others is asked)', () => {
    expect(flows('借5000，每月还一次，每次还1100，还4次，最后一次还1200')).toEqual({ ok: false, missing: 'payment' });
  });
});
