/**
 * After an analysed message, a question that judges someone else's doing — the user's own ("我这算不算恶意逃债") or a
 * third party's ("单位要是因此辞退我 违法吗") — is answered as that question, not with the verdict on the message; a
 * question about the collectors or the message ("他们这样发到我单位 算不算违法") still gets that verdict. A fact
 * told right after an answer is read against that answer's topic.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });
const UNLAWFUL = '你再不还钱，我们就把你欠钱的事发到你们公司群里，让你领导同事都知道你是个老赖';
const FAKE_FIRM = '【鼎信律师事务所】律师函：你的欠款已委托我所处理，三日内不还清将向你单位发函并申请强制执行。联系人：刘律师 微信dx6688';

describe('a judging question about someone other than the collectors', () => {
  it('"我这算不算恶意逃债" after an analysis is answered for the user, not with "算：这条消息…"', async () => {
    const c = conversation();
    await c.forward(UNLAWFUL);
    const r = await c.say('我就是工资发晚了才没还上 不是成心赖账 我这算不算恶意逃债');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/^算/);
    expect(r.shown).not.toMatch(/这条消息有违法/);
  });

  it('"单位要是因此辞退我 违法吗" routes the labour question (12333, 劳动仲裁, 12348)', async () => {
    const c = conversation();
    await c.forward(UNLAWFUL);
    const r = await c.say('单位要是因为催收的事辞退我 这个违法吗');
    expect(r.shown).not.toMatch(/这条消息有违法/);
    expect(r.shown).toMatch(/12333|劳动仲裁|12348/);
  });

  it('a question about the collectors themselves still recalls the verdict on the message', async () => {
    const c = conversation();
    await c.forward(UNLAWFUL);
    const r = await c.say('他们这样要发到我单位群里 算不算违法');
    expect(r.shown).toMatch(/^算/);
  });
});

describe('the user\'s own act, asked as "可以吗 / 犯法吗"', () => {
  it('filming collectors at the door for evidence: 可以 first, evidence named', async () => {
    const c = conversation();
    const r = await c.say('他们来家门口闹的时候 我能不能拿手机全程录下来');
    expect(r.shown).toMatch(/^可以/);
    expect(r.shown).toMatch(/证据/);
    expect(r.shown).not.toMatch(/^不行/);
  });

  it('reporting a fake law firm: the asked verb answered first (能), with where to report', async () => {
    const c = conversation();
    await c.forward(FAKE_FIRM);
    const r = await c.say('冒充律所吓唬我 能不能告他们');
    expect(r.shown).toMatch(/^能/);
    expect(r.shown).toMatch(/报警|110|司法局/);
    expect(r.shown).toMatch(/62条|律师法/);
  });
});

describe('a fact told right after an answer', () => {
  it('"但是他们每个月都打电话来要钱" after a limitation answer: each demand interrupts it', async () => {
    const c = conversation();
    await c.say('网贷欠了快四年没还了 是不是已经过了诉讼时效');
    const r = await c.say('但是他们每个月都发短信来要钱');
    expect(r.shown).toMatch(/中断|重新计算/);
  });
});
