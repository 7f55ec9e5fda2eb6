/**
 * Turns that ask about something of their own, not about the loan or the message in focus: a complaint naming
 * hotlines (never loan numbers), a claim heard elsewhere ("听说…是真的吗"), a spouse's share of a debt (the gambling
 * verdict only when gambling is named), a document to draft (out of scope), which of the loan's amounts is the
 * principal, and night calls told in words.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });

describe('a complaint names hotlines, not loan numbers', () => {
  it('"我想举报XX花的催收 12363管不管 还是找12321好" is answered, not asked for the loan term', async () => {
    const c = conversation();
    const r = await c.say('我想举报XX花的催收 12363管不管 还是找12321好');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/几期|多少天|每期还多少/);
    expect(r.shown).toMatch(/12378|12363|12321|地方金融/);
  });

  it('a complaint that also tells loan numbers is still where to complain', async () => {
    const c = conversation();
    const r = await c.say('借了6000 每月还700 催收天天打 我想投诉他们 打哪个电话');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/几期|多少天/);
    expect(r.shown).toMatch(/12378|110|12321|投诉/);
  });

  it('"那市场监管局管这个不" opens with no, and the NIFA platform is named when asked for', async () => {
    const c = conversation();
    await c.say('网络小贷的催收该去哪里投诉');
    const no = await c.say('12315管这个不');
    expect(no.kind).toBe('answer');
    expect(no.shown).toMatch(/^一般不/);
    const nifa = await c.say('互联网金融协会的举报平台咋用');
    expect(nifa.shown).toMatch(/jubao\.nifa\.org\.cn/);
  });
});

describe('a claim heard elsewhere is checked, not the message in focus', () => {
  it('"网上有人说逾期满三年就自动清零了 真的吗" after an analysed reminder', async () => {
    const c = conversation();
    await c.forward('您好，您在XX平台的借款已逾期15天，请尽快通过官方APP还款，以免影响您的信用记录。');
    const r = await c.say('网上有人说逾期满三年就自动清零了 真的吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/这条消息/);
    expect(r.shown).toMatch(/^不/);
    expect(r.shown).toMatch(/重新计算|中断|抗辩/);
  });
});

describe('a spouse question gets the 1064 verdict; gambling only when named', () => {
  it('"钱是我借来买化妆品的 我老公要不要跟着一起还" is 要看, not the gambling entry', async () => {
    const c = conversation();
    const r = await c.say('钱是我借来买化妆品的 我老公要不要跟着一起还');
    expect(r.shown).toMatch(/^(不一定|要看)/);
    expect(r.shown).not.toMatch(/^不用你还/);
  });

  it('"离婚以后这笔网贷他也得一起还吗" opens with 要看', async () => {
    const c = conversation();
    const r = await c.say('离婚以后这笔网贷他也得一起还吗');
    expect(r.shown).toMatch(/^要看/);
    expect(r.shown).toMatch(/日常生活|共同/);
  });

  it('named gambling still gets the gambling verdict', async () => {
    const c = conversation();
    const r = await c.say('老公网赌欠的网贷要我一起还吗');
    expect(r.shown).toMatch(/赌博/);
  });

  it('"那帮我拟一份离婚协议书行吗" after a spouse answer is out of scope, routed to 12348 or a lawyer', async () => {
    const c = conversation();
    await c.say('离婚以后这笔网贷他也得一起还吗');
    const r = await c.say('那帮我拟一份离婚协议书行吗');
    expect(r.shown).toMatch(/12348|律师/);
    expect(r.shown).not.toMatch(/追偿|共同债务/);
  });
});

describe('which amount is the principal', () => {
  it('"本金是9600还是12000啊" after a deduction was told names what arrived', async () => {
    const c = conversation();
    await c.say('在app上借了12000 实际只打给我9600 说扣了会员费');
    await c.say('每个月还1300');
    await c.say('分12期');
    const r = await c.say('本金是9600还是12000啊');
    expect(r.shown).toMatch(/^本金按你实际到手的 9600/);
    expect(r.shown).toMatch(/670/);
  });
});

describe('night calls told in words', () => {
  it('"半夜三点多还在打 打了十几个 我女儿都被吓醒了 这样合法吗" is night calls, no third party contacted', async () => {
    const c = conversation();
    const r = await c.say('半夜三点多还在打 打了十几个 我女儿都被吓醒了 这样合法吗');
    expect(r.categories).toContain('off_hours');
    expect(r.categories).not.toContain('third_party_contact');
    expect(r.shown).toMatch(/22:00|夜里|半夜/);
    expect(await c.evidence()).toHaveLength(0);
  });
});
