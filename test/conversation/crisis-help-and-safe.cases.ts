/**
 * Help on its way said together with safety said outright ("她马上过来陪我 我保证不会做傻事") is safety: care ends and
 * the next plain question is answered as an answer (issue 10). Help on its way alone ("他说马上过来陪我") keeps care
 * going. Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-08-02T22:10:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

describe('help coming, with safety said outright', () => {
  it.each([
    ['我男朋友说马上过来陪我 我保证不会做傻事', '那他们能打给我公司吗'],
    ['我姐正在过来 我现在安全的 放心吧', '逾期了征信会怎么样'],
  ])('"%s" ends care; "%s" is answered', async (safe, question) => {
    const c = talk(AT, `help-safe-${safe.length}`);
    expect((await c.say('活着真没意思 不想活了')).kind).toBe('crisis');
    await c.say(safe);
    const r = await c.say(question);
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/安全吗/);
  });

  it('guard: help on its way alone keeps care going', async () => {
    const c = talk(AT, 'help-alone');
    expect((await c.say('活着真没意思 不想活了')).kind).toBe('crisis');
    await c.say('我给我哥打了电话 他说马上过来陪我');
    const r = await c.say('那他们能打给我公司吗');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
  });
});
