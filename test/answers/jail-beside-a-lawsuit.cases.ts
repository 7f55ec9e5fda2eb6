/**
 * Issue 10 point 6: a question that reports a threat to sue and asks about jail ("他们说要起诉我 是真的会坐牢吗")
 * asks about jail; its first sentence says 不会 (a suit is a civil matter), never "saying you will be sued is lawful"
 * — that answers a question not asked. Guard: asked whether the threat to sue is itself unlawful, the lawful-notice
 * verdict stays. Wordings are this file's own, none from an eval set or the guides' examples.
 */
import { answerer } from '../support/offline-answerer';

const AT = { at: new Date('2026-12-07T10:00:00+08:00') };
const first = (q: string): string => answerer.answerNow(q, AT).reply.blocks[0]?.text ?? '';

describe('jail asked beside a threat to sue', () => {
  it.each(['他们说要起诉我 是真的会坐牢吗', '平台的人讲下礼拜去法院告我 我会不会被判刑'])('"%s" opens with 不会', (q) => {
    expect(first(q)).toMatch(/^不会/);
  });

  it('asked whether the threat itself is unlawful, the lawful-notice verdict stays', () => {
    expect(first('对方说再不还就起诉我 这种说法违法吗')).toMatch(/^不(算)?违法/);
  });
});
