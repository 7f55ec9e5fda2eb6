/**
 * A collector's message that tells a third party they owe because of who they are — a spouse ("你们两口子谁也跑不掉"),
 * a boyfriend or girlfriend ("你是他女朋友 你也有责任") — gets that claim answered on the first screen of its analysis,
 * whether or not the analyzer calls it deception: a spouse's share is not automatic (民法典第1064条), a partner has
 * none. A threat to go to the reader's workplace is named there too. Wordings written for this test (none from an
 * eval set).
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-02T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });

describe('a third party told they owe', () => {
  it('a wife told the couple cannot escape: not automatic, 1064, and the workplace threat', async () => {
    const c = conversation();
    const r = await c.forward('弟妹你好，你家李强欠我们三万多一直拖着，两口子的账谁也跑不掉，明天不处理我们直接去你单位跟你们领导说。');
    expect(r.kind).toBe('analysis');
    expect(r.shown).toMatch(/不一定|不是自动/);
    expect(r.shown).toMatch(/1064/);
    expect(r.shown).toMatch(/单位|领导/);
    expect(r.shown.replace(/\s/g, '').length).toBeLessThanOrEqual(350);
  });

  it('a husband told a spouse must repay jointly: not automatic', async () => {
    const c = conversation();
    const r = await c.forward('陈先生您好，您妻子在我司的借款已逾期60天，您是配偶，依法负有共同还款责任，请于今日代为处理。');
    expect(r.shown).toMatch(/不一定|不是自动/);
    expect(r.shown).toMatch(/共同债务/);
  });

  it('a girlfriend told she is responsible: a partner does not owe', async () => {
    const c = conversation();
    const r = await c.forward('你是赵磊女朋友吧，他在我们这借的钱你也有责任，今天之内让他还上，不然我们天天打给你。');
    expect(r.shown).toMatch(/男女朋友|对象/);
    expect(r.shown).toMatch(/不用替对方还/);
  });

  it('guard: a message to the borrower naming the collector\'s own company gets no workplace line', async () => {
    const c = conversation();
    const r = await c.forward('我们公司已经把你的欠款情况发到你家族群里了，亲戚们都知道你欠钱不还。');
    expect(r.kind).toBe('analysis');
    expect(r.shown).not.toMatch(/去单位找领导/);
  });
});

describe('"next time" naming where', () => {
  it('after collectors blocked the user at work, "要是他们再跑到单位来咋整" gets the workplace answer: security, 110', async () => {
    const c = conversation();
    await c.say('今天下午催收在我单位门口拦着我不让走，闹了半个小时');
    const r = await c.say('要是他们再跑到单位来咋整');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/保安|前台/);
    expect(r.shown).toMatch(/110/);
  });

  it('guard: "要是他们下次又来呢" after a visit home names no place: whether and how to report it', async () => {
    const c = conversation();
    await c.say('昨晚催收在我家门口蹲到半夜，一直敲门');
    const r = await c.say('要是他们下次又来呢');
    expect(r.shown).toMatch(/110/);
    expect(r.shown).not.toMatch(/保安或前台/);
  });
});
