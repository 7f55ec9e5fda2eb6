/**
 * Issue 13, repayments listed by date and fortnightly instalments (descriptions-26's shapes, new wordings): the
 * loan's date alone before the clause that says it was lent ('2025-04-02 同事借我8000'), months and days typed
 * without the year ('05-02 还2000', '5/16 两千') after it, a list under a heading that carries the paying verb
 * ('还款记录：4月9日700，4月16日700'), '一次性还了' in the list, and 双周 / 隔周. Days are counted from the
 * loan's date by the calendar, here, not by the parser.
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
const dayOf = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe('payments listed by date are counted in days from the loan', () => {
  it('the loan date alone before the clause that says it was lent', () => {
    const out = flows('2025-04-02 同事借我8000，一分没扣。5月2日我还了3000，6月2日还了3000，7月10日一次性还了2600结清');
    expect(out.ok && out.flows).toEqual({
      contractPrincipal: 8000,
      received: 8000,
      payments: [
        { day: dayOf('2025-04-02', '2025-05-02'), amount: 3000 },
        { day: dayOf('2025-04-02', '2025-06-02'), amount: 3000 },
        { day: dayOf('2025-04-02', '2025-07-10'), amount: 2600 },
      ],
    });
  });

  it('months and days typed without the year, each apart from its amount', () => {
    const out = flows('放款日 2024-11-20，借款金额6000，到账5400。还款：11-27 还800；12-04 还800；12-11 还800；12-18 还800；12-25 还800；01-01 还800；01-08 还800；01-15 还800');
    const days = ['2024-11-27', '2024-12-04', '2024-12-11', '2024-12-18', '2024-12-25', '2025-01-01', '2025-01-08', '2025-01-15'];
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 6000, received: 5400, payments: days.map((d) => ({ day: dayOf('2024-11-20', d), amount: 800 })) });
  });

  it('slashed days with amounts in Chinese numerals', () => {
    const out = flows('借一万，2025年5月2日到账九千五。还的：5/16 两千，5/30 两千，6/13 两千，6/27 两千，7/11 两千五');
    expect(out.ok && out.flows).toEqual({
      contractPrincipal: 10000,
      received: 9500,
      payments: [['2025-05-16', 2000], ['2025-05-30', 2000], ['2025-06-13', 2000], ['2025-06-27', 2000], ['2025-07-11', 2500]].map(([d, a]) => ({ day: dayOf('2025-05-02', d as string), amount: a })),
    });
  });

  it('a list under a heading with the paying verb', () => {
    const out = flows('2025年4月2日借的，借条写4000，实际到账3500。还款记录：4月9日700，4月16日700，4月23日700，4月30日700，5月7日700，5月14日700');
    const days = ['2025-04-09', '2025-04-16', '2025-04-23', '2025-04-30', '2025-05-07', '2025-05-14'];
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 4000, received: 3500, payments: days.map((d) => ({ day: dayOf('2025-04-02', d), amount: 700 })) });
  });

  it('a range or a share after the loan date is no date', () => {
    const out = flows('2025年4月2日借了3000，说好3-5天内还，结果4月7日还了3300');
    expect(out.ok && out.flows.payments).toEqual([{ day: 5, amount: 3300 }]);
  });
});

describe('双周 and 隔周 are instalments fourteen days apart', () => {
  it.each([
    ['借款8000，双周还款，每期720，共12期', 8000, 720, 12],
    ['借了6000，隔周还一次，一次还650，还10次', 6000, 650, 10],
  ])('%s', (text, principal, amount, n) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received: principal, payments: Array.from({ length: n }, (_, i) => ({ day: 14 * (i + 1), amount })) });
  });
});
