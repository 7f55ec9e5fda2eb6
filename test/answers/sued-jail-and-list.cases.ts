/**
 * Issue 11 point 2: being sued, asked about jail and the dishonest list together ("平台已经起诉我了 会不会上失信 要不要
 * 坐牢"): 不会 — a suit is civil; only refusing to comply with a judgment while able leads to 失信/限高, and 拒执 in
 * serious cases. Never the arbitration answer for someone not sued. Wordings are this file's own.
 */
import { answerer } from '../support/offline-answerer';

const AT = { at: new Date('2026-12-07T10:00:00+08:00') };
const shown = (q: string): string => answerer.answerNow(q, AT).reply.blocks.map((b) => b.text).join('\n');

describe('sued: jail and the dishonest list', () => {
  it.each(['平台已经起诉我了 会不会上失信 要不要坐牢', '起诉了会不会上失信 会不会被抓', '银行把我告了 以后是不是就成老赖了 还得进去'])('"%s" opens with 不会, names refusing a judgment', (q) => {
    const s = shown(q);
    expect(s).toMatch(/^不会/);
    expect(s).toMatch(/拒不履行|拒不执行/);
    expect(s).not.toMatch(/^没被起诉/);
  });

  it('not sued, asked about arbitration, the arbitration answer stays', () => {
    expect(shown('合同写了仲裁 没被起诉也会上失信吗')).toMatch(/仲裁/);
  });
});
