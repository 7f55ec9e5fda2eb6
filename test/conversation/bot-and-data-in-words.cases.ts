/**
 * The bot and the user's data asked about in words (issue 10, dev29): asked to delete now ("…都删了吧"), the reply is
 * /delete's confirmation with its two buttons, nothing deleted yet — while "怎么删" or "能删吗" still gets the answer
 * saying how; asked whether it is a person and whether collectors will learn what was said, it says it is no person
 * and tells no one. Pinyin typed without characters is Chinese, not English: no "I can only answer in Chinese" line,
 * and "ni shi zhen ren ma" is the question about the bot. In crisis care, "will I be arrested if I call 110" is
 * answered first (no), then care goes on. Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';
import { isAllPinyin, isPinyinWord } from '../../src/conversation/pinyin';

const AT = new Date('2026-12-07T22:40:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (s: string) => s.split(/[。！？\n]/)[0]!;

describe('asked to delete in words', () => {
  it.each([['行了 我跟你聊的那些记录都删了吧'], ['帮我删除我的资料']])('"%s": the /delete confirmation with its buttons', async (text) => {
    const c = talk(AT, `del-words-${text}`);
    await c.say('催收一天给我打二十多个电话');
    const r = await c.say(text);
    expect(r.kind).toBe('command');
    expect(r.buttons.map((b) => b.id)).toEqual(['del:yes', 'del:no']);
    expect(r.shown).toMatch(/删除/);
  });

  it.each([['我的聊天记录怎么删'], ['我的数据能删吗']])('"%s" (asked how): the answer saying how', async (text) => {
    const c = talk(AT, `del-how-${text}`);
    const r = await c.say(text);
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/\/delete/);
  });

  it('deleting what collectors posted is no request about the bot\'s data', async () => {
    const c = talk(AT, 'del-theirs');
    const r = await c.say('他们发群里的照片能让他们删了吧');
    expect(r.kind).not.toBe('command');
  });
});

describe('a person or a program, and will collectors know', () => {
  it('"你到底是AI还是真人 我说的催收会不会知道": no person, tells no one', async () => {
    const c = talk(AT, 'who-ai-know');
    const r = await c.say('你到底是AI还是真人 我说的催收会不会知道');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r.shown)).toMatch(/不是真人/);
    expect(r.shown).toMatch(/不会告诉他们/);
  });
});

describe('pinyin', () => {
  it('reads pinyin words, not English ones', () => {
    expect(['ni', 'shi', 'zhen', 'ren', 'ma', 'jiqiren', 'cuishou', 'zhuang'].every(isPinyinWord)).toBe(true);
    expect(['only', 'answer', 'bot', 'real', 'person', 'the'].some(isPinyinWord)).toBe(false);
    expect(isAllPinyin(['wo', 'gai', 'zen', 'me', 'ban'])).toBe(true);
    expect(isAllPinyin(['are', 'you', 'a', 'bot'])).toBe(false);
    expect(isAllPinyin([])).toBe(false);
  });

  it('"ni shi zhen ren ma": about the bot, no English notice', async () => {
    const c = talk(AT, 'pinyin-who');
    const r = await c.say('ni shi zhen ren ma');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/不是真人/);
    expect(r.shown).not.toMatch(/only answer in Chinese/);
  });

  it('"are you a real person" is still English: the notice stays', async () => {
    const c = talk(AT, 'english-who');
    const r = await c.say('are you a real person');
    expect(r.shown).toMatch(/only answer in Chinese/);
  });

  it('in crisis care, "ni shi ji qi ren ma": a program, still here, 12356', async () => {
    const c = talk(AT, 'pinyin-crisis');
    expect((await c.say('真的撑不下去了 不想活了')).kind).toBe('crisis');
    const r = await c.say('ni shi ji qi ren ma');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/不是真人/);
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/only answer in Chinese/);
  });
});

describe('afraid that calling 110 gets them arrested, in crisis care', () => {
  it.each([['要是我报警 警察会不会把我抓走'], ['你让我打的那个110 我拨了会被抓吗']])('"%s": no, first; care and the lines stay', async (text) => {
    const c = talk(AT, `police-${text}`);
    expect((await c.say('药都准备好了 今晚就吃下去')).kind).toBe('crisis');
    const r = await c.say(text);
    expect(r.kind).toBe('crisis');
    expect(firstSentence(r.shown)).toMatch(/^不会/);
    expect(r.shown).toMatch(/110/);
    expect(r.shown).toMatch(/安全吗/);
  });

  it('"他们说要报警抓我" in crisis care is the collectors\' threat, not this fear', async () => {
    const c = talk(AT, 'police-theirs');
    await c.say('真的撑不下去了 不想活了');
    const r = await c.say('他们说要报警抓我');
    expect(firstSentence(r.shown)).not.toMatch(/^不会：打110是求助/);
  });
});
