/**
 * The one-year LPR quoted for a contract date is the published figure: 3.45 % (August 2023 – July 2024) is not
 * rounded to 3.5, while the cap it gives (13.8 %) keeps one decimal.
 */
import { lprText } from '../../src/interest/format';
import { interestKit as kit, shownText } from '../support/interest-kit';

const AT = new Date('2026-11-30T10:00:00+08:00');

describe('the LPR figure in a reply', () => {
  it.each([
    [3.45, '3.45'],
    [3.0, '3.0'],
    [3.1, '3.1'],
    [3.85, '3.85'],
  ])('%s %% is written %s', (rate, text) => {
    expect(lprText(rate)).toBe(text);
  });

  it('a private loan at 35 % a year signed in October 2023: LPR 3.45 %, 4 × = 13.8 %', () => {
    const facts = kit.parseLoanText('找个人借了1万 年化35% 合同是2023年10月签的', AT);
    const shown = shownText(kit.reply(facts, AT).reply);
    expect(shown).toMatch(/3\.45%/);
    expect(shown).toMatch(/13\.8%/);
  });
});
