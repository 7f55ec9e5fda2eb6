/**
 * Follow-ups resolved against the reply just given, and first screens that answer in the terms asked (issue 10
 * points 3 and 6), in this file's own wordings (none from an eval set):
 * - "刚刚那条规定" after the claims of a message were checked: a provision that reply named about the message, not
 *   the message's first citation;
 * - "那我对象会不会知道" is answered as "will they find out" (要看…), not "can they" (不能);
 * - "他们发这种东西属于什么性质" after an analysed message: the first sentence names what it is (这属于…);
 * - described conduct with a long lead keeps its first screen within 350 characters, verdict and steps kept;
 * - the debt line said once in a dialogue closes later replies in other words, the debt still named;
 * - "真的假的啊" right after a guide's answer confirms that answer, not the claims of an earlier message.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-03T21:20:00+08:00');
let n = 0;
const conversation = () => talk(AT, `lastreply${++n}`, { forwardSentAt: AT });
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();
/** The first screen as the dialogue eval counts it: the reply without spaces. */
const screen = (r: Shown) => [...r.shown.replace(/\s/g, '')].length;
const lastLine = (r: Shown) => r.shown.trim().split('\n').filter(Boolean).pop() ?? '';

const EXPOSE = '再拖着不还 就把你做成通缉令群发给你所有联系人 让你亲戚朋友都看看你是什么货色';

describe('"that law" after the claims of a message were checked', () => {
  it('explains a provision the claims check named about the message', async () => {
    const c = conversation();
    await c.forward(EXPOSE);
    await c.say('他们真会群发出去吗');
    const r = await c.say('刚刚那条规定是啥意思');
    expect(r.citations[0]?.law).not.toBe('银行保险机构消费者权益保护管理办法');
    expect(firstSentence(r)).toMatch(/民法典|个人信息保护法|治安管理处罚法/);
  });
});

describe('"will they find out" is answered as such', () => {
  it.each(['那我单位同事会不会知道我欠钱', '那我们公司老板会知道吗'])('"%s" opens with what it depends on, not 不能', async (q) => {
    const c = conversation();
    await c.forward('明天就打电话到你单位 让你领导同事都知道你欠钱不还');
    const r = await c.say(q);
    expect(firstSentence(r)).not.toMatch(/^不能/);
    expect(firstSentence(r)).toMatch(/要看|可能|不一定/);
    expect(r.shown).toMatch(/不得|不能/);
  });
});

describe('"what is it" after an analysed message', () => {
  it.each(['他们发这种东西属于什么性质', '那这种话算啥'])('"%s": the first sentence names it', async (q) => {
    const c = conversation();
    await c.forward('欠钱不还的老赖 三天内不还就把你欠钱的事发到你家族群 让你爸妈也抬不起头');
    const r = await c.say(q);
    expect(firstSentence(r)).toMatch(/^这属于/);
    expect(firstSentence(r)).toMatch(/侮辱|隐私|第三人|骚扰|威胁/);
  });
});

describe('described conduct with a long lead', () => {
  it('keeps the first screen within 350 characters, with the verdict and a step', async () => {
    const c = conversation();
    const r = await c.say('半夜12点到凌晨3点 催收打了二十多个电话还发短信 说要上门 这违法吗');
    expect(screen(r)).toBeLessThanOrEqual(350);
    expect(firstSentence(r)).toMatch(/骚扰|违法|要看/);
    expect(r.shown).toMatch(/•/);
    expect(r.shown).toMatch(/欠款/);
  });
});

describe('the debt line said once in a dialogue', () => {
  it('closes later replies in other words, the debt still named', async () => {
    const c = conversation();
    await c.forward('你妈的 再不还钱 老子找人去你家门口堵你 打断你的腿');
    const a = await c.say('那我现在该干嘛');
    const b = await c.say('这种的能报警吗');
    expect(lastLine(b)).not.toBe(lastLine(a));
    for (const r of [a, b]) expect(lastLine(r)).toMatch(/欠款[^。]*还/);
  });
});

describe('"真的假的" right after a guide answered the user\'s own question', () => {
  it('confirms that answer, not the claims of the message before it', async () => {
    const c = conversation();
    await c.forward('法院已经立案了 明天执行局就上门拘传你');
    await c.say('那逾期以后利息是不是可以一直往上滚');
    const r = await c.say('真的假的啊');
    expect(firstSentence(r)).toMatch(/是真的/);
    expect(r.shown).not.toMatch(/12368/);
  });

  it('guard: right after the message, "真的假的" still checks its claims', async () => {
    const c = conversation();
    await c.forward('法院已经立案了 明天执行局就上门拘传你');
    const r = await c.say('真的假的');
    expect(r.shown).toMatch(/12368/);
  });
});

describe('short follow-ups right after an analysed message', () => {
  const MSG = '今天之内不还 我们就派人去你老家 让你爸妈好好看看你干的好事';
  it('"然后呢": the steps against that message, not a neighbouring guide', async () => {
    const c = conversation();
    await c.forward(MSG);
    const r = await c.say('然后呢？');
    expect(r.shown).not.toMatch(/挂人/);
    expect(r.shown).toMatch(/证据|截图/);
    expect(r.shown).toMatch(/第三人|隐私/);
  });

  it('"这是啥意思": the verdict on it, part by part', async () => {
    const c = conversation();
    await c.forward(MSG);
    const r = await c.say('这是啥意思');
    expect(r.shown).not.toMatch(/挂人/);
    expect(firstSentence(r)).toMatch(/违法|不当/);
    expect(r.shown).toMatch(/骚扰第三人：/);
  });
});
