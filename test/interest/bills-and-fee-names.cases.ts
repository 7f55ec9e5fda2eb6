/**
 * Issue 13, descriptions-26's shapes in new wordings: an app's bill copied line by line (a label, a space, the
 * number, sometimes with ¥, and a label on the next line that starts with a unit word: 期数, 期限), fees whose name
 * the cue lists do not hold (开户费, 激活费: counted like any fee or asked, never dropped), and a fee whose timing
 * the borrower says was not made clear (asked). Expectations come from the loan's own numbers or from the same
 * loan said in plain words, never from the parser's output.
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

describe('an app bill copied line by line reads as the same loan said in a sentence', () => {
  it.each([
    ['借款本金 8,000.00\n实际到账 7,400.00\n期数 6期\n每期还款 1,480.00', 8000, 7400, 6, 1480],
    ['申请金额：¥12,000.00\n到账金额 ¥11,200.00\n期限 12 期\n每期应还 ¥1,150.00\n放款日期 2025-03-09', 12000, 11200, 12, 1150],
    ['借款金额 4000\n到手金额 3600\n期数 4\n每期应还 1120', 4000, 3600, 4, 1120],
  ])('%j', (text, principal, received, n, pay) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received, payments: months(n, pay) });
  });
});

describe('a fee under a name the lists do not hold is counted like a listed one, never dropped', () => {
  it.each(['开户费', '激活费', '建档费', '授信费'])('%s taken at signing', (name) => {
    const out = flows(`借了1万，放款时扣了${name}600，分10期每期1100`);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 10000, received: 9400, payments: months(10, 1100) });
  });

  it('a one-off fee of an unlisted name beside a full payout is not silently left out', () => {
    const out = flows('借款15000，另外交了一次性入会费500，分12期每期1400');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 15000, received: 14500, payments: months(12, 1400) });
  });

  it('an unlisted fee each instalment is added to every instalment', () => {
    const out = flows('借款6000，分6期，每期还1100，每期另收账户维护费25');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 6000, payments: months(6, 1125) });
  });

  it.each(['借了5000交学费，分5期每期1100', '借了8000付了住院费，分8期每期1100'])('what the money paid for is no fee: %s', (text) => {
    const out = flows(text);
    expect(out.ok && out.flows.received).toBe(out.ok ? out.flows.contractPrincipal : -1);
  });
});

describe('a fee whose timing was not made clear is asked, not guessed', () => {
  it.each([
    '借款6000，到账6000，分6期每期1100，还有600的审核费，是放款时扣还是分到每期没讲清楚',
    '借了2万，全额到账，每月还1900，12期，另外有1000的管理费，什么时候收没说明白',
  ])('%s', (text) => {
    expect(flows(text).ok).toBe(false);
  });
});
