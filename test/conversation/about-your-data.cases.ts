/**
 * Questions about the bot and the user's data in free words: who it works for, whether it tells anyone, where what was
 * forwarded is kept, how to delete it all, and after /delete whether it is gone. The first sentence says what the bot is
 * (an automatic assistant, working for no lender or collector); then /evidence and /delete. Guards: deleting a
 * collector's post or an overdue record is no question about the bot's data. Wordings are this file's own.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';
import { aboutDataReply } from '../../src/conversation/bot-request';

const AT = new Date('2026-12-07T21:10:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (s: string) => s.split(/[。\n]/)[0]!;

describe('about the bot and my data', () => {
  it.each([
    ['你到底是谁 不会是网贷公司的人吧', /自动回答的助手/],
    ['我说的这些你会不会转告诉催收', /不会/],
    ['我转给你的那些截图你放在哪了', /自动回答的助手/],
    ['我要把我的聊天记录全部清空', /\/delete/],
  ])('"%s": what the bot is first, then /evidence and /delete', async (q, first) => {
    const c = talk(AT, `about-data-${q}`);
    const r = await c.say(q);
    expect(r.kind).toBe('answer');
    expect(firstSentence(r.shown)).toMatch(first);
    expect(r.shown).toMatch(/不替任何网贷平台/);
    expect(r.shown).toMatch(/\/delete/);
    expect(r.shown.length).toBeLessThanOrEqual(350);
  });

  it('after /delete and 确认删除, "删掉了没有" is told it is done', async () => {
    const c = talk(AT, 'about-data-deleted');
    await c.say('催收一天给我打三十个电话');
    await c.say('/delete');
    await c.press('del:yes');
    const r = await c.say('删掉了没有');
    expect(firstSentence(r.shown)).toMatch(/^删了/);
  });

  it('before any /delete, "删掉了没有" says how to delete', async () => {
    const c = talk(AT, 'about-data-not-deleted');
    await c.say('催收一天给我打三十个电话');
    const r = await c.say('你删掉了没有');
    expect(r.shown).toMatch(/^还没有删/);
    expect(r.shown).toMatch(/\/delete/);
  });

  it('deleting what collectors posted, or an overdue record, is no question about the bot', () => {
    const cues = { kinds: [
      { reply: 'about_data_deleted', any: ['删掉了吗'], not: ['催收', '照片'], you: false },
      { reply: 'about_data_delete', any: ['删'], with: ['记录', '数据'], not: ['逾期', '催收', '征信'], you: false },
      { reply: 'about_data_share', any: ['泄露'], not: ['他们把'], you: true },
    ] };
    expect(aboutDataReply('催收发群里的照片能让他们删掉吗', cues, true)).toBeUndefined();
    expect(aboutDataReply('我的逾期记录怎么删', cues, true)).toBeUndefined();
    expect(aboutDataReply('他们把我信息泄露了 你说咋办', cues, true)).toBeUndefined();
    expect(aboutDataReply('我的数据能删吗', cues, true)).toBe('about_data_delete');
  });
});
