/**
 * From descriptions-8 (scored once at e66de52, now development data): repayments on calendar days after a dated loan
 * (their year is the loan's), a daily payment with the days counted (日还款120，还50天), interest on the full
 * principal said with its amount (利息按2万本金算), the last payment after interest-only months told as its parts
 * (本金10000加当月利息300), and the amount promised to arrive followed by less that came (说好到手8千，结果只到了6400).
 * The texts are new wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months, everyDays } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-8: repayments on calendar days after a dated loan', () => {
  it('each dated repayment is a payment counted from the day lent, in the loan\'s year', () => {
    const out = flows('2025年6月2日借了1万，6月20日还了3000，7月8日还了3000，7月30日还了4500');
    expect(out.ok && out.flows.payments).toEqual([
      { day: 18, amount: 3000 },
      { day: 36, amount: 3000 },
      { day: 58, amount: 4500 },
    ]);
  });

  it('a month and day after a dated loan late in the year is in the next year', () => {
    const out = flows('2024年12月20号借的6000，1月10号要还6600');
    expect(out.ok && out.flows.payments).toEqual([{ day: 21, amount: 6600 }]);
  });
});

describe('descriptions-8: 日还 with the days counted', () => {
  it('日还80，共还45天 is forty-five daily payments of 80', () => {
    const out = flows('借3000到手2700，日还80，共还45天');
    expect(out.ok && out.flows.received).toBe(2700);
    expect(out.ok && out.flows.payments).toEqual(everyDays(1, 45, 80));
  });

  it('日还50 for a year still asks the term', () => {
    expect(flows('借3000，日还50，还一年')).toEqual({ ok: false, missing: 'term' });
  });
});

describe('descriptions-8: interest on the whole principal, said with its amount', () => {
  it('平均还本金 with 利息按3万本金计算 is flat', () => {
    const out = flows('借3万，月息1分，10个月平均还本金，利息按3万本金计算');
    expect(out.ok && out.flows.payments).toEqual(months(10, 3300));
  });
});

describe('descriptions-8: the last payment told as principal plus interest', () => {
  it('头两个月只还利息500，第3个月还本金2万加上利息500', () => {
    const out = flows('借2万，头两个月每个月只还利息500，第3个月还本金2万加上利息500');
    expect(out.ok && out.flows.payments).toEqual([
      { month: 1, amount: 500 },
      { month: 2, amount: 500 },
      { month: 3, amount: 20500 },
    ]);
  });

  it('a principal part that is not the amount lent is not read as the last payment', () => {
    expect(flows('借2万，头两个月每个月只还利息500，第3个月还本金15000加上利息500').ok).toBe(false);
  });
});

describe('descriptions-8: promised to arrive, then less came', () => {
  it('本来说到手1万，实际只到账8500: 8500 arrived', () => {
    const out = flows('借了1万，本来说到手1万，实际只到账8500，每月还1000，还12个月');
    expect(out.ok && out.flows.received).toBe(8500);
    expect(out.ok && out.flows.payments).toEqual(months(12, 1000));
  });

  it('two amounts arriving without a promise are still asked', () => {
    expect(flows('借1万，到手8000，又到手9000，每月还1000，还12个月')).toEqual({ ok: false, missing: 'received' });
  });
});
