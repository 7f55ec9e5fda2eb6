/**
 * Legal application inside the conversation (issues 10 and 11, dev30), in this file's own wordings:
 * - "这个能报警吗" after a threat names the provision in force then (治安管理处罚法第五十条 for 2026 conduct);
 * - "P图…能告吗" is the suing question, not the forged-notice check;
 * - a blockade told while it happens opens with 110 now; the same told as last week's does not.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-12-08T11:00:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (s: string) => s.split(/[。！？\n]/)[0]!;

it('"能报警吗" after a threat names 第五十条', async () => {
  const c = talk(AT, 'threat-report');
  await c.forward('李明 再拖着不还 我们兄弟几个就去你单位门口等你 下班路上小心你的腿', new Date('2026-12-07T22:00:00+08:00'));
  const r = await c.say('这种能找警察吗');
  expect(firstSentence(r.shown)).toMatch(/^能/);
  expect(r.shown).toMatch(/第五十条/);
});

it('"拿我照片P图弄成遗照 这种能告他们吗" is the suing question', async () => {
  const c = talk(AT, 'ptu');
  await c.forward('【通告】赵强欠款不还，大家看清这张脸（附P成黑白遗照的照片），转发给他所有朋友！', new Date('2026-12-07T19:00:00+08:00'));
  const r = await c.say('拿我照片P图弄成遗照 这种能告他们吗');
  expect(firstSentence(r.shown)).toMatch(/能|可以/);
  expect(firstSentence(r.shown)).toMatch(/起诉|告/);
  expect(r.shown).toMatch(/名誉|侮辱|第1024条/);
});

it('a blockade told while it happens opens with 110 now', async () => {
  const c = talk(AT, 'blockade-now');
  const r = await c.say('三个催收已经来了 堵在我家门口 说今天不给钱别想出门');
  expect(firstSentence(r.shown)).toMatch(/110/);
});

it('guard: the same told as last week opens with no "现在就打 110"', async () => {
  const c = talk(AT, 'blockade-past');
  const r = await c.say('上周三个催收堵在我家门口 说不给钱别想出门');
  expect(firstSentence(r.shown)).not.toMatch(/现在就打/);
});
