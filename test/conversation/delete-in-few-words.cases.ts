/**
 * Deleting everything in few words (tester, session 15): "都给我删掉" with no object said to the bot is its data — the
 * /delete confirmation with its buttons, never advice about lenders' data; "确定" / "删吧" typed while that
 * confirmation is offered presses 确认删除; "我的数据还有吗" afterwards is answered about what the bot keeps.
 * Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-11-12T20:05:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

describe('delete everything in few words', () => {
  it.each(['都给我删掉', '全都删了吧'])('"%s" asks to confirm with the buttons', async (ask) => {
    const c = talk(AT, `few-${ask}`);
    const r = await c.say(ask);
    expect(r.kind).toBe('command');
    expect(r.buttons.map((b) => b.label).join(' ')).toMatch(/确认删除/);
  });

  it.each(['确定', '删吧'])('"%s" typed at the confirmation deletes', async (yes) => {
    const c = talk(AT, `yes-${yes}`);
    await c.say('都给我删掉');
    const r = await c.say(yes);
    expect(r.kind).toBe('command');
    expect(r.shown).toMatch(/已删除/);
    const after = await c.say('我的数据还有吗');
    expect(after.shown).toMatch(/删了|已经没有/);
  });

  it('guard: a yes with no confirmation offered deletes nothing', async () => {
    const c = talk(AT, 'yes-alone');
    const r = await c.say('确定');
    expect(r.shown).not.toMatch(/已删除/);
  });

  it('guard: deleting what collectors posted is no request to the bot', async () => {
    const c = talk(AT, 'theirs');
    const r = await c.say('催收发到群里的照片能让他们都删掉吗');
    expect(r.kind).not.toBe('command');
  });
});
