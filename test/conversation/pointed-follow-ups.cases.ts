/**
 * Follow-ups about one part of what came before, and first sentences in the user's own terms (issue 10), by kind:
 * - a follow-up pointing back at one act told or forwarded a few turns ago ("刚才说的…那个", "那个…的事"), after the
 *   focus has moved on: answered for that act, not the topic last answered;
 * - a typed judging question with what it did to them ("这算骚扰不 凌晨一点多 我老婆都被吵醒了"): the user's own,
 *   answered with the verdict on the message in focus, never "who wrote this?";
 * - "他们可以这么骂人吗": whether they may, answered "不能" first;
 * - "能报警吗" after made-up consequences: says when 110 or the police station applies.
 * Wordings are this file's own, none from an eval set. The guards pass before as after.
 */
import { conversation as talk, type Shown } from '../support/conversation';
import { isQuestion } from '../../src/conversation/understanding/question-form';

const AT = new Date('2026-10-14T22:30:00+08:00');
let n = 0;
const conversation = () => talk(AT, `pf${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();
const screen = (r: Shown) => [...r.shown.replace(/\s/g, '')].length;

/** Three questions on other topics: the act told first is no longer in focus. */
async function moveOn(c: ReturnType<typeof conversation>) {
  await c.say('紧急联系人要替我还钱吗');
  await c.say('征信多久能消');
  await c.say('逾期会坐牢吗');
}

describe('a follow-up pointing back at an earlier act is answered for that act', () => {
  it.each(['刚才说的身份证发业主群那个 能告他们吗', '那个业主群的事 能告他们不'])('described conduct, three answers later: "%s"', async (text) => {
    const c = conversation();
    await c.say('他们把我的身份证照片发到我们小区业主群里了 还骂我是骗子');
    await moveOn(c);
    const r = await c.say(text);
    expect(r.shown).toMatch(/隐私/);
    expect(r.shown).toMatch(/报警|起诉/);
    expect(firstSentence(r)).not.toMatch(/坐牢|征信|紧急联系人/);
    expect(r.evidenceSaved ?? 0).toBe(0);
    expect(screen(r)).toBeLessThanOrEqual(350);
  });

  it('a forwarded message, three answers later: "那个P遗照发家族群的事 能报警不"', async () => {
    const c = conversation();
    await c.forward('再不还钱就把你P成遗照发到你们家族群，让你全家都看看');
    await moveOn(c);
    const r = await c.say('那个P遗照发家族群的事 能报警不');
    expect(firstSentence(r)).toMatch(/^能/);
    expect(r.shown).toMatch(/110|派出所/);
    expect(r.shown).toMatch(/威胁|侮辱|隐私/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });

  it.each(['之前说的堵在我单位门口那个 算违法吗', '前面说的单位门口那个 算违法不'])('one of two acts told: "%s" judges the blocking, not the calls', async (text) => {
    const c = conversation();
    await c.say('催收上周两个人堵在我单位门口不让我走 昨天又天天打电话给我同事');
    await moveOn(c);
    const r = await c.say(text);
    expect(firstSentence(r)).toMatch(/违法/);
    expect(firstSentence(r)).not.toMatch(/坐牢|征信|紧急联系人|还是要还|不还/);
    expect(r.shown).toMatch(/限制|堵|人身自由|滋扰/);
  });

  it('guard: a pointing question about another topic keeps that topic ("那个征信的事 多久能消掉")', async () => {
    const c = conversation();
    await c.say('他们把我的身份证照片发到我们小区业主群里了 还骂我是骗子');
    await moveOn(c);
    const r = await c.say('那个征信的事 多久能消掉');
    expect(r.shown).toMatch(/5年|五年/);
  });
});

describe('a typed judging question with what it did to them is the user\'s own', () => {
  const NIGHT = new Date('2026-10-14T01:20:00+08:00');
  const BOMBING = '01:12 接电话\n01:13 别装睡\n01:13 接\n01:15 你不接我就一直打\n01:18 还钱';

  it.each(['这算骚扰不 凌晨一点多 我老婆都被吵醒了', '这种算违发不 大半夜的 我妈吓得睡不着'])('"%s" gets the verdict, not "who wrote this?"', async (text) => {
    const c = conversation();
    await c.forward(BOMBING, NIGHT);
    const r = await c.say(text);
    expect(r.kind).toBe('answer');
    expect(r.evidenceSaved ?? 0).toBe(0);
    expect(firstSentence(r)).toMatch(/算|骚扰/);
    expect(r.shown).toMatch(/骚扰|滋扰/);
    expect(screen(r)).toBeLessThanOrEqual(350);
  });

  it.each(['这算过分不', '他这样算正常不'])('"%s" is a question', (text) => {
    expect(isQuestion(text)).toBe(true);
  });
});

describe('whether they may do it is answered "不能" first', () => {
  it.each(['催收可以这么骂人吗', '他门能这样侮辱人不'])('after an insulting message, "%s"', async (text) => {
    const c = conversation();
    await c.forward('欠钱不还的东西 你就是个没脸没皮的废物 活该被人看不起');
    const r = await c.say(text);
    expect(firstSentence(r)).toMatch(/^不能/);
    expect(r.shown).toMatch(/侮辱|辱骂|名誉/);
  });
});

describe('"能报警吗" after made-up consequences says when the police apply', () => {
  it('"这种能报警吗" after a message threatening a blacklist and frozen cards', async () => {
    const c = conversation();
    await c.forward('今天不还款，明天就把你列入全国征信黑名单，冻结你名下所有银行卡，你的子女以后都不能考公。');
    const r = await c.say('这种能报警吗');
    expect(r.shown).toMatch(/110|派出所/);
    expect(r.shown).toMatch(/投诉/);
  });
});
