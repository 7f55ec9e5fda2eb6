/**
 * Question types dev26 missed outside crisis care, in this file's own wordings (none from an eval set): each opens
 * with the verdict of its own question type —
 * - collectors breaking the law does not end the debt: two separate matters (refuse-to-pay#unlawful-collection);
 * - "only the money received, or nothing at all?" after a deduction: the principal received is owed (民法典 670);
 * - messages deleted: evidence can still be rebuilt (backups, the carrier's records, keep the next ones);
 * - conduct from an earlier year: which version of the law applies (行政处罚法 37);
 * - a photo of an "authorisation" from the collector: check with the lender's official customer service;
 * - collectors waiting at the door or downstairs: 滋扰纠缠 (治安管理处罚法 50), call 110;
 * - a relative's own criminal case: out of scope in one sentence, with 12348 and a lawyer;
 * - whether a private lender commits a crime: it depends (one private loan is not; lending as a business may be);
 * - the user suing the collectors, not being sued;
 * - a claim heard elsewhere ("听说花钱能修复") beside another question: both are answered.
 * Guards keep the neighbouring types where they were.
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');

it.each([
  ['催收都违规了 欠的钱我是不是就能不还了', 'refuse-to-pay', /^还是要还/, /两回事/],
  ['只还到手的那一千八行不行 朋友说这种贷款不用还', 'refuse-to-pay', /^不是都不用还/, /第670条/],
  ['跟催收的微信聊天记录我全清空了 现在还能证明吗', 'evidence-and-recording', /^还能补/, /运营商/],
  ['那个威胁电话是2025年打来的 要按哪部法律来罚', 'unlawful-conduct', /旧法/, /第37条/],
  ['对方说有平台的授权书 还拍了照片给我 能相信吗', 'lawful-collection', /^先别信/, /官方客服/],
  ['催收放话说不还钱就天天在我家楼下守着 这属于什么', 'home-visit', /滋扰/, /110/],
  ['个人借钱给我收高息 这是犯罪吗 能举报他放贷吗', 'lender-licence', /^要看/, /职业放贷|不特定/],
])('"%s" → %s, its own verdict first', async (q, guide, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
});

it('"我朋友因为出租银行卡被刑拘了 他这个会怎么判": someone else\'s criminal case, routed in one sentence', async () => {
  const a = await answerer.answer('我朋友因为出租银行卡被刑拘了 他这个会怎么判', { at });
  expect(a.kind).toBe('out_of_scope');
  expect(firstSentence(screen(a))).toMatch(/不在我掌握的资料范围/);
  expect(screen(a)).toMatch(/12348|律师/);
});

it('"他们把我照片发到业主群 我可以起诉他们吗": the user suing, on privacy or reputation — not being sued', async () => {
  const a = await answerer.answer('他们把我照片发到业主群 我可以起诉他们吗', { at });
  expect(a.guideId).not.toBe('lawsuit-and-summons');
  expect(firstSentence(screen(a))).toMatch(/能|可以/);
  expect(screen(a)).toMatch(/隐私|名誉/);
});

it('"征信上的逾期要几年才没 听说花两千块能找人修复": the five years, and the paid repair refused', async () => {
  const a = await answerer.answer('征信上的逾期要几年才没 听说花两千块能找人修复', { at });
  expect(a.guideId).toBe('credit-report');
  expect(firstSentence(screen(a))).toMatch(/5年/);
  expect(screen(a)).toMatch(/不存在花钱洗白|诈骗/);
});

/** Guards: the neighbouring question types keep their own verdicts. */
it.each([
  ['实在没钱还了是不是可以不还了', 'refuse-to-pay', /^还是要还：还不起/],
  ['那人专门放贷 到处借钱给别人 这样合法吗', 'lender-licence', /^一般不合法/],
  ['来了我爸妈要不要开门', 'home-visit', /^你可以不开门/],
  ['催收骚扰我要保存哪些证据', 'evidence-and-recording', /^要保存/],
])('guard "%s" → %s', async (q, guide, first) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
});

it('guard: "逾期记录多久能消" alone gets the five years, no second verdict', async () => {
  const a = await answerer.answer('逾期记录多久能消', { at });
  expect(firstSentence(screen(a))).toMatch(/^5年/);
  expect(screen(a)).not.toMatch(/不存在花钱洗白/);
});
