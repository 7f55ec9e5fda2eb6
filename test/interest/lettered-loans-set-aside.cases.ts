/**
 * Issue 13: several loans told under letters in English ('Loan A: credit card, don't care. Loan B: …') and a kind
 * of debt set aside by a dismissal standing alone ('甲是花呗，不用管'): the loan left is read; a set-aside debt told
 * with a lending verb (我妈借我的，不用管) is left to the rules that ask. New wordings; expectations are the
 * loan's own numbers.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const parse = createLoanTextParser(cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));

describe('a debt set aside without its amount leaves the other loan to read', () => {
  it.each([
    ["Two loans here. Loan A: credit card, don't care. Loan B: borrowed 9,000, received 8,100, 6 monthly payments of 1,700.", 9000, 8100, 6, 1700],
    ['Loan A is my credit card, do not care. Loan B: borrowed 20,000, received 20,000, 12 monthly payments of 1,900.', 20000, 20000, 12, 1900],
    ['我有两笔。甲是花呗，不用管。乙借9000，到手8100，分6期每期1700', 9000, 8100, 6, 1700],
  ])('%s', (text, principal, received, n, pay) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received, payments: months(n, pay) });
  });

  it('two lettered loans with amounts, none set aside: asked', () => {
    expect(flows('Loan A: borrowed 3,000, repay 3,600 after 7 days. Loan B: borrowed 9,000, 6 monthly payments of 1,700.').ok).toBe(false);
  });
});
