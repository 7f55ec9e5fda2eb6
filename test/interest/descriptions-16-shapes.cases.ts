/**
 * From descriptions-16 (scored once, now development data) and descriptions-14's leftovers: the shapes read wrong
 * or asked. The texts are new wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-16: a fee paid after the money arrived is a payment then, not a deduction', () => {
  it('a quoted fee name with words of its own on a named day (200"账户管理费")', () => {
    const out = flows('借5000，到手4600，第10天还要交150"平台管理费"，第20天还5000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4600, payments: [{ day: 10, amount: 150 }, { day: 20, amount: 5000 }] });
  });

  it('a fee taken from the card days after the loan, everything having arrived', () => {
    const out = flows('借2500，到手2500，10天后还2500，可是借款第3天被自动扣了199元的"提额卡"会员费');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 2500, received: 2500, payments: [{ day: 3, amount: 199 }, { day: 10, amount: 2500 }] });
  });

  it('a fee with one named instalment is added to that instalment only', () => {
    const out = flows('借3万到手3万，每月还2800，分12期，第5个月的时候还得多交一笔"风险金"1500');
    const want = months(12, 2800).map((p) => (p.month === 5 ? { ...p, amount: 4300 } : p));
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 30000, received: 30000, payments: want });
  });

  it('a fee paid when repaying a one-payment loan comes with that payment', () => {
    const out = flows('借1000，到手1000，14天后还1000，还钱的时候还得交"服务费"120');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 1000, received: 1000, payments: [{ day: 14, amount: 1120 }] });
  });

  it('a fee paid when repaying, beside several instalments, is asked (each one or the last?)', () => {
    const out = flows('借1万 到手1万 分10期每期1100 另外还款时还要交服务费300');
    expect(out.ok).toBe(false);
  });

  it('guard: the first month’s interest deducted at signing stays a deduction', () => {
    const out = flows('借1万，第一个月利息500放款时直接扣了，每月还1000，还12期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 9500, payments: months(12, 1000) });
  });
});

describe('descriptions-16: what the borrower worked out is no amount of the loan', () => {
  it('多给了300 after dated repayments is the excess, not what arrived', () => {
    const out = flows('4月10号借了同学8000，4月25号还了4000，5月10号又还了4300，他说两清了，我算了下多给了300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: [{ day: 15, amount: 4000 }, { day: 30, amount: 4300 }] });
  });
});

describe('descriptions-16: a number taken back after saying where it was looked up', () => {
  it('不对，看了一下合同，是2.5万 replaces the amount lent', () => {
    const out = flows('借了3万，不对，看了一下合同，是2.5万，每月还2500，分12期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 25000, received: 25000, payments: months(12, 2500) });
  });
});

describe('descriptions-14: a plan, then what was actually paid', () => {
  it('说好…结果: the payments made count, not the plan', () => {
    const out = flows('借了5000，说好半个月后还5500，结果第10天只还了2000，第20天还了3600');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: [{ day: 10, amount: 2000 }, { day: 20, amount: 3600 }] });
  });

  it('原本该…其实: one late payment on a named day', () => {
    const out = flows('借1000，14天的，到手900，原本该第14天还，其实拖了三天，第17天才还的1000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 1000, received: 900, payments: [{ day: 17, amount: 1000 }] });
  });

  it('guard: a plan with nothing paid after it stays the schedule', () => {
    const out = flows('借了8000，说好两个月后还9000，结果还不上');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: [{ month: 2, amount: 9000 }] });
  });
});

describe('descriptions-14: the first month’s interest deducted at signing, interest paid from the second month', () => {
  it('the months after the deduction are paid, the last with the principal', () => {
    const out = flows('借5万，月息1.5%，先息后本4个月，第一个月的利息750放款时就扣掉了，第二个月、第三个月各付750，第四个月还本金加利息');
    expect(out.ok && out.flows).toEqual({
      contractPrincipal: 50000,
      received: 49250,
      payments: [{ month: 2, amount: 750 }, { month: 3, amount: 750 }, { month: 4, amount: 50750 }],
    });
  });

  it('guard: interest said to be paid from the first month too (in advance) keeps month 1', () => {
    const out = flows('借2万，月息2%，先息后本，第一个月利息400放款时扣了，然后第1个月到第5个月每月付利息400，第6个月还本金2万加利息400');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 20000, received: 19600, payments: [...months(5, 400), { month: 6, amount: 20400 }] });
  });
});

describe('descriptions-16: a loan typed in pinyin', () => {
  it('jie le … dao shou … tian hou huan reads as a loan repaid once', () => {
    const out = flows('jie le 4000, dao shou 3600, 10 tian hou huan 4000');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 4000, received: 3600, payments: [{ day: 10, amount: 4000 }] });
  });

  it('fen … qi, meiqi huan reads as instalments', () => {
    const out = flows('wo jie le 1w, daoshou 9000, fen 6 qi, meiqi huan 1800');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 9000, payments: months(6, 1800) });
  });
});

describe('descriptions-16: what is not known is asked, not guessed', () => {
  it('the count of instalments forgotten (期数忘了 大概一年) asks the term', () => {
    const out = flows('借了1.2万 每期还1100 期数忘了 大概一年');
    expect(out).toEqual({ ok: false, missing: 'term' });
  });

  it('two due times offered (月底还2300，还是下个月来着) asks the term', () => {
    const out = flows('借了2000，月底还2300，还是下个月来着');
    expect(out).toEqual({ ok: false, missing: 'term' });
  });

  it('a fee named with no amount, everything having arrived, is asked about', () => {
    const out = flows('借了5000 到手5000 还得交服务费 每月还500 还12个月');
    expect(out.ok).toBe(false);
  });

  it('guard: a fee named with no amount that explains what did not arrive is that gap', () => {
    const out = flows('借了5000 到手4500 说是扣了服务费 每月还500 还12个月');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 4500, payments: months(12, 500) });
  });
});

describe('descriptions-16: a rate said with 才 / 只有 before its number', () => {
  it('月息才一分二 with the principal part and interest on the whole amount is flat', () => {
    const out = flows('中介说月息才一分二，不高。借了3万，到手3万，分12期，每个月还2500本金加上按3万算的利息');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 30000, received: 30000, payments: months(12, 2860) });
  });
});

describe('descriptions-16: payments at a list of times not read are asked, not guessed', () => {
  it('第4、8、12个月各付利息 asks what is paid when', () => {
    const out = flows('借了朋友5万，一年，第4、8、12个月各付2000利息，第12个月把本金一起还了');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-16: an instalment said as the sum of its parts', () => {
  it('每期本金+利息, 另外每月服务费, 每期合计 is that sum once', () => {
    const out = flows('借了6万，到账6万，月利率1%按本金算，分12期，每期还本金5000加利息600，另外每月服务费200，一起扣，每期合计5800');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 60000, received: 60000, payments: months(12, 5800) });
  });
});
