/**
 * A request that the bot act in the world for the user (issue 10; dev23's "call and scold him" and "file it at court
 * for me" by kind, in new wordings written for these tests): it says plainly it cannot, and what it can do — a written
 * text to send, complaint routes, 12348 / a lawyer / 12368 for going to court. Such a turn is never "who wrote this?"
 * and never evidence. The guards: the bot asked to judge or look at something ("你帮我看看他们天天打电话合不合法"), or
 * someone else's help told ("我妈替我给平台打了个电话"), is no such request. The bot asked for its own work ("你帮我记一下 …")
 * is the user speaking too, whatever conduct the turn tells.
 */
import { conversation as talk } from '../support/conversation';
import { requestedAct } from '../../src/conversation/bot-request';
import { loadConversationCues } from '../../src/knowledge/conversation-cues';
import { join } from 'node:path';

const AT = new Date('2026-12-02T20:10:00+08:00');
let n = 0;
const conversation = () => talk(AT, `bq${++n}`);
const CANNOT = /做不到|没法|不能|无法/;

describe('asked to act for the user, the bot says it cannot and what it can do', () => {
  it.each([
    '你替我给催收回个电话 把他们狠狠怼回去',
    '你能不能帮我打个电话给那个平台 让他们别再烦我',
  ])('"%s": it cannot call; a written text and complaint routes', async (text) => {
    const c = conversation();
    await c.say('催收天天打电话 我快疯了');
    const r = await c.say(text);
    expect(r.kind).toBe('answer');
    expect(r.shown.slice(0, 20)).toMatch(CANNOT);
    expect(r.shown).toMatch(/12378|投诉/);
    expect(r.buttons.some((b) => b.id === 'tpl')).toBe(true);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });

  it.each(['你可以帮我把答辩状弄好递交上去吗', '能帮我去法院告他们高利贷吗'])(
    '"%s": it cannot file at court; 12348, a lawyer, 12368',
    async (text) => {
      const c = conversation();
      await c.say('他们说下周就起诉我');
      const r = await c.say(text);
      expect(r.kind).toBe('answer');
      expect(r.shown.slice(0, 20)).toMatch(CANNOT);
      expect(r.shown).toMatch(/12348/);
      expect(r.shown).toMatch(/律师/);
      expect(r.shown).toMatch(/12368/);
    },
  );

  it('"麻烦你替我报个警 他们又来堵门了": it cannot report for the user; 110 themselves', async () => {
    const r = await conversation().say('麻烦你替我报个警 他们又来堵门了');
    expect(r.shown.slice(0, 20)).toMatch(CANNOT);
    expect(r.shown).toMatch(/110/);
  });
});

describe('the bot asked for its own work is the user speaking, whatever conduct is told', () => {
  it.each(['你帮我记一下 今天一上午打了三十几个电话', '麻烦你帮我记录下 刚才两个人来敲门 说再不还就天天来堵我'])(
    '"%s" is no "who wrote this?" and no evidence',
    async (text) => {
      const r = await conversation().say(text);
      expect(r.kind).not.toBe('confirmation');
      expect(r.evidenceSaved ?? 0).toBe(0);
    },
  );
});

describe('no such request', () => {
  const cues = loadConversationCues(join(__dirname, '../../knowledge')).bot_acts!;
  it.each([
    '你帮我看看他们天天打电话合不合法',
    '我妈替我给平台打了个电话',
    '帮我们完成这个月的回款任务 今天必须打电话给你家人',
    '能帮我算算 他们说要起诉我 利息合法吗',
  ])('"%s" is not a request to act', (text) => {
    expect(requestedAct(text, cues)).toBeUndefined();
  });
});
