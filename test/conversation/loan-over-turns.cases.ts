/**
 * A loan told a number at a time, through handleTurn with the real core over the memory store: the turns that
 * only tell the loan start (or go on with) the interest check, each asking the next number it needs; an upfront
 * deduction is answered when it is told (the principal is what arrived, 民法典第670条); the turn that completes
 * the loan gets its rate against the cap, and the follow-ups get the lawful amount and the principal.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-25T10:00:00+08:00');
const conversation = (user: string) => talk(AT, user);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('a private loan told a number at a time', () => {
  it('who lent, told alone, starts the check: the amount is asked, the lender kind kept', async () => {
    const c = conversation('o1');
    const first = await c.say('钱是找私人借的 一个放贷的老板 不是网贷平台');
    expect(first.kind).toBe('clarify');
    expect(first.shown).toMatch(/借了多少/);
    const amount = await c.say('借了3万');
    expect(amount.kind).toBe('clarify');
    expect(amount.shown).toMatch(/还多少|几期|多少天/);
    const state = await c.store.read('test:o1');
    expect(state?.loan).toMatchObject({ principal: 30000, lender: { type: 'unlicensed' } });
  });

  it('an amount told alone, no question, gets the next number asked, not a guide picked by a stray word', async () => {
    const c = conversation('o2');
    const r = await c.say('借了8000 分6期');
    expect(r.kind).toBe('clarify');
    expect(r.shown).toMatch(/还多少/);
  });

  it('the turn that completes it gets the rate against the cap of the date told, then the lawful total', async () => {
    const c = conversation('o3');
    await c.say('我是找朋友介绍的私人借的钱');
    await c.say('借了1万');
    await c.say('借条是2025年8月打的');
    const r = await c.say('约好一年后还13000 这利息超没超');
    expect(r.kind).toBe('answer');
    // 3,000 on 10,000 over a year; August 2025: 4 × LPR 3.0 % = 12 %.
    expect(firstSentence(r)).toMatch(/超/);
    expect(r.shown).toMatch(/3,?000/);
    expect(r.shown).toMatch(/12(\.0)?%/);
    const most = await c.say('那我最多应该还多少');
    // 10,000 + 12 % of it for a year = 11,200.
    expect(most.shown).toMatch(/11,?200/);
  });
});

describe('interest deducted when the loan was paid out', () => {
  it('is answered when told: the principal is what arrived (670), even while a number is still missing', async () => {
    const c = conversation('o4');
    const r = await c.say('合同写的借2万 打到卡上只有16000 说4000是先扣的利息');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/16,?000/);
    expect(r.shown).toMatch(/670/);
    // The number still needed is asked in the same reply.
    expect(r.shown).toMatch(/还多少|几期/);
  });

  it('a total and a term answer the question for the payment; "欠多少本金" is then what arrived', async () => {
    const c = conversation('o5');
    await c.say('合同写的借2万 打到卡上只有16000 说4000是先扣的利息');
    const r = await c.say('借了三个月 现在让我还24000');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/16,?000/);
    expect(r.shown).toMatch(/年化约/);
    const owed = await c.say('那我实际欠他多少本金');
    expect(firstSentence(owed)).toMatch(/16,?000/);
  });

  it('"也一样吗" naming a licensed lender after the principal answer: yes, 670 binds every lender', async () => {
    const c = conversation('o6');
    await c.say('合同写的借2万 打到卡上只有16000 说4000是先扣的利息');
    await c.say('借了三个月 现在让我还24000');
    await c.say('那本金到底算多少');
    const r = await c.say('要是银行借的 也一样吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/一样|也适用|同样/);
    expect(r.shown).toMatch(/670/);
  });
});

describe('"只还本金" asked before any loan number', () => {
  it('is answered with what decides it: lawful interest is owed, only interest above the cap can be refused', async () => {
    const c = conversation('o7');
    const r = await c.say('我可不可以只还本金');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/^(一般不|不能|要看)/);
    expect(r.shown).toMatch(/上限/);
    expect(r.shown).toMatch(/670/);
  });
});
