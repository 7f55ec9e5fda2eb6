/**
 * What a follow-up is about: the conduct the turn names itself, the threats kept earlier rather than the harmless
 * message that came last, the note a lawful notice carries; and the turns that only announce a message, say help
 * is no use, or ask whether a notice is forged.
 */
import { handleTurn } from '../../src/conversation/conversation';
import { MemoryStore } from '../../src/state/memory-store';
import { renderText } from '../../src/channels/local/render-text';
import { conversation as talk } from '../support/conversation';
import { testDeps } from '../support/core-deps';

const AT = new Date('2026-06-12T10:00:00+08:00');

const conversation = (user = 'u1') => talk(AT, user, { forwardSentAt: AT });

const firstSentence = (shown: string) => (/^[\s\S]*?[。！？：\n]/.exec(shown.trim())?.[0] ?? shown).trim();
const REMINDER = '尊敬的客户，您的借款已逾期3天，请及时通过App还款，避免影响个人征信。';
const COURT = '【上海市浦东新区人民法院】李志强，您好！原告上海某某小额贷款有限公司诉你借款合同纠纷一案，本院已立案受理，案号（2026）沪0115民初12345号。请于收到本通知之日起15日内提交答辩状。如有疑问请拨打12368。';

describe('a follow-up that names conduct of its own is about that conduct', () => {
  it('"晚上打几十个电话违法吗" after a polite reminder is not answered with the reminder\'s verdict', async () => {
    const c = conversation();
    await c.forward(REMINDER);
    const r = await c.say('晚上打几十个电话违法吗');
    expect(r.shown).not.toMatch(/正常的催收提醒/);
    expect(firstSentence(r.shown)).not.toMatch(/^不算/);
    expect(r.shown).toMatch(/1033|第五十条|第50条/);
  });

  it('"…这算违法吗" about described conduct opens with the answer', async () => {
    const c = conversation();
    const r = await c.say('他们把我欠钱的事发到我们小区业主群了 这算违法吗');
    expect(firstSentence(r.shown)).toMatch(/^算/);
    expect(await c.evidence()).toHaveLength(0);
  });
});

describe('a follow-up that reports a claim of its own', () => {
  it('"他们还说我不还就坐牢 是真的吗" checks that claim, not the message in focus', async () => {
    const c = conversation();
    await c.say('催收说明天要来我家 还要找我爸妈 他们真能这样吗');
    const r = await c.say('他们还说我不还就坐牢 是真的吗');
    expect(r.shown).toMatch(/坐牢/);
    expect(r.shown).not.toMatch(/没有需要辨真假/);
  });
});

describe('"can I report it" means the threats, not the harmless message that came after them', () => {
  it('does not say "no need to report" when a threat was kept earlier', async () => {
    const c = conversation();
    await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    await c.forward('您好，请尽快还款');
    const r = await c.say('能报警吗');
    expect(r.shown).not.toMatch(/不用报警/);
    expect(r.shown).toMatch(/110|派出所|报警/);
  });

  it('still answers for the harmless message when the user points at it', async () => {
    const c = conversation();
    await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    await c.forward('您好，请尽快还款');
    const r = await c.say('这条能报警吗');
    expect(r.shown).not.toMatch(/泼油漆/);
  });
});

describe('a lawful lawsuit notice', () => {
  it('is called a lawsuit notice, lawful, not "a normal reminder"', async () => {
    const c = conversation();
    const r = await c.forward(COURT);
    expect(r.kind).toBe('analysis');
    expect(firstSentence(r.shown)).not.toMatch(/催收提醒/);
    expect(r.shown).toMatch(/起诉/);
    expect(r.evidenceSaved).toBe(0);
  });

  it('"那我该怎么办 不理它行不行" gets verify-and-answer-it, not "no need to report"', async () => {
    const c = conversation();
    await c.forward(COURT);
    const r = await c.say('那我该怎么办 不理它行不行');
    expect(r.shown).toMatch(/应诉|答辩/);
    expect(r.shown).not.toMatch(/不用报警/);
  });

  it('"这不会是催收P的吧 我不想理" is about checking the notice, never the crisis lines', async () => {
    const c = conversation();
    await c.forward(COURT);
    const r = await c.say('这不会是催收P的吧 我不想理');
    expect(r.shown).toMatch(/12368/);
    expect(r.shown).not.toMatch(/12356/);
  });
});

describe('a fake court notice', () => {
  it('says how to check it on the first screen', async () => {
    const c = conversation();
    const r = await c.forward('【临江市中级人民法院】你在闪电钱包借款逾期一案已立案，传票已生成。请于今日17:00前将欠款转入执行专员个人账户6217003822914456以撤销传票，逾期将由公安机关上门拘传。');
    expect(r.shown).toMatch(/12368/);
  });
});

describe('turns that only announce a message', () => {
  it.each(['帮我看看这条 催收发的', '我妈刚收到催收的短信 转给我了 我发你看看'])('%s: asks for the message and keeps nothing', async (text) => {
    const c = conversation();
    const r = await c.say(text);
    expect(r.kind).toBe('clarify');
    expect(r.shown).toMatch(/转发|粘贴|截图/);
    expect(await c.evidence()).toHaveLength(0);
  });
});

describe('/call notes', () => {
  it('judges what the user reports of the call, not only the words after 说', async () => {
    const c = conversation();
    const r = await c.say('/call 13812345678 凌晨1点打来说要去我公司闹 骂我是骗子');
    expect(r.categories).toEqual(expect.arrayContaining(['insult', 'third_party_contact']));
    expect(r.evidenceSaved).toBe(1);
  });
});

describe('crisis mode', () => {
  it('"打热线有啥用 又不能帮我还钱" is not "I am safe"', async () => {
    const c = conversation();
    await c.say('真的撑不下去了 不想活了');
    const r = await c.say('打热线有啥用 又不能帮我还钱');
    expect(r.kind).toBe('crisis');
    expect(r.shown).not.toMatch(/说你现在安全/);
    const next = await c.say('网贷不还 他们会不会真的上门抓我');
    expect(next.shown).toMatch(/12356/);
  });
});

describe('a short question read with the message it follows', () => {
  it('"他们要是硬闯呢" after an announced visit is about the visit', async () => {
    const c = conversation();
    await c.forward('【金橙消费金融】尊敬的客户，我司外访人员将于6月18日上午10点前往您登记的住址拜访，协商还款事宜。如时间不便，请致电另行预约。');
    const r = await c.say('他们要是硬闯呢');
    expect(r.shown).toMatch(/110|报警/);
    expect(r.shown).toMatch(/住宅|进门|闯/);
  });
});

describe('lawful notices with a note of their own', () => {
  it('a debt assignment notice: lawful, verify with the original lender', async () => {
    const c = conversation();
    const r = await c.forward('【融晟资产】杨帆先生您好：您在东滨银行的信用卡欠款已依法转让给融晟资产管理有限公司，本通知即为债权转让通知。', null);
    expect(r.categories).toEqual([]);
    expect(r.shown).toMatch(/原贷款机构|原债权人/);
    expect(r.shown).toMatch(/核实/);
  });

  it('a bank warning of 恶意透支: lawful, and what the offence requires', async () => {
    const c = conversation();
    const r = await c.forward('【东滨银行】您的信用卡透支本金已逾期97天，我行已两次向您催收。经两次有效催收后超过三个月仍不归还的，可能被认定为恶意透支，我行将依法处理。', null);
    expect(r.categories).toEqual([]);
    expect(r.shown).toMatch(/非法占有/);
    expect(r.evidenceSaved).toBe(0);
  });
});

describe('conduct that went on for months', () => {
  it('is dated by when it ended, and the six-month limit is stated when it is near', async () => {
    const store = new MemoryStore();
    const at = new Date('2026-09-20T10:00:00+08:00');
    const deps = testDeps(store, undefined, { now: () => at });
    const r = await handleTurn({ channel: 'test', userId: 'u9', receivedAt: at, messageId: '1', kind: 'text', text: '去年12月到今年4月被催收天天骚扰辱骂 当时不敢报警 现在都过去5个月了 还能报警吗' }, deps);
    const shown = renderText(r, { buttons: false });
    expect(shown).toMatch(/6 ?个月/);
    expect(shown).toMatch(/约 ?5 ?个月/);
    expect(shown).not.toMatch(/约 ?1[0-2] ?个月/);
  });
});
