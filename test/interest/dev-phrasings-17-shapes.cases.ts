/**
 * Shapes of dev-phrasings-17 (own set, scored once before the parser changed): interest on what is left
 * (利息按剩余本金算) with a monthly rate, the first instalment days after the loan (首期还款日为借款后第10天),
 * 本金的10%加利息100 each month, numbers said in English words, and near-misses that must be asked. The texts are
 * new wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months, parseLoan } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('dev-phrasings-17: English number words', () => {
  it('"eight thousand" and "seven hundred and fifty" are amounts', () => {
    const out = flows('borrowed eight thousand, pay seven hundred and fifty a month for twelve months');
    expect(out.ok && out.flows.contractPrincipal).toBe(8000);
    expect(out.ok && out.flows.payments).toEqual(months(12, 750));
  });

  it('"5 thousand" (digits then a scale word) is 5000', () => {
    const out = flows('borrowed 5 thousand, pay back 6 thousand after 30 days');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: [{ day: 30, amount: 6000 }] });
  });

  it('"three thousand five hundred" with "got three thousand"', () => {
    const out = flows('I borrowed three thousand five hundred, got three thousand, repay four thousand after 14 days');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3500, received: 3000, payments: [{ day: 14, amount: 4000 }] });
  });
});

describe('dev-phrasings-17: English words that are not the loan\'s numbers', () => {
  it('"two loans" asks which loan (the number word is not an amount)', () => {
    expect(flows('I have two loans, one is 5k and the other is 3k, I pay 800 a month for 12 months')).toEqual({ ok: false, missing: 'principal' });
  });

  it('an age in words is no year of the contract', () => {
    const facts = parseLoan('borrowed 10k, pay 1k a month for 12 months, I am twenty five years old', AT);
    expect(facts.contractDate).toBeUndefined();
    expect(facts.payment).toBe(1000);
  });
});

describe('dev-phrasings-17: interest on what is left, with a monthly rate', () => {
  it('本金每月还一样多 + 利息按剩下的本金算 is 等额本金', () => {
    const out = flows('借4000，分4个月，月息3%，本金每月还一样多，利息按剩下的本金算');
    expect(out.ok && out.flows.payments).toEqual([
      { month: 1, amount: 1120 },
      { month: 2, amount: 1090 },
      { month: 3, amount: 1060 },
      { month: 4, amount: 1030 },
    ]);
  });

  it('每月还的钱一样 + 利息按剩余本金算 is 等额本息', () => {
    const out = flows('借6000，月息1%，6期，每月还的钱一样，利息按剩余本金算');
    expect(out.ok && out.flows.payments).toEqual(months(6, 1035.29));
  });

  it('按剩余本金算 with a rate and nothing said of which instalment is equal: asked, never flat', () => {
    expect(flows('借6000，月息1%，分6期，利息按剩余本金算')).toEqual({ ok: false, missing: 'payment' });
  });

  it('按剩余本金算 with principal parts and no rate: asked, not a loan without interest', () => {
    expect(flows('借8000，分8期每月还本金1000，利息按没还的本金算')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('dev-phrasings-17: the first instalment days after the loan', () => {
  it('首期还款日为借款后第12天, then monthly: days 12, 42, 72, 102', () => {
    const out = flows('借4000，分4期，每期还1150，首期还款日为借款后第12天');
    expect(out.ok && out.flows.payments).toEqual([12, 42, 72, 102].map((day) => ({ day, amount: 1150 })));
  });

  it('a first instalment on day 35 is not a month: days 35, 65, 95', () => {
    const out = flows('借3000，每期还1100，分3期，首期还款日为借款后第35天');
    expect(out.ok && out.flows.payments).toEqual([35, 65, 95].map((day) => ({ day, amount: 1100 })));
  });

  it('a first instalment on day 30 is a month: months 1, 2, 3', () => {
    const out = flows('借3000，每期还1100，分3期，首期还款日为借款后第30天');
    expect(out.ok && out.flows.payments).toEqual(months(3, 1100));
  });

  it('the first instalment days after the loan with the instalment by a rate: asked', () => {
    expect(flows('借4000，月息2%，等额本息4期，首期还款日为借款后第12天')).toEqual({ ok: false, missing: 'payment' });
  });
});

describe('dev-phrasings-17: a share of the principal plus interest each month', () => {
  it('每月还本金的25%加利息60 is four payments of 1060', () => {
    expect(flows('借4000，每个月还本金的25%加利息60，4个月')).toEqual({ ok: true, kind: 'schedule', flows: { contractPrincipal: 4000, received: 4000, payments: months(4, 1060) } });
  });

  it('the term follows from the share when it is not said', () => {
    const out = flows('借4000，每月还款本金的25%再加利息60');
    expect(out.ok && out.flows.payments).toEqual(months(4, 1060));
  });

  it('without the interest amount it is asked', () => {
    expect(flows('借4000，每月还本金的25%加利息').ok).toBe(false);
  });
});

describe('dev-phrasings-17: a term said then doubted', () => {
  it('10天后还…还是20天来着 asks the term', () => {
    expect(flows('借2000，10天后还2300，还是20天来着')).toEqual({ ok: false, missing: 'term' });
  });
});
