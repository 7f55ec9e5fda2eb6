/**
 * From descriptions-14 (scored once, now development data): the shapes it read wrong, asked or guessed. The texts
 * are new wordings of those shapes; expected flows are worked out by hand from the text (等额本息 by the annuity
 * formula, rounded to the cent).
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

/** The 等额本息 instalment of `principal` over `n` months at monthly rate `r`, to the cent. */
const annuity = (principal: number, r: number, n: number) => Math.round((principal * r * (1 + r) ** n) / ((1 + r) ** n - 1) * 100) / 100;

describe('descriptions-14: homophone typos of the repayment kind', () => {
  it('等额本希 is 等额本息', () => {
    const out = flows('在平台借了24000，月利率百分之0.9，24期等额本希');
    expect(out.ok && out.flows.payments).toEqual(months(24, annuity(24000, 0.009, 24)));
  });

  it('先西后本 is 先息后本', () => {
    const out = flows('借朋友5万，月息1.5%，先西后本，借4个月');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 750), { month: 4, amount: 50750 }]);
  });
});

describe('descriptions-14: a word with 两 in it after a dated repayment', () => {
  it('还了3500就两清了 is the last dated repayment, not a second number', () => {
    const out = flows('2025年3月2日找人借了6000，3月20日还了1500，4月25日还了1200，5月9日还了3500就两清了');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: [{ day: 18, amount: 1500 }, { day: 54, amount: 1200 }, { day: 68, amount: 3500 }] });
  });
});

describe('descriptions-14: interest paid for N periods is a count of payments, not the term', () => {
  it('交了3个月利息 then 第4个月 the principal and the interest', () => {
    const out = flows('问老板借了8000，每个月利息240，交了3个月利息，第4个月连本带利还了8240');
    expect(out.ok && out.flows.payments).toEqual([...months(3, 240), { month: 4, amount: 8240 }]);
  });

  it('付了N周利息 then 第N+1周还了本金加利息, counted in weeks', () => {
    const out = flows('借了6000，一周利息300，付了3周利息，第4周还了本金加利息6300');
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 300 }, { day: 14, amount: 300 }, { day: 21, amount: 300 }, { day: 28, amount: 6300 }]);
  });

  it('付了两个月利息后 with no month for the principal is asked, not read as a two-month loan', () => {
    const out = flows('借了5000，每月利息150，付了两个月利息后，连本带息还了5150');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-14: a timed payment named as principal plus interest before its amount', () => {
  it('第3个月还了本金和利息 is that month\'s whole payment', () => {
    const out = flows('借4000，说好3个月，每月利息120，第3个月还了本金和利息4120');
    expect(out.ok && out.flows.payments).toEqual([...months(2, 120), { month: 3, amount: 4120 }]);
  });
});

describe('descriptions-14: fees named in other words', () => {
  it('服务费 with 平台费 that explain the gap are out of what arrived, not taken again', () => {
    const out = flows('借2000 14天 到手1600（服务费250 平台费150），14天后还2000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 2000, received: 1600, payments: [{ day: 14, amount: 2000 }] });
  });

  it('保险 before its amount, taken out of the loan, is a fee at signing', () => {
    const out = flows('贷款3万，被强制买了一份保险1800，直接从放款里扣，24期每月还1500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 30000, received: 28200, payments: months(24, 1500) });
  });
});

describe('descriptions-14: numbers not known, asked instead of guessed', () => {
  it('what the bank statement shows against what the app shows is asked', () => {
    const out = flows('合同8000，APP显示到账6800，银行卡流水显示7000，30天还8000');
    expect(out.ok).toBe(false);
  });

  it('三千几 (some three thousand) is asked', () => {
    const out = flows('借了4000，到手三千几不记得了，15天还4000');
    expect(out.ok).toBe(false);
  });

  it('几 before a count word stays a count: 借了5000几个月了 keeps its 5000', () => {
    const out = flows('借了5000几个月了，每月还480，还12期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: months(12, 480) });
  });

  it('two rates offered as alternatives (百分之三还是百分之五) are asked', () => {
    const out = flows('借5000，月息百分之三还是百分之五忘了，半年后一起还');
    expect(out.ok).toBe(false);
  });
});
