/**
 * Follow-ups answered about what came just before (issue 10), in this file's own wordings (none from an eval set):
 * - legality asked again about a loan already computed gets the verdict by lender type, not the rate's screen again;
 * - a loan known by its stated rate, asked about with the sum now demanded, is judged on that rate (no question for
 *   the term), and its principal is still owed;
 * - a line the user names ("36%") is compared with the loan's rate;
 * - the lawful amount asked in the conversation's own words ("照多少给");
 * - asking leave to ignore a fake court notice says the debt remains; its night hour, named again in the question, is
 *   judged by the standard (22:00–08:00);
 * - the borrower's own share after a spouse question; whether the debt is owed right after an assignment notice.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-03T19:30:00+08:00');
let n = 0;
const conversation = () => talk(AT, `fb${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('a loan already computed', () => {
  it('"这个利率算不算违法" after a licensed loan: the verdict first, not the same screen again', async () => {
    const c = conversation();
    await c.say('在某银行的app上借了12000 到手12000 分12期 每期还1300');
    const before = await c.say('是银行 正规持牌的');
    const r = await c.say('这个利率算不算违法');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toBe(before.shown);
    expect(firstSentence(r)).toMatch(/偏高|超/);
    expect(firstSentence(r)).toMatch(/24%/);
  });

  it('"那这个利率过没过36%": the loan’s rate against that line, and what 36% is', async () => {
    const c = conversation();
    await c.say('借了5000 到手5000 分6期 每期还1000');
    const r = await c.say('那这个利率过没过36%');
    expect(firstSentence(r)).toMatch(/超了/);
    expect(firstSentence(r)).toMatch(/36%/);
    expect(r.shown).toMatch(/不是现在的民事利率上限/);
  });

  it('"那我照多少给合适": the lawful amount, not out of scope', async () => {
    const c = conversation();
    await c.say('借了5000 到手5000 分6期 每期还1000');
    const r = await c.say('那我照多少给合适');
    expect(r.shown).not.toMatch(/不在我掌握的资料范围/);
    expect(firstSentence(r)).toMatch(/合法的话/);
  });
});

describe('a private loan known by its stated rate', () => {
  it('legality asked with the sum demanded now: judged on the rate, then the principal is still owed', async () => {
    const c = conversation();
    await c.say('问亲戚介绍的人借了25000 私人的 2025年9月打的借条 说好月息4分');
    const judged = await c.say('这么高的利息合法不 他叫我连本带利还四万多');
    expect(judged.kind).toBe('answer');
    expect(firstSentence(judged)).toMatch(/不合法|超/);
    expect(judged.shown).toMatch(/4倍|12%/);
    const owed = await c.say('那25000本金还得还吗');
    expect(owed.kind).toBe('answer');
    expect(firstSentence(owed)).toMatch(/还要还|要还/);
  });
});

const FAKE_COURT = '【某某县人民法院执行局】你名下网贷逾期已被强制立案，明天下午执行人员上门拘留，今晚12点前还清可撤案，联系电话138xxxx0921';

describe('a fake court notice', () => {
  it('"what if I just ignore them 我就不理他们了行吗": the debt does not go away', async () => {
    const c = conversation();
    await c.forward(FAKE_COURT, new Date('2026-11-02T23:20:00+08:00'));
    const r = await c.say('what if I just ignore them 我就不理他们了行吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/欠款不会自己消失/);
  });

  it('its hour, named again in the question ("半夜11点多发的"), is judged by the standard', async () => {
    const c = conversation();
    await c.forward(FAKE_COURT, new Date('2026-11-02T23:20:00+08:00'));
    const r = await c.say('还有他是半夜11点多发的 这个也违法吗');
    expect(r.shown).toMatch(/22/);
    expect(r.shown).toMatch(/标准|行业/);
  });
});

describe('the borrower’s own share', () => {
  it('"那借款人自己那份总归跑不掉吧" after a spouse question: yes, it is owed', async () => {
    const c = conversation();
    await c.say('我瞒着媳妇借了几个网贷 催收说她也得一起还 是真的吗');
    const r = await c.say('那借款人自己那份总归跑不掉吧');
    expect(firstSentence(r)).toMatch(/^要还/);
  });
});

describe('right after a debt-assignment notice', () => {
  it('"我压根不认识这家公司 还要还吗": still owed, after checking', async () => {
    const c = conversation();
    await c.forward('【某某资产管理公司】尊敬的客户，您在某某消费金融的借款债权已依法转让给我司，请通过我司官方渠道办理还款。');
    const r = await c.say('我压根不认识这家公司 还要还吗');
    expect(firstSentence(r)).toMatch(/要还/);
    expect(r.shown).toMatch(/核实/);
  });
});
