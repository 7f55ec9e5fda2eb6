/**
 * "What if I just do nothing?" follow-ups ("那我不理呢" kind): answered against the process in focus — a lawsuit goes
 * on without the user (缺席判决, then enforcement), a payment order becomes enforceable, a judgment is enforced and
 * inability to pay is no crime, an arbitration award is enforced like a judgment, collection in general goes on —
 * with a first sentence in the user's own terms. Guards: a turn that says more than not acting ("要是一直不还 五年后
 * 征信就没了吧") keeps its own topic; "那我不离呢" after a divorce question is not a typo for 不理. Wordings are this
 * file's own, none from an eval set.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `na${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

const COURT_NOTICE = '【杭州市西湖区人民法院】刘强您好，原告杭州某某网络小额贷款有限公司诉您借款合同纠纷一案已立案受理，案号（2026）浙0106民初20418号。请登录人民法院在线服务平台查看起诉状副本，开庭时间2026年12月20日14时，第三法庭。如有疑问可拨打12368。';
const REMINDER = '【某某金融】尊敬的客户，您的账单已逾期7天，应还1,208.00元。逾期将产生罚息并如实报送征信，请尽快通过官方APP还款。';

describe('after a lawful court notice', () => {
  it.each(['那我要是装死呢', '俺就是不搭理 会咋样'])('"%s": default judgment, then enforcement', async (text) => {
    const c = conversation();
    await c.forward(COURT_NOTICE);
    const r = await c.say(text);
    expect(r.shown).toMatch(/缺席判决/);
    expect(r.shown).toMatch(/强制执行/);
    expect(firstSentence(r)).toMatch(/不理|装死|的话/);
  });
});

describe('after a loan was computed', () => {
  it.each(['那我要是一直拖着呢', '算了 我就不理了 会咋样'])('"%s": collection in general goes on, no jail', async (text) => {
    const c = conversation();
    await c.say('在一个平台借了6000 到手只有5200 扣了800说是审核费');
    await c.say('分6期 每期还1180');
    const r = await c.say(text);
    expect(r.shown).not.toMatch(/不在我掌握的资料范围/);
    expect(r.shown).toMatch(/起诉|强制执行/);
    expect(r.shown).toMatch(/不会坐牢/);
  });
});

describe('after answers about a payment order', () => {
  it('"那我要是就放着不管呢": enforceable without objection', async () => {
    const c = conversation();
    await c.say('法院给我寄了一份支付令 这个是干嘛的');
    const r = await c.say('那我要是就放着不管呢');
    expect(firstSentence(r)).toMatch(/支付令/);
    expect(firstSentence(r)).toMatch(/强制执行/);
    expect(r.shown).not.toMatch(/没事|没关系|不会怎样/);
  });
});

describe('after an answer about being sued', () => {
  it('"判下来以后还是拿不出钱呢": enforcement, restrictions, and no jail for being unable', async () => {
    const c = conversation();
    await c.say('平台把我告了 法院下周开庭 我要不要去');
    const r = await c.say('判下来以后还是拿不出钱呢');
    expect(r.shown).toMatch(/强制执行/);
    expect(r.shown).toMatch(/限制高消费|冻结|失信/);
    expect(firstSentence(r)).toMatch(/不会因为还不上坐牢|不是犯罪/);
  });
});

describe('after an arbitration question', () => {
  it('"仲裁那边我啥都不管呢": enforced like a judgment', async () => {
    const c = conversation();
    await c.say('收到仲裁委员会的短信 说有个网络仲裁案件');
    const r = await c.say('仲裁那边我啥都不管呢');
    expect(firstSentence(r)).toMatch(/强制执行/);
  });
});

describe('after a lawful reminder', () => {
  it('"那我就一直不还呢": penalty interest, credit record, a suit later', async () => {
    const c = conversation();
    await c.forward(REMINDER);
    const r = await c.say('那我就一直不还呢');
    expect(firstSentence(r)).toMatch(/罚息|征信/);
    expect(r.shown).toMatch(/起诉/);
  });
});

describe('guards', () => {
  it('"要是一直不还 五年后征信就没了吧" keeps the credit report topic', async () => {
    const c = conversation();
    await c.forward(REMINDER);
    const r = await c.say('要是一直不还 五年后征信就没了吧');
    expect(firstSentence(r)).not.toMatch(/的话，欠款不会自己消失/);
  });

  it('"那我不离呢" after a divorce question is not "不理"', async () => {
    const c = conversation();
    await c.say('老公在外面借了网贷 我跟他离婚了还要替他还吗');
    const r = await c.say('那我不离呢');
    expect(firstSentence(r)).not.toMatch(/^不理的话/);
  });
});
