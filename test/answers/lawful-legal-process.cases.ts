/**
 * Lawful legal process asked about (issue 11, dev23's payment-order dialogue by kind, in new wordings): a court's
 * 支付令 or a lawsuit is no unlawful collection — the first sentence says so, and how to check it (12368); a
 * payment order suspected of being the collector's bluff is checked, not dismissed; 恶意透支 is said first to be the
 * credit card's crime, not a loan's, and the law behind it is stated without a 据报道 hedge.
 */
import { answerer, screen, firstSentence } from '../support/offline-answerer';

const at = new Date('2026-11-30T10:00:00+08:00');

it.each([
  ['平台把我告到法院了 他们这样犯法吗', 'lawsuit-and-summons', /不算违法|合法/, /12368/],
  ['银行去法院起诉我 算不算暴力催收', 'lawsuit-and-summons', /不算违法|合法/, /应诉|答辩/],
  ['法院来的支付令 算暴力催收吗', 'payment-order', /不算违法|合法/, /12368/],
  ['支付令是不是催收公司搞出来吓人的', 'payment-order', /核实/, /12368[\s\S]*15日/],
  ['借呗欠了六万 会不会算恶意透支坐牢', 'jail-and-crime', /信用卡/, /不是恶意透支/],
  ['我欠的是分期乐 这种也会被定成恶意透支吗', 'jail-and-crime', /信用卡/, /不是恶意透支/],
])('"%s" → %s', (q, guide, first, shows) => {
  const a = answerer.answerNow(q, { at });
  expect(a.guideId).toBe(guide);
  const t = screen(a);
  expect(firstSentence(t)).toMatch(first);
  expect(t).toMatch(shows);
  // Lawful process is never called a crime or unlawful collection.
  expect(t).not.toMatch(/(?<!不)(?:属于|构成)(?:违法催收|暴力催收)|能起诉：催收/);
});

it('a credit card in arrears keeps its own answer: the risk and its conditions', () => {
  const t = screen(answerer.answerNow('信用卡欠了8万 银行说我恶意透支要报案', { at }));
  expect(firstSentence(t)).toMatch(/有风险/);
  expect(t).not.toMatch(/据报道，刑法/);
});
