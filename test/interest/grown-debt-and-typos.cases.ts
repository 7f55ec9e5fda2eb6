/**
 * From descriptions-3 (scored once, now development data): a debt grown by rollover is not money received, a
 * typed 每越/月习 is 每月/月息, a payment every week is weekly, an English VIP membership paid upfront is a fee, and a
 * rollover fee paid on a stated day is a payment on that day. Expected flows are worked out by hand from the text.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';

const parse = createLoanTextParser(loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));

describe('descriptions-3 wrong guesses', () => {
  it('a debt grown by rollover (滚到3万) is not read as money received', () => {
    const f = parse('借了5000 一周利息500 现在滚到3万了', AT);
    expect(f.principal).toBe(5000);
    expect(f.received).toBeUndefined();
    expect(cashFlowsOf(f).ok).toBe(false);
  });

  it('每越还800 is 每月还800, not 800 spread over 12 months', () => {
    const out = flows('借了八千块，每越还800，还12期，现在还不上了');
    expect(out.ok && out.flows.payments).toEqual(months(12, 800));
  });

  it('月习2.5% is 月息2.5%', () => {
    expect(flows('8000快 分8期 月习2.5%')).toEqual(flows('8000块 分8期 月息2.5%'));
  });

  it('repay 1100 every week for 4 weeks is four weekly payments', () => {
    const out = flows('borrowed 4000, repay 1100 every week for 4 weeks');
    expect(out.ok && out.flows.payments).toEqual([7, 14, 21, 28].map((day) => ({ day, amount: 1100 })));
  });

  it('a VIP membership paid upfront is taken off what was received', () => {
    const out = flows('borrowed 10k, had to pay a 699 VIP membership upfront, then 1000 a month for 12 months');
    expect(out.ok && out.flows.received).toBe(9301);
    expect(out.ok && out.flows.payments).toEqual(months(12, 1000));
  });

  it('a rollover fee paid on day 7 is a payment on day 7', () => {
    const out = flows('7天口子借3000到手2100 第7天付了展期费900 第14天又付900 第21天还了3000');
    expect(out.ok && out.flows.payments).toEqual([
      { day: 7, amount: 900 },
      { day: 14, amount: 900 },
      { day: 21, amount: 3000 },
    ]);
  });
});

describe('what arrived is not taken for the principal', () => {
  it('到账8500 with no contract amount asks for the principal', () => {
    const out = flows('到账8500 每期还980 12期');
    expect(out).toEqual({ ok: false, missing: 'principal' });
  });

  it('到手8000 with 2000 taken as a fee gives a principal of 10000', () => {
    const out = flows('到手8000 扣了2000服务费 每月还1000 12期');
    expect(out.ok && out.flows.contractPrincipal).toBe(10000);
    expect(out.ok && out.flows.received).toBe(8000);
  });

  it('全额到账8500 says the principal arrived whole', () => {
    const out = flows('全额到账8500 每期还980 12期');
    expect(out.ok && out.flows.contractPrincipal).toBe(8500);
    expect(out.ok && out.flows.payments).toEqual(months(12, 980));
  });
});

describe('a monthly rate over some months with no way of repaying named', () => {
  it('借7千 月息4分 7个月 asks how much is repaid rather than picking one payment at the end', () => {
    expect(flows('借7千 月息4分 7个月')).toEqual({ ok: false, missing: 'payment' });
  });

  it('本息一起还 after the term is one payment at the end', () => {
    const out = flows('今年1月借了3万块，月息3分，半年后本息一起还');
    expect(out.ok && out.flows.payments).toEqual([{ month: 6, amount: 35400 }]);
  });

  it('等本等息 named makes the same loan instalments', () => {
    const out = flows('借7千 月息4分 7个月 等本等息');
    expect(out.ok && out.flows.payments).toEqual(months(7, 1280));
  });
});

describe('a rough number then the exact one', () => {
  it('每月还1600多 具体是1625.5 uses 1625.5 as the monthly payment', () => {
    const out = flows('借了1万5 每月还1600多 具体是1625.5 分12个月还');
    expect(out.ok && out.flows.payments).toEqual(months(12, 1625.5));
  });

  it('a rough number with no exact one after it is still asked for', () => {
    expect(flows('借了1万5 每月还1600多 分12个月还')).toEqual({ ok: false, missing: 'payment' });
  });
});
