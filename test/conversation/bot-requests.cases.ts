/**
 * The user's own words in a dialogue (issue 10, dev22's misses by kind, in new wordings written for these tests):
 * a request addressed to the bot ("那你帮我起草…", "帮我写个…") is the user's, never "who wrote this?"; saying the
 * evidence is kept while asking a yes-or-no question about it ("我都录音了 这个录音可以当证据吗") gets that question
 * answered, not the steps against the message in focus. The "截图了 然后呢" case is a guard (it passed before).
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-21T19:30:00+08:00');
let n = 0;
const conversation = () => talk(AT, `br${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('a request to the bot is the user\'s own', () => {
  it.each(['行 那你帮我起草一份离婚协议', '那帮我写个离婚协议书吧'])('"%s" gets the drafting reply', async (text) => {
    const c = conversation();
    await c.say('我想跟老婆离婚 家里的存款怎么分');
    const r = await c.say(text);
    expect(r.kind).not.toBe('confirmation');
    expect(r.shown).toMatch(/12348|律师/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });
});

describe('evidence kept, and a question about it', () => {
  const fake = '我是市公安局经侦支队的 你欠网贷已涉嫌诈骗 今天下午五点前不还清 我们直接上门把你带走';
  it('"我都录音了 这个录音可以当证据吗" is answered: it can be evidence', async () => {
    const c = conversation();
    await c.forward(fake);
    const r = await c.say('我都录音了 这个录音可以当证据吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/能|可以/);
    expect(r.shown).toMatch(/证据/);
  });
  it('guard: "截图了 然后呢" still gets the steps after keeping evidence', async () => {
    const c = conversation();
    await c.forward(fake);
    const r = await c.say('截图了 然后呢');
    expect(r.shown).toMatch(/12368|110|报警/);
  });
});
