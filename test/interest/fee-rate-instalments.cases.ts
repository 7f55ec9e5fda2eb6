/**
 * Issue 13, credit-card and app instalments told by a fee rate each period (descriptions-26's shapes, new
 * wordings): 月手续费率 as a monthly rate, an instalment worked out from its named parts (本金1000+手续费48=1048, read
 * once, not the parts again as fees), '每期还本金1000加手续费' with the fee rate given (the fee is that rate's money)
 * or with no rate at all (asked, never left out). Expectations come from the loan's own numbers.
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
const cents = (x: number) => Math.round(x * 100) / 100;

describe('a fee rate each period on the amount split is the instalment fee', () => {
  it.each([
    ['信用卡账单分期24000元，分24期，月手续费率0.5%', 24000, 24, 0.5],
    ['现金分期9000，分9期，每期费率0.6%，手续费按9000算，每期还本金1000加手续费', 9000, 9, 0.6],
    ['分期6000元，6期，每期手续费率0.8%，每期应还本金1000+手续费48=1048', 6000, 6, 0.8],
    ['分期6000元，6期，每期手续费率0.8%，每期还款=本金1000元+手续费48元=1048元', 6000, 6, 0.8],
  ])('%s', (text, principal, n, pct) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal, payments: months(n, cents(principal / n + (principal * pct) / 100)) });
  });
});

describe('a part of the instalment named without its money, and no rate to work it out, is asked', () => {
  it.each([
    '借了8000，每期还本金800加服务费，分10期',
    '借8000分10期，每月还本金800再加利息',
    '借8000分10期，每月还本金800+管理费，到手8000',
  ])('%s', (text) => {
    expect(flows(text).ok).toBe(false);
  });

  it('with the parts both priced the instalment is their sum', () => {
    const out = flows('借8000分10期，每月还本金800加管理费40');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 8000, received: 8000, payments: months(10, 840) });
  });
});
