/** Rates a message states, read as annual percentages by their period word; numbers without "%" are not rates. */
import { statedAnnualRates } from '../../src/analysis/stated-rates';

const WORDS = { 年化: 1, 年利率: 1, 月息: 12, 日息: 365 };

describe('statedAnnualRates', () => {
  it('converts a monthly or daily rate to a year', () => {
    expect(statedAnnualRates('月息3%', WORDS)).toEqual([36]);
    expect(statedAnnualRates('日息0.1%', WORDS)[0]).toBeCloseTo(36.5);
    expect(statedAnnualRates('年利率为 7.2%，请按时还款', WORDS)).toEqual([7.2]);
    expect(statedAnnualRates('年化百分之二十四', WORDS)).toEqual([]);
    expect(statedAnnualRates('年化百分之24', WORDS)).toEqual([24]);
  });

  it('ignores amounts, counts and rates in another clause', () => {
    expect(statedAnnualRates('年化的事以后再说，先还5000元', WORDS)).toEqual([]);
    expect(statedAnnualRates('日息，我们已经打了20次电话，30%', WORDS)).toEqual([]);
    expect(statedAnnualRates('请还款', WORDS)).toEqual([]);
  });
});
