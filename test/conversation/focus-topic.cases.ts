/**
 * Topic choice for elliptic follow-ups: a follow-up that names no topic of its own ("那银行那边欠的我还得还吗") is
 * read in the topic in focus — the unlawful conduct just analysed or described — not in whatever guide its few
 * generic words (银行, 钱, 还要还吗) retrieve (a debt sold on, gambling). A turn that tells conduct and asks whether
 * the debt is still owed is answered on the debt first. A follow-up naming a topic of its own ("那征信会不会受影响")
 * keeps it (a guard). 6 of 8 fail before; the two guards: the credit-report case, and described conduct with an answer
 * between (already read in the focus by the last answer's topic). Wordings are this file's own, none from an eval set.
 */
import { conversation as talk, type Shown } from '../support/conversation';
import { isQuestion } from '../../src/conversation/understanding/question-form';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `ft${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();
const STILL_OWED = /还是要还|仍要还|仍然要还|还得还|照样要还/;

const FAKE_POLICE = '我是城南派出所刑侦中队民警，你在借贷平台的欠款已被立案，涉嫌恶意逃废债，今晚8点前不联系处理，明天就到你单位把你带走。';

describe('an elliptic still-owed question stays in the unlawful conduct in focus', () => {
  it.each(['那银行那边欠的我还得还吗', '那这笔网贷的钱我还用还吗'])('after a fake police message, "%s" opens: still owed', async (text) => {
    const c = conversation();
    await c.forward(FAKE_POLICE);
    const r = await c.say(text);
    const first = firstSentence(r);
    expect(first).toMatch(STILL_OWED);
    expect(r.shown).not.toMatch(/赌|债权转让|新债权人/);
  });

  it('after described conduct and an answer, "那欠平台的我还要还不" opens: still owed', async () => {
    const c = conversation();
    await c.say('催收昨天跑到我上班的地方 当着同事的面骂我是老赖');
    await c.say('这个能报警吗');
    const r = await c.say('那欠平台的我还要还不');
    expect(firstSentence(r)).toMatch(STILL_OWED);
    expect(r.shown).not.toMatch(/赌|债权转让|新债权人/);
  });
});

describe('conduct told and "still owed?" asked in one turn: the question first', () => {
  it.each(['他们半夜打电话辱骂我 还把我照片发到亲戚群里 那我还要还吗', '催收把我身份证照片发到朋友圈了 这钱我还用还吗'])('"%s"', async (text) => {
    const r = await conversation().say(text);
    expect(firstSentence(r)).toMatch(STILL_OWED);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });
});

describe('a question ending in 还不 (A-not-A) asks', () => {
  it.each(['那我还要还不', '这钱俺还得还不'])('"%s" is a question', (text) => {
    expect(isQuestion(text)).toBe(true);
  });
});

describe('guard: a follow-up naming its own topic keeps it', () => {
  it('"那征信会不会受影响" after a fake police message is about the credit report', async () => {
    const c = conversation();
    await c.forward(FAKE_POLICE);
    const r = await c.say('那征信会不会受影响');
    expect(firstSentence(r)).not.toMatch(STILL_OWED);
    expect(r.shown).toMatch(/征信/);
  });
});
