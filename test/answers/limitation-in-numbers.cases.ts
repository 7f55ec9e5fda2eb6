/**
 * "Not owed after three years?" asked with the years in digits ("超过3年就不用还了") is the limitation question, not the
 * interest-cap one the words 超过 … 不用还 pull it towards (tester, session 14); a cap asked in percent stays the cap.
 * Wordings are this file's own.
 */
import { answerer } from '../support/offline-answerer';

const AT = { at: new Date('2026-12-08T10:00:00+08:00') };
const shown = (q: string): string => answerer.answerNow(q, AT).reply.blocks.map((b) => b.text).join('\n');

describe('three years in digits', () => {
  it.each(['网上说超过3年不用还 是真的吗', '我听人讲网贷超过3年就不用还了 是真的吗', '欠款超过3年 是不是就不用还了啊'])('"%s" is answered about the limitation period', (q) => {
    const s = shown(q);
    expect(s).toMatch(/^不/);
    expect(s).toMatch(/时效/);
    expect(s).toMatch(/重新计算|中断/);
    expect(s).not.toMatch(/两线三区|4倍LPR/);
  });

  it('a cap asked in percent stays the cap', () => {
    expect(shown('利息超过24%的部分是不是就不用还了')).toMatch(/两线三区|4倍LPR|LPR/);
  });
});
