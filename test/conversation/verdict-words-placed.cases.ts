/**
 * A verdict word ("能：", "算：") opens an answer only where the question asked for it: the second conduct's reason after
 * "另外，曝光隐私：" carries none, and "那条是啥意思" after an analysis is answered with what it is, not "算：".
 * Wordings are this file's own.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-12-07T20:30:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const MESSAGE = '王磊你听好，再不还钱我们的人明天就到你家，打断你的腿，还要把你欠钱的事和照片发到你们公司群里，让大家都看看！';

describe('verdict words only where asked', () => {
  it('"另外，<label>：" is followed by the reason, not by a second verdict', async () => {
    const c = talk(AT, 'verdict-also');
    await c.forward(MESSAGE, AT);
    const r = await c.say('如果他们真的找上门 我可以报警不');
    expect(r.shown).not.toMatch(/另外，[^：\n]+：(?:不?能|可以|算)[：:，,]/);
  });

  it('"这是啥意思" right after an analysis does not open with "算："', async () => {
    const c = talk(AT, 'verdict-meaning');
    await c.forward(MESSAGE, AT);
    const r = await c.say('你这个分析是啥意思');
    expect(r.shown).not.toMatch(/^算[：:]/);
  });
});
