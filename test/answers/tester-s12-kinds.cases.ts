/**
 * Question types a frightened new user asked the tester of session 12 (tester-s12 #2, #3, #8, #11, #14, #15), in new
 * wordings written for these tests: each opens with the verdict of its own question type, not a neighbour's — a
 * consent may be withdrawn (个人信息保护法 15), a wrong overdue record is disputed (征信业管理条例 25), the law sets no
 * number of calls, 征信 is not the court's 失信 list, a lawyer's letter does not decide who pays the lawyer, a promise
 * to pay bears on the limitation period (民法典 192 第二款, 195), and 停息挂账 can be asked for without an agency.
 * Guards keep the neighbours where they were.
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');

it.each([
  ['App拿走的通讯录授权我想收回来 可以吗', 'contacts-disclosure', /^能/, /第15条/],
  ['平台瞎报了我的逾期记录 我每期都按时还的', 'credit-report', /异议/, /第25条/],
  ['催收打电话要打到多少个才算犯法', 'harassment-calls', /没有规定次数/, /不是法律/],
  ['法院立案了 我是不是上了征信黑名单', 'dishonest-list', /两回事/, /征信/],
  ['律所发函说诉讼费和律师费都由我承担 这合理吗', 'notices-and-letters', /^不一定/, /第29条/],
  ['以前催收打来时我说了会还钱 这样时效还能抗辩吗', 'limitation-period', /有影响/, /第192条第二款/],
  ['停息挂账不找中介的话自己怎么申请', 'official-repayment', /^能/, /官方客服/],
])('"%s" → %s, its own verdict first', async (q, guide, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
});

/** Guards: the neighbouring question types keep their own verdicts. */
it.each([
  ['当初点了同意读取通讯录 他们就能随便给我朋友发消息吗', 'contacts-disclosure', /^不能/],
  ['现在还清了 征信上的逾期能马上消掉吗', 'credit-report', /^不会马上消/],
  ['中介说交两千手续费就能帮我停息挂账', 'official-repayment', /^不靠谱/],
  ['逾期了会不会上老赖名单', 'dishonest-list', /^只是逾期不会/],
])('guard "%s" → %s', async (q, guide, first) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
});
