/**
 * Question types dev31 missed (issue 10), in this file's own wordings (none from an eval set or from the entries'
 * examples). The first sentence answers what was asked:
 * - being called 老赖, asked as an insult: the insult question, not the 失信 list;
 * - "说要报征信 / 起诉 算威胁吗": a lawful warning, no unlawful threat;
 * - graffiti on the door: photograph it, then clean it;
 * - what to bring to the police; what to get in writing once instalments are agreed; the right way to repay;
 *   paying into a manager's WeChat; how they got a roommate's number.
 * Guards: a threat to the person, a suit announced, an "authorised" collector's badge.
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-08T10:00:00+08:00');

it.each([
  ['他老叫我老赖 这种叫法算侮辱不', 'insults', /辱骂|侮辱|名誉/, /名誉/],
  ['讲再不还就上报征信 这样算在威胁我吗', 'credit-report', /^不算/, /5年/],
  ['家门上被喷的红字 现在可以擦了吗', 'threats-and-violence', /拍照|留证/, /拍照/],
  ['去报案之前要准备些什么材料', 'complaint-channels', /录音|截图|短信/, /回执/],
  ['减免的事谈成了 得让平台出什么书面东西', 'negotiate-instalments', /书面/, /每期|期数|还款日/],
  ['还款应该走什么渠道才正规', 'official-repayment', /官方/, /凭证|结清证明/],
  ['他叫我把钱打到他们主管的微信 先表示诚意', 'official-repayment', /^不要/, /个人|微信/],
  ['他们怎么会有我室友的号码 我没填过这个人', 'contacts-disclosure', /通讯录|授权|权限/, /个人信息/],
])('"%s" → %s, its own verdict first', async (q, guide, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
  expect([...screen(a).replace(/\s/g, '')].length).toBeLessThanOrEqual(350);
});

/** Guards: the neighbouring question types keep their own verdicts. */
it.each([
  ['他说要叫人砸了我的车 这算威胁吗', 'threats-and-violence', /^不能/],
  ['侮辱罪要怎么去告', 'insults', /侮辱罪/],
  ['说月底前不还就去法院起诉我 这算威胁不', 'notices-and-letters', /^不违法/],
  ['那人说有平台的授权 还给我看了工作证照片', 'lawful-collection', /官方客服|核实/],
])('guard: "%s" → %s', async (q, guide, first) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
});
