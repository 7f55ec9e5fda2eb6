/**
 * Arbitration questions fresh-questions-19 answered from the dishonest-list guide (issue 11, by kind, in new wordings
 * written for these tests): an award being enforced is answered with 不予执行 within 15 days, an award the user never
 * knew about with 撤销 within three months. The 失信 question is the guard: it stays with the dishonest list.
 */
import { answerer, screen } from '../support/offline-answerer';

const at = new Date('2026-11-30T10:00:00+08:00');

it.each([
  ['仲裁那边的裁决 对方已经找法院执行了 我能提异议吗', 'arbitration-and-notarization', /不予执行/],
  ['裁决已经被申请执行了 还能提异议吗', 'arbitration-and-notarization', /15日/],
  ['我根本不知道仲裁过 就收到了裁决书 怎么办', 'arbitration-and-notarization', /撤销/],
  ['仲裁的裁决下来了 会被列失信吗', 'dishonest-list', /失信/],
])('"%s" → %s', (q, guide, shows) => {
  const a = answerer.answerNow(q, { at });
  expect(a.guideId).toBe(guide);
  expect(screen(a)).toMatch(shows);
});

/**
 * "Do I really have to repay the guarantor that paid?" opens with 要还 (fq19's guarantor kind); a wallet frozen all of a
 * sudden, asked whether the lender did it, is the already-frozen entry (ask the bank) — a guard in these words.
 */
it.each([
  ['担保公司已经帮我把网贷还了 现在让我还给它 我非得还吗', 'guarantee-company', /要还/],
  ['支付宝今天突然被冻结 会是网贷干的吗', 'bank-freeze', /开户行|银行/],
])('"%s" → %s, first sentence', (q, guide, first) => {
  const a = answerer.answerNow(q, { at });
  expect(a.guideId).toBe(guide);
  const t = screen(a);
  expect(t.slice(0, (/[。！？\n]/.exec(t)?.index ?? t.length) + 1)).toMatch(first);
});
