/**
 * A word or two of the collector's quoted inside the user's own question ("“废物”算不算骂人 我能报警吗") is the user's
 * question (dev31, session 15's round B: such a turn was analysed as a collector's message and kept as evidence).
 * Nothing of it is saved; a whole quoted message with a question still is analysed. Wordings are this file's own.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-11-20T19:40:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

describe('a quoted word inside a question is the user\'s', () => {
  it.each(['“骗子”这两个字算骂人吗 能报警吗', '他们老叫我“垃圾” 这个算侮辱吗', '「老赖」这个说法能告他们吗'])('"%s" saves nothing', async (q) => {
    const c = talk(AT, `quoted-${q}`);
    const r = await c.say(q);
    expect(await c.evidence()).toHaveLength(0);
    expect(r.kind).not.toBe('confirmation');
  });

  it('guard: a whole quoted message with a question is still the collector\'s', async () => {
    const c = talk(AT, 'quoted-whole');
    const r = await c.say('“三天内不还 我们就去你老家挨家挨户告诉你欠钱不还” 这样说违法吗');
    expect(['analysis', 'confirmation']).toContain(r.kind);
  });
});
