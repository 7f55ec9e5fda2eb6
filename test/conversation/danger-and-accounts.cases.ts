/**
 * Danger told by the person it happens to (issue 10): collectors at the door now, with a question, get safety first
 * (110, the door kept shut) above the answer; conduct told as done to the home ("…被泼了油漆") or in the first person
 * with what was said ("…在我家楼下喊 说…") is the user's account, assessed, never "who wrote this?"; collectors'
 * claim to be by the book ("说是正规的 有工牌") is answered by whether that kind of collection is lawful. Wordings
 * are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-08-09T19:40:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

describe('collectors at the door now, and a question', () => {
  it('safety first: 110 and the door kept shut, above the steps', async () => {
    const c = talk(AT, 'door-now');
    const r = await c.say('三个人正在我家楼下砸门 说今天不还钱别想出门 家里就我和我妈 怎么办啊');
    expect(r.shown.split('\n')[0]).toMatch(/110/);
    expect(r.shown.split('\n')[0]).toMatch(/不要开门|别开门|锁好/);
    expect(r.evidenceSaved).toBe(0);
  });
});

describe('conduct told as the user\'s own account', () => {
  it.each([
    ['人走了 可是大门上被泼了红油漆', /损毁|寻衅滋事|财物/],
    ['两个男的在我家门口一直敲门 说不还钱今天就不走了', /滋扰|敲门|不开门/],
  ])('"%s": assessed, not asked who wrote it', async (text, conduct) => {
    const c = talk(AT, `told-${text.length}`);
    const r = await c.say(text);
    expect(['analysis', 'answer']).toContain(r.kind);
    expect(r.shown).toMatch(conduct);
    expect(r.evidenceSaved).toBe(0);
  });
});

describe('collectors say they collect by the book', () => {
  it('a visit itself may be lawful; blocking the door is not', async () => {
    const c = talk(AT, 'by-the-book');
    expect((await c.say('有三个人堵在我家门口 不让我出门')).kind).toBe('analysis');
    const r = await c.say('他们说自己是正规公司的外访 有工作证 上门这样也违法吗');
    const first = r.shown.split('\n')[0]!;
    expect(first).toMatch(/可以上门|上门本身|不违法|要看/);
    expect(r.shown).toMatch(/堵门|不让你走|强行进门/);
  });
});

describe('a visit to the workplace', () => {
  it('they may come to see you, but may not make a scene or tell colleagues', async () => {
    const c = talk(AT, 'work-visit');
    const r = await c.say('催收放话说要去我公司闹 他们真的能去吗');
    // The verdict, before its reasons: may they come at all?
    const verdict = r.shown.split(/[：:]/)[0]!;
    expect(verdict).toMatch(/可以|能去/);
    expect(verdict).toMatch(/不能闹|不能[^。]{0,6}吵闹/);
  });
});
