/**
 * Questions about the people around a borrower — the child's school and teacher, the workplace, a spouse sued
 * together, a boyfriend or girlfriend — each answered by its own question type, first sentence first. Wordings
 * written for this test (none from an eval set).
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');

it.each([
  // school and teacher
  ['催收放话要去幼儿园找我 需不需要先跟老师打个招呼', 'school-contact', 'tell-school', /^可以/, /老师|班主任/],
  ['班主任能直接拒绝接催收打来的电话吗', 'school-contact', 'school-refuse', /^能/, /学校|老师/],
  ['催收都打到女儿班主任那了 孩子在学校会不会被另眼看待 我该怎么跟老师讲', 'school-contact', 'teacher-child', /老师/, /孩子不承担/],
  ['催收说要联系我们导员 我会不会因此被学校记过', 'school-contact', 'student-punished', /^一般不会/, /辅导员|导员/],
  // workplace
  ['他们要是明天又跑到公司楼下等我该咋办', 'off-hours-and-workplace', 'blocked-at-work', /保安|前台/, /110/],
  ['派出所的人让我先把钱还了 我欠钱在先是不是没理', 'threats-and-violence', 'owe-so-wrong', /^欠钱归欠钱/, /仍然要还/],
  // spouse and partner
  ['催收说要把我们夫妻俩一起告上法院 被告了老公就一定得替我还吗', 'spouse-debt', 'sued-together', /^不一定/, /1064/],
  ['我跟男朋友同居 他要替我还网贷吗', 'spouse-debt', 'partner', /^不用/, /保证/],
  ['我们明年结婚 我现在欠的网贷婚后会不会算到她头上', 'spouse-debt', 'before-marriage', /^一般不用/, /婚前/],
  // pinyin typed without characters
  ['cuishou yao wo ba ma huanqian 他们要还吗', 'who-must-pay', 'family', /^一般不用/, /465/],
])('"%s" → %s#%s', async (q, guide, entry, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(`${a.guideId}#${a.entryId}`).toBe(`${guide}#${entry}`);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
});

/** Guards: neighbouring questions keep their own types. */
it.each([
  ['被单位开除了 经济补偿金怎么算', undefined],
  ['被列为失信被执行人 孩子还能读私立学校吗', 'dishonest-list'],
  ['老公背着我借的网贷 我要还吗', 'spouse-debt'],
  ['催收打电话到我公司了', 'off-hours-and-workplace'],
])('guard: "%s" → %s', async (q, guide) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
});
