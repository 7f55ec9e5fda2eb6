/**
 * Words of death the user reports a collector said to them are the collector's insult, answered as conduct with a
 * gentle line under it — not the user's own wish to die (issue 10). The user's own words after such a report still
 * enter crisis mode, and crisis detection still runs first. Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-07-16T20:40:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

describe("a collector's words of death, reported by the user", () => {
  it.each([
    ['催收昨晚打电话说我这种废物不配活着 通话我录下来了', true],
    ['那个客服骂我是人渣 说我怎么还不去死', false],
    ['对方在电话里骂我 说我早点死了算了', false],
  ])('"%s": the insult answered, one gentle line, no crisis mode', async (text, kept) => {
    const c = talk(AT, `rd-${text.length}-${kept}`);
    const r = await c.say(text);
    expect(r.kind).not.toBe('crisis');
    expect(r.shown).toMatch(/侮辱|辱骂/);
    expect(r.shown).not.toMatch(/听到你这么难受|你现在安全吗/);
    expect(r.shown).toMatch(/不是你的错/);
    expect(r.shown.match(/12356/g) ?? []).toHaveLength(1);
    if (kept) expect(r.shown).toMatch(/录下的音.*证据/);
    // No crisis mode: the next answer does not open by asking whether they are safe.
    const next = await c.say('这种能投诉吗');
    expect(next.shown).not.toMatch(/安全吗/);
  });

  it.each([
    ['他们骂我是废物 说我不配活着 其实我自己也觉得不配活着'],
    ['催收说我怎么不去死 他说得对 我真想死了算了'],
    ['他们天天骂我去死 我真的不想活了'],
  ])('guard, "%s": the user\'s own words still enter crisis mode', async (text) => {
    const c = talk(AT, `rd-own-${text.length}`);
    const r = await c.say(text);
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/侮辱谩骂/);
  });
});
