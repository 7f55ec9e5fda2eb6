/**
 * Follow-ups that lean on what earlier turns named (issue 10, new-user tester; new wordings): whether the message in
 * focus was kept as evidence, the same question for another loan named alone, a spouse who did not borrow, how to
 * verify the lawyer of a lawyer's letter, how to help someone else at risk, and the helpline's confidence asked in care.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });

const EXPOSURE = '王建军你再装死试试，明天就把你欠钱的事发到你家族群里，让你老婆孩子都抬不起头';
const REMINDER = '【XX银行】尊敬的客户，您的信用卡账单已逾期3天，请尽快还款，如有困难可致电官方客服协商分期。';
const LAWYER_LETTER = '【鼎信律师事务所】律师函 王先生：受委托人XX消费金融有限公司委托，现就您的借款逾期事宜正式函告，请于7日内联系处理，否则我所将代为提起诉讼。承办律师：李明';

describe('whether the message in focus was kept as evidence', () => {
  it('kept: says so first, with its number and how to see it', async () => {
    const c = conversation();
    await c.forward(EXPOSURE);
    const [kept] = await c.evidence();
    const r = await c.say('你把那条消息保存下来没有');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/^存了/);
    expect(r.shown).toContain(kept!.id);
    expect(r.shown).toMatch(/\/evidence/);
    expect(r.evidenceSaved).toBe(0);
  });

  it('a lawful reminder was not kept: says so, and why', async () => {
    const c = conversation();
    await c.forward(REMINDER);
    const r = await c.say('这条短信你给我存起来了吗');
    expect(r.shown).toMatch(/^没有存/);
    expect(r.shown).toMatch(/没有发现违法/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('nothing forwarded yet: nothing kept, and how to have it kept', async () => {
    const c = conversation();
    const r = await c.say('催收那条短信你帮我存上了吗');
    expect(r.shown).toMatch(/^还没有/);
    expect(r.shown).toMatch(/转发/);
  });
});

describe('another loan named alone asks the last question again for it', () => {
  it('"那花呗呢" after a credit-report question about 微粒贷', async () => {
    const c = conversation();
    await c.say('我微粒贷逾期了8000，花呗也欠了5000');
    const first = await c.say('微粒贷那笔会上征信吗');
    const r = await c.say('那花呗呢');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/^会/);
    expect(r.blocks[0]!.text).toBe(first.blocks[0]!.text);
  });

  it('"美团月付那个也一样吗" after a lawsuit question about 借呗', async () => {
    const c = conversation();
    await c.say('借呗逾期两个月了 会不会被起诉');
    const r = await c.say('美团月付那个也一样吗');
    expect(r.kind).toBe('answer');
    expect(r.blocks[0]!.text).toMatch(/起诉/);
    expect(r.shown).not.toMatch(/支付令/);
  });
});

describe('a spouse who did not borrow, asked after a threat', () => {
  it('whether the spouse must pay: 夫妻共同债务, not the threat again', async () => {
    const c = conversation();
    await c.forward(EXPOSURE);
    const r = await c.say('我又没在网上借过钱 我们两口子 我也得替他还吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/^不一定/);
    expect(r.shown).toMatch(/共同债务/);
  });
});

describe('the lawyer of a lawyer\'s letter, verified', () => {
  it('"函上这个律师到底真的假的 咋查": the justice bureau and 12348, not legal aid', async () => {
    const c = conversation();
    await c.forward(LAWYER_LETTER);
    const r = await c.say('函上这个律师到底真的假的 咋查');
    expect(r.shown).toMatch(/司法局|司法行政/);
    expect(r.shown).not.toMatch(/法律援助/);
  });
});

describe('someone else at risk: how to help them', () => {
  it('"我表姐…天天说活着没意思 我要怎么开导她": what helps, the lines, and the one asking is not asked if they are safe', async () => {
    const c = conversation();
    const r = await c.say('我表姐被网贷逼得天天说活着没意思 我要怎么开导她');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).toMatch(/110|120/);
    expect(r.shown).toMatch(/陪/);
    expect(r.shown).not.toMatch(/你现在安全吗|你安全吗/);
  });

  it('the user\'s own wish beside it is still their own crisis', async () => {
    const c = conversation();
    const r = await c.say('我妈天天说不想活了 我也不想活了 我该怎么劝她');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/你现在安全吗|你安全吗/);
  });
});

describe('the helpline\'s confidence, asked in crisis care', () => {
  it('"打12356的话家里人会知道吗": about the line, care kept, no collectors\' privacy rules', async () => {
    const c = conversation();
    await c.say('欠了好多网贷 真的不想活了');
    const r = await c.say('打12356的话家里人会知道吗');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/保密/);
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/第1032|第一千零三十二/);
  });
});
