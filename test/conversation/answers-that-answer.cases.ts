/**
 * Issue 10 point 6, answers that answer: kinds of question dev25 missed, in this file's own wordings (none from an
 * eval set). The first sentence answers what was asked:
 * - a paid agency telling the user to stop paying the lender: the risk (overdue, penalty interest, credit record,
 *   a suit; the agency may be a scam), not the borrow-new-to-repay warning;
 * - a payment to the old creditor before the assignment notice: whether it counts, not "assignment is lawful";
 * - a court's 支付令 with its sum and the principal borrowed: the paper (15 days, a written objection), never an
 *   interview about the loan's numbers;
 * - enforcement started on an arbitration award: the 15-day application not to enforce;
 * - "they say my parents must pay" in dialect: parents are not liable unless they signed as guarantors;
 * - "will they really take my things": no, only a court may seize property; call 110;
 * - in crisis mode, a fact that changes the last answer (what a spouse's loan was used for) is answered under care,
 *   and help named only to be doubted ("报警了又能怎样") is no help on its way;
 * - whether to tell one's spouse.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-02T19:30:00+08:00');
let n = 0;
const conversation = () => talk(AT, `ata${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('the question answered in the first sentence', () => {
  it('an agency saying to stop paying the lender: the risks first', async () => {
    const c = conversation();
    await c.say('有家公司说收3000块帮我办停息挂账 可信吗');
    const r = await c.say('他们说这几个月先别还银行的钱 钱打给他们统一谈');
    expect(firstSentence(r)).toMatch(/逾期|罚息|征信|起诉/);
    expect(firstSentence(r)).not.toMatch(/借新还旧/);
  });

  it('paid to the old creditor before the assignment notice: whether it counts', async () => {
    const c = conversation();
    await c.forward('【转让通知】您在某某分期平台的借款债权已转让给某某资产管理公司，请自即日起向受让方还款。', null);
    await c.say('这家资产公司我听都没听过 钱还得还给他们吗');
    const r = await c.say('通知来之前我就把1500还给原来的平台了 那笔还算数吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/要看|有效|算/);
    expect(firstSentence(r)).not.toMatch(/^不违法/);
  });

  it('a 支付令 with its sum and the principal: the paper, not the loan\'s numbers', async () => {
    const c = conversation();
    const r = await c.say('法院寄来一张支付令 写我欠某小贷公司18000 可我当初只借了1万');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/15日|十五日/);
    expect(r.shown).toMatch(/书面/);
    expect(r.shown).toMatch(/异议/);
  });

  it('enforcement started on an arbitration award: the application not to enforce', async () => {
    const c = conversation();
    await c.say('网贷公司申请了网上仲裁 裁决书都出来了 这个有效吗');
    await c.say('那我可以申请撤销吗 有期限吗');
    const r = await c.say('现在法院已经开始执行了 我还能做点啥');
    expect(r.shown).toMatch(/不予执行/);
    expect(r.shown).toMatch(/15日|十五日/);
  });

  it('"they say my parents must pay", in dialect: answered, not analysed', async () => {
    const c = conversation();
    const r = await c.say('催收讲俺爹娘也得替俺还钱 不然就去起诉他们');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/不用|一般不|没有/);
    expect(r.shown).toMatch(/担保|签/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });

  it('"will they really take my things": no, only a court may seize; 110', async () => {
    const c = conversation();
    const r = await c.say('他们说后天来把我家电视冰箱拉走抵债 真敢吗');
    expect(firstSentence(r)).toMatch(/不能|无权|违法/);
    expect(r.shown).toMatch(/法院/);
    expect(r.shown).toMatch(/110/);
  });

  it('whether to tell one\'s spouse: the person\'s choice, and what knowing changes', async () => {
    const c = conversation();
    const r = await c.say('欠网贷的事 我要不要跟老婆坦白');
    expect(firstSentence(r)).toMatch(/由你|你决定|你自己/);
  });
});

describe('in crisis mode', () => {
  it('what a spouse\'s loan was used for, right after the spouse answer: answered under care', async () => {
    const c = conversation();
    await c.say('欠了十几万 真的不想活了');
    await c.say('我老婆会不会也要替我还');
    const r = await c.say('钱都花在给我爸治病上了');
    expect(r.shown).toMatch(/共同|用途|法院/);
    expect(r.shown).toMatch(/12356|110|120/);
  });

  it('help named only to doubt it: no "until they arrive", the debt\'s way forward', async () => {
    const c = conversation();
    await c.say('撑不下去了 想一了百了');
    const r = await c.say('报了警又能怎样 债还在啊');
    expect(r.shown).not.toMatch(/等人到之前/);
    expect(r.shown).toMatch(/协商|分期/);
    expect(r.shown).toMatch(/12356|110|120/);
  });

  it('guard: help on its way is still met as help coming', async () => {
    const c = conversation();
    await c.say('撑不下去了 想一了百了');
    const r = await c.say('我打了120 他们在路上了');
    expect(r.shown).toMatch(/等人到之前|做得很好|做得对/);
  });
});

describe('guard: a loan told with no court paper is still checked', () => {
  it('"借了6000 分12期 每期还700" asks for or gives the loan\'s figures', async () => {
    const c = conversation();
    const r = await c.say('借了6000 分12期 每期还700');
    expect(r.shown).toMatch(/%|年化|到手|实际/);
  });
});
