/**
 * A report of what collectors claim about who is liable asks whether the claim holds — with or without a question
 * mark — and gets that answer, not an analysis of the conduct around it.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });

describe('a reported claim about who is liable is answered as that question', () => {
  it('"他们又说我表哥是担保人要他还 他就是个紧急联系人" says a contact is no guarantor', async () => {
    const c = conversation();
    const r = await c.say('他们又说我表哥是担保人要他还 他就是个紧急联系人');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/虚构后果/);
    expect(r.shown).toMatch(/保证|担保|签/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('"他们说我是骗子 逾期是诈骗吗" after an analysis answers the question, not the insult', async () => {
    const c = conversation();
    await c.forward('你个老赖骗子，再不还钱就把你欠钱的事发到你们公司群里，让你同事都知道');
    const r = await c.say('他们说我是骗子 逾期是诈骗吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/非法占有|民事|违约/);
    expect(r.shown).not.toMatch(/^算/);
  });
});
