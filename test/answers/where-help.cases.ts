/**
 * "Where can I find someone to help me with these debts?" (issue 10, dev22's h21#5 by kind, in new wordings written
 * for this test): the places to turn — 12348 / legal aid, a lawyer, the lender's own channel for negotiating — with a
 * warning against paid "debt relief" agencies; not a guide on collectors' visits or on family paying.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-04T09:40:00+08:00');
let n = 0;
const conversation = () => talk(AT, `wh${++n}`);

describe('where to get help with the debts', () => {
  it.each(['我该去哪找个人帮我弄这堆欠款', '有没有哪里能找人帮我处理这几笔网贷'])('"%s"', async (text) => {
    const r = await conversation().say(text);
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/12348/);
    expect(r.shown).toMatch(/律师/);
    expect(r.shown).toMatch(/官方客服/);
    expect(r.shown).toMatch(/中介/);
  });
});
