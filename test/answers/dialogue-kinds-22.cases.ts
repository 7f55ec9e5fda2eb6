/**
 * Question types dev22's dialogues missed (issue 10, by kind, in new wordings written for these tests): the entry
 * chosen for the question, and what its first sentence must say. A genuine lawyer's letter is lawful but has no
 * force and is no summons; the door need not be opened; a card that cannot transfer is asked of the bank (risk
 * control) or the court, never answered with the harassment guide; a recording can be evidence.
 */
import { answerer, screen, firstSentence } from '../support/offline-answerer';

const at = new Date('2026-11-30T10:00:00+08:00');

it.each([
  ['律师是真的的话 这律师函合法不', 'notices-and-letters', /不违法|合法/, /强制力|执行力/],
  ['如果是正规律所发的函 那算违法吗', 'notices-and-letters', /不违法|合法/, /不是法院的传票|不代表已经起诉/],
  ['催收的人在外面敲门 我要开门吗', 'home-visit', /不开门/, /不让进/],
  ['手机银行突然转不出钱了 怎么回事', 'bank-freeze', /银行|风控|法院/, /开户行|风控/],
  ['打电话的录音算证据不', 'evidence-and-recording', /^能|^可以/, /证据/],
])('"%s" → %s', (q, guide, first, shows) => {
  const a = answerer.answerNow(q, { at });
  expect(a.guideId).toBe(guide);
  const t = screen(a);
  expect(firstSentence(t)).toMatch(first);
  expect(t).toMatch(shows);
});
