/**
 * Kinds of turn dev24 missed, in this file's own wordings (none from an eval set):
 * - an account of the user's own trouble with no 我 in it ("跟你讲件事 …逾期了 …每天被催") is the user's words: answered,
 *   never "who wrote this?", never kept as evidence;
 * - "12315呢" (or another hotline with 呢) right after an answer about complaint channels: that hotline's answer, not
 *   "out of scope";
 * - "记错了能改吗" right after credit-report answers: 异议 and its 20-day answer first, not how long records stay;
 * - "他们真敢发吗" after a threat: what the message claimed, checked (verify_claims), not a neighbouring guide;
 * - "借的时候收入是真的 后来…倒闭了" after a claim of fraud: no intent of illegal possession, not a lender gone bust;
 * - a loan whose deduction the user names ("到手…扣了手续费") keeps the 民法典 670 line on the first screen.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-10-14T20:10:00+08:00');
let n = 0;
const conversation = () => talk(AT, `d24m${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('the user telling their own trouble without 我', () => {
  it.each([
    '跟你讲件事 两个平台都逾期了 欠了快三万 每天被催',
    '信用卡逾期五个月了 天天被打电话 烦死了',
  ])('"%s": answered as the user\'s own, nothing kept', async (text) => {
    const c = conversation();
    const r = await c.say(text);
    expect(r.kind).not.toBe('confirmation');
    expect(r.shown).not.toMatch(/催收发给你的原话/);
    expect(r.evidenceSaved ?? 0).toBe(0);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('guard: a collector\'s threat typed alone is still asked about', async () => {
    const c = conversation();
    const r = await c.say('你再不还钱 明天就去你单位找你领导');
    expect(r.kind).toBe('confirmation');
  });
});

describe('a hotline asked about with 呢 after complaint channels', () => {
  it('"那12315呢" after where to complain: market regulation does not handle lending', async () => {
    const c = conversation();
    await c.say('被网贷催收骚扰了 应该去哪里投诉');
    const r = await c.say('那12315呢');
    expect(r.shown).not.toMatch(/不在我掌握的资料范围/);
    expect(firstSentence(r)).toMatch(/一般不|不管|不受理/);
    expect(r.shown).toMatch(/市场监管/);
  });
});

describe('a wrong credit record, asked right after credit-report answers', () => {
  it('"报告里要是写错了 可以改不" opens with the objection (异议), not the five years', async () => {
    const c = conversation();
    await c.say('网贷逾期的记录在征信上会留几年');
    await c.say('去哪里查征信报告');
    const r = await c.say('报告里要是写错了 可以改不');
    expect(firstSentence(r)).toMatch(/能|可以/);
    expect(firstSentence(r)).toMatch(/异议|更正/);
    expect(firstSentence(r)).not.toMatch(/^5年/);
    expect(r.shown).toMatch(/20日|二十日/);
  });
});

describe('a deduction named with the loan', () => {
  it('"到手…扣了手续费" keeps the 670 line on the first screen', async () => {
    const c = conversation();
    const r = await c.say('借了2万 到手17000 说是扣了手续费 分24期 每期还1150 这合法吗');
    expect(r.shown).toMatch(/17,?000/);
    expect(r.shown).toMatch(/670|预先扣除|砍头息/);
  });
});

describe('honest when borrowing, unable later', () => {
  it('after a claim of fraud, "收入都是真实的 后来单位倒闭了没钱还" is no fraud, not a lender gone bust', async () => {
    const c = conversation();
    await c.say('催收说我借钱不还就是诈骗 要让警察来抓我');
    const r = await c.say('我当初借的时候收入都是真实的 后来单位倒闭了没钱还');
    expect(r.shown).toMatch(/非法占有|不算诈骗|不是诈骗/);
    expect(r.shown).not.toMatch(/平台停运|清退/);
  });
});

describe('"真能…吗" after a forwarded threat', () => {
  it('"他们真敢发吗" checks what the message threatened (sending to contacts), not another of its parts', async () => {
    const c = conversation();
    await c.forward('不还钱是吧 明天就把你P成悬赏通缉令 群发给你手机里所有联系人');
    const r = await c.say('他们真敢发吗');
    expect(r.shown).not.toMatch(/冻结|律所/);
    expect(r.shown).toMatch(/隐私|个人信息/);
    expect(r.shown).toMatch(/违法|侵犯|不得/);
  });
});
