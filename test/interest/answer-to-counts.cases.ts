/**
 * The bare number read as the answer to the check's question is never a count of something else: "一家小贷公司"
 * names one lender, not a payment of 1 yuan; a count of the term asked for ("还12期吧") still answers it.
 */
import { interestKit as kit } from '../support/interest-kit';

const AT = new Date('2026-12-01T10:00:00+08:00');

describe('answerTo: counts of something else are not the number asked for', () => {
  it.each([
    ['payment', '就是一家小贷公司的app 前年5月份借的'],
    ['payment', '找的一个人 朋友的朋友'],
    ['received', '催了3次了 我也记不清'],
  ] as const)('%s asked; "%s" gives none', (missing, answer) => {
    const facts = kit.parseLoanText('借了2万 到手只有1万6 说扣了4000手续费', AT);
    const completed = kit.answerTo(missing, answer, AT, facts);
    expect(completed.payment).toBeUndefined();
    expect(completed.received).toBe(16000);
  });

  it('a count of periods still answers 还几期', () => {
    const facts = kit.parseLoanText('借了5000 到手4000 每月还600', AT);
    expect(kit.answerTo('term', '好像是10', AT, facts).term?.count).toBe(10);
  });
});
