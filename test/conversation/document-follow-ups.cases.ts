/**
 * Follow-ups read against what the conversation is about (dev18 kinds, new wordings): a vague question after a 支付令
 * or an arbitration notice asks about that document's procedure; "what if they come again" after judged conduct asks
 * whether to report it; where to complain is the channels, not the verdict; one term of the last answer explained; the
 * one claim a question names; a lender's own business judged by the guides; a turn stamped before the last one
 * still follows it.
 */
import { conversation as talk } from '../support/conversation';
import { dialogueContext } from '../../src/conversation/dialogue-context';
import type { UserState } from '../../src/state/store';

const AT = new Date('2026-12-01T10:00:00+08:00');
const conversation = () => talk(AT, 'u1', { forwardSentAt: AT });

const PAYMENT_ORDER = 'XX县人民法院 支付令 （2026）川0722民督88号 申请人：XX消费金融有限公司 被申请人：陈刚 申请人请求被申请人给付借款本金12600元及利息 依照《中华人民共和国民事诉讼法》第二百二十七条规定 被申请人应当自收到本支付令之日起十五日内清偿 或者向本院提出书面异议';
const ARBITRATION = '【XX仲裁委员会】陈刚您好 申请人XX小额贷款有限公司与您借款合同纠纷一案 本会已受理 案号（2026）X仲网字第1203号 请于收到本通知之日起10日内登录网络仲裁平台提交答辩意见及证据';

describe('a vague follow-up after a court or arbitration document asks about its procedure', () => {
  it('after a 支付令: a phone call is no objection; fees charged too high may be objected to', async () => {
    const c = conversation();
    await c.forward(PAYMENT_ORDER);
    const call = await c.say('我直接打电话跟法院说一声我的难处 行不行');
    expect(call.kind).toBe('answer');
    expect(call.shown).toMatch(/书面/);
    const fees = await c.say('服务费收得太多了 这个能写到异议书里面不');
    expect(fees.shown).toMatch(/^(可以|能)/);
  });

  it('after an arbitration notice: an award may be set aside within three months', async () => {
    const c = conversation();
    await c.forward(ARBITRATION);
    const r = await c.say('那假如裁决已经出来了 我还有办法推翻吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/撤销|不予执行/);
    expect(r.shown).toMatch(/三个月|3个月|中级/);
  });
});

describe('what if they come again, after conduct was judged', () => {
  it('"他们再来的话咋办" after paint on the door: report it', async () => {
    const c = conversation();
    await c.say('今天早上发现家门口被人泼了油漆 还写了欠钱不还 肯定是催收弄的');
    await c.say('我要不要先拍照');
    const r = await c.say('他们再来的话咋办');
    expect(r.shown).toMatch(/110|报警|派出所/);
  });

  it('a yes-or-no of its own beside it ("下回…能录音不") is answered as asked', async () => {
    const c = conversation();
    await c.say('催收昨天晚上连着打了四十多个电话 把我骂得很难听');
    const r = await c.say('下回他们再打过来 我能录音不');
    expect(r.shown).toMatch(/录/);
  });
});

describe('where to complain is the channels', () => {
  it('"催收把我欠钱的事告诉我同事了 这个该去哪里投诉"', async () => {
    const c = conversation();
    const r = await c.say('催收把我欠钱的事告诉我同事了 这个该去哪里投诉');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/12378|金融监管|协会|12321/);
  });
});

describe('one term of the last answer, explained', () => {
  it('"你说的那个中断是什么意思 讲通俗点" after the limitation answer', async () => {
    const c = conversation();
    await c.say('网上都说欠钱三年不还就不用还了 是不是这样');
    const r = await c.say('你说的那个中断是什么意思 讲通俗点');
    expect(r.shown).toMatch(/重新|从头|再算/);
  });
});

describe('the one claim a question names is answered first', () => {
  it('"他们真的会把我抓走吗" after a fake police message with several claims', async () => {
    const c = conversation();
    await c.forward('【XX公安分局】王强 你因恶意拖欠网贷涉嫌诈骗已被立案 限今天下午六点前还清 否则上门拘传并通知你单位领导');
    const r = await c.say('他们真的会把我抓走吗 我就是一时还不上');
    expect(r.shown).not.toMatch(/^有真有假/);
    expect(r.shown).toMatch(/^(一般)?不(是|会)/);
  });
});

describe("a lender's own business is judged by the guides", () => {
  it('"那个人专门放贷 村里好多人都找他借 这合法吗" after a threat', async () => {
    const c = conversation();
    await c.say('借钱给我的那个老板说再不还就找人收拾我');
    const r = await c.say('那个人专门放贷 村里好多人都找他借 这合法吗');
    expect(r.shown).not.toMatch(/这条消息/);
    expect(r.shown).toMatch(/职业放贷|无效|没有放贷资格/);
  });
});

describe('a turn stamped before the last one follows it', () => {
  it('the focus still frames the next turn when the clocks disagree', () => {
    const last = '2026-12-07T16:40:00+08:00';
    const state = { history: [], focus: { kind: 'analysis' }, lastTurnAt: last, updatedAt: last } as unknown as UserState;
    expect(dialogueContext(state, new Date('2026-11-18T10:09:00+08:00'))).toBe('analysis');
    expect(dialogueContext(state, new Date('2026-12-09T10:00:00+08:00'))).toBe('none');
  });
});
