/**
 * Answering the one question the interest check asked: the number given completes the loan, and the question is
 * not asked again (a loan whose number was rough, hedged, two-valued or forgotten keeps no 'unstated' mark once
 * the borrower says it).
 */
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { interestKit as kit } from '../support/interest-kit';

const AT = new Date('2026-04-02T10:00:00+08:00');

describe('answerTo', () => {
  it.each([
    ['借1万 合同写的1万2 到手9000 每月还1100 12期', 'principal', '合同上是12000', 12000, 9000],
    ['借了一万多 到手八千 12期每期一千', 'principal', '11000', 11000, 8000],
    ['借了5千 到手多少忘了 七天后还五千', 'received', '到手4000', 5000, 4000],
    ['借1万 到手七八千的样子 每月还1000 12期', 'received', '7500', 10000, 7500],
    // A bare number answering 到手多少 is what was received, not a new amount lent.
    ['借1万 扣了服务费 每月还1050 还12期', 'received', '7000', 10000, 7000],
  ] as const)('%s → asks %s; "%s" completes it', (text, missing, answer, principal, received) => {
    const facts = kit.parseLoanText(text, AT);
    expect(cashFlowsOf(facts)).toEqual({ ok: false, missing });
    const completed = kit.answerTo(missing, answer, AT, facts);
    const out = cashFlowsOf(completed);
    expect(out.ok && [out.flows.contractPrincipal, out.flows.received]).toEqual([principal, received]);
  });

  it('an answer that does not give the number keeps the question', () => {
    const facts = kit.parseLoanText('借了一万多 到手八千 12期每期一千', AT);
    expect(cashFlowsOf(kit.answerTo('principal', '我也不太记得', AT, facts))).toEqual({ ok: false, missing: 'principal' });
  });
});

describe('answerTo, an answer that settles the loan another way', () => {
  it('a total and a term answer 每期还多少 (the total is not read again as the payment)', () => {
    const facts = kit.parseLoanText('借条上写的1万 到手只有8千 他们说先扣2千利息', AT);
    expect(cashFlowsOf(facts)).toEqual({ ok: false, missing: 'payment' });
    const completed = kit.answerTo('payment', '借了半年 现在要我还1万2', AT, facts);
    const out = cashFlowsOf(completed);
    expect(out.ok && [out.flows.contractPrincipal, out.flows.received]).toEqual([10000, 8000]);
    expect(completed.payment).toBeUndefined();
  });
});
