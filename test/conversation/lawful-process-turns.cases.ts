/**
 * Legal application inside a conversation (dev23's misses by kind, in new wordings): "那个第几条" points back at the
 * provision just cited and is explained, with the others named by what they are about; a pace of contact told
 * after a limitation-period answer (每个月打一个电话) is read against that answer (each demand interrupts the
 * period), not judged as harassment; a collector's claim of 恶意透支 against a loan is answered first as the credit
 * card's crime.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-10-12T20:00:00+08:00');
const conversation = (user: string) => talk(AT, user);

describe('"第几条" after an answer that cited provisions', () => {
  it('explains the first provision cited and names the others by their subject', async () => {
    const c = conversation('lp1');
    await c.say('催收说我哥是紧急联系人 要替我还钱 我哥要还吗');
    const r = await c.say('那个第几条讲的啥');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/第[一二三四五六七八九十百千零]+条说的是/);
    expect(r.shown).toMatch(/刚才还引用了：[^。]*（[^）]+）/);
  });
  it('"第几条" about messages is no provision', async () => {
    const c = conversation('lp2');
    await c.say('催收说我哥是紧急联系人 要替我还钱 我哥要还吗');
    const r = await c.say('他们一共发了五条短信 第几条最过分');
    expect(r.shown).not.toMatch(/说的是：/);
  });
});

describe('contact told after a limitation answer', () => {
  it('monthly calls interrupt the period; they are not judged as harassment', async () => {
    const c = conversation('lp3');
    await c.say('18年在某app借过钱 一直没还 是不是过时效了');
    const r = await c.say('那边大概每个月会打一个电话来要钱');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/中断|重新(?:计算|起算)/);
    expect(r.shown).not.toMatch(/骚扰你|轰炸/);
  });
});

describe('a claim of 恶意透支 against a loan', () => {
  it('says first that 恶意透支 is the credit card’s crime', async () => {
    const c = conversation('lp4');
    const r = await c.say('网贷逾期5万多 催收说我这是恶意透支 要抓我');
    expect(r.shown.split(/[。\n]/)[0]).toMatch(/信用卡/);
    expect(r.shown).not.toMatch(/据报道，刑法/);
  });
});
