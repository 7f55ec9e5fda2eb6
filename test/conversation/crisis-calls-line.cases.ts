/**
 * A person in crisis care who says they will call, are calling or called the helpline is encouraged to call now,
 * with "I am here" — never the rules on collectors' calls that "打…电话" would otherwise bring (issue 10). A
 * dangerous place named after a plan gets the urgent, place-specific reply, not the plan's reply again. Wordings
 * are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-07-15T23:20:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

/** What an answer about collectors' calls or any legal text would bring. */
const LEGAL = /轰炸|不能这样打|民法典|治安管理处罚法|投诉|侵扰|违法/;
const HERE = /我[一直就]*在这[儿里]|陪着你/;

describe('saying they will call the helpline, in crisis care', () => {
  it.each([
    ['嗯 那我打一下那个热线吧'],
    ['行 我这就去打12356'],
    ['那我试着打这个号码'],
    ['好吧 我试一下'],
  ])('"%s": call now, I am here, nothing legal', async (text) => {
    const c = talk(AT, `cl-${text}`);
    expect((await c.say('实在撑不下去了 不想活了')).kind).toBe('crisis');
    const r = await c.say(text);
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).toMatch(/现在就拨|再拨/);
    expect(r.shown).toMatch(HERE);
    expect(r.shown).not.toMatch(LEGAL);
  });

  it.each([['拨了 一直在排队'], ['在打热线了 还没接通']])('"%s" (calling already): stay on the line, I am here', async (text) => {
    const c = talk(AT, `cl-on-${text}`);
    await c.say('活着太累了 想一了百了');
    const r = await c.say(text);
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/别挂|再拨/);
    expect(r.shown).toMatch(HERE);
    expect(r.shown).not.toMatch(LEGAL);
  });

  it('after a plan and a place: the place reply is no repeat, and calling brings 110 and leaving the place', async () => {
    const c = talk(AT, 'cl-place');
    const plan = await c.say('明晚去江边跳下去 遗书都写好了');
    expect(plan.kind).toBe('crisis');
    const place = await c.say('我已经到江边了');
    expect(place.kind).toBe('crisis');
    expect(place.shown).not.toBe(plan.shown);
    expect(place.shown).toMatch(/离开|往回走/);
    expect(place.shown).toMatch(/110/);
    const r = await c.say('……行吧 我去打那个电话');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).toMatch(/110/);
    expect(r.shown).toMatch(/离开|往有人的地方/);
    expect(r.shown).toMatch(HERE);
    expect(r.shown).not.toMatch(LEGAL);
  });

  it('guard: a question about collectors calling, in crisis care, is still answered', async () => {
    const c = talk(AT, 'cl-guard');
    await c.say('真的不想活了 欠了二十多万');
    const r = await c.say('他们一天给我打二三十个电话 这合法吗');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/违法|滋扰|侵扰/);
    expect(r.shown).toMatch(/12356/);
  });
});
