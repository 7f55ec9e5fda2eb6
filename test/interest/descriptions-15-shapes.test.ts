/**
 * From descriptions-15 (scored once, now development data): the shapes it read wrong or asked. The texts are new
 * wordings of those shapes; expected flows are worked out by hand from the text.
 */
import { flowsAt, months } from '../support/loan-shapes';

const AT = new Date('2026-12-07T12:00:00+08:00');
const flows = flowsAt(AT);

describe('descriptions-15: a number taken back after an interjection', () => {
  it('嗯不对是9000 replaces the amount lent', () => {
    const out = flows('找朋友借了8000，嗯不对是9000，分4个月还，每月还2500');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 9000, received: 9000, payments: months(4, 2500) });
  });

  it('哦我说错了是890 replaces the instalment', () => {
    const out = flows('借了1.2万，18期，每月还980，哦我说错了是890');
    expect(out.ok && out.flows.payments).toEqual(months(18, 890));
  });

  it('a hedge after the taking back is still asked', () => {
    const out = flows('借6000，每期还600，哦不对，好像是650，分12期');
    expect(out.ok).toBe(false);
  });
});

describe('descriptions-15: a phrase taken back and said again whole', () => {
  it('10天后还3300，不对，是15天后还3300 is one payment on day 15', () => {
    const out = flows('借3000，10天后还3300，不对，是15天后还3300');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 3000, received: 3000, payments: [{ day: 15, amount: 3300 }] });
  });

  it('月息2分，说错了，是月息3分 is a rate of 3 % a month', () => {
    const out = flows('借1万，月息2分，说错了，是月息3分，借3个月到期一起还');
    expect(out.ok && out.flows.payments).toEqual([{ month: 3, amount: 10900 }]);
  });

  it('a taking back followed by words without a number changes nothing', () => {
    const out = flows('借了5000，不对，是我朋友借的，每月还500，还12期');
    expect(out.ok && out.flows).toEqual({ contractPrincipal: 5000, received: 5000, payments: months(12, 500) });
  });
});
