/**
 * The first sentence answers the exact question asked, in the user's terms (issue 10 point 6; tester s13), in this
 * file's own wordings (none from an eval set or the tester's notes):
 * - jail asked about a collector's claim, no police or court named: 不会 first, not the impersonation check;
 * - 会不会上征信 with a plan beside it: 会, and the five years;
 * - will I be fired, before anything happened: 一般不会, then 12333 / labour arbitration;
 * - a threat to go to the child's school, can I call the police: 能;
 * - is a lawyer's letter a bluff, may I ignore it: 不算吓唬 … 没有强制力, and what ignoring it risks;
 * - papers a paid debt-relief agency shows (licence, lawyers): prove nothing, never "out of scope";
 * - the lender refused instalments: what is left to do, not "you may ask" again;
 * - the collectors' calls told right after the limitation answer: they interrupt it, not a harassment analysis;
 * - "is my interest too high" with no number: the numbers are asked for, no argument about 24%/36%.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-20T21:05:00+08:00');
let n = 0;
const conversation = () => talk(AT, `fsa${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？：\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('jail asked about a collector\'s claim', () => {
  it.each([
    '花呗逾期四个月了，催收一直打电话说要抓我去坐牢，是不是真的',
  ])('"%s": 不会 first, no impersonation advice', async (text) => {
    const r = await conversation().say(text);
    expect(firstSentence(r)).toMatch(/^(「[^」]*」)?(不会|一般不是真的)/);
    expect(firstSentence(r)).not.toMatch(/核实|冒充/);
  });

  it('guard: a caller who says he is the police still gets the check first', async () => {
    const r = await conversation().say('有个自称派出所民警的人打电话说要来抓我 是真的吗');
    expect(r.shown).toMatch(/冒充|核实/);
  });
});

describe('会不会上征信, with a plan beside it', () => {
  it('"上正信" (a slip) and a plan to buy a car: 会, and 5 years', async () => {
    const r = await conversation().say('借呗逾期了一个月 会不会上正信 明年准备贷款买车');
    expect(firstSentence(r)).toMatch(/^会/);
    expect(r.shown.slice(0, 120)).toMatch(/5年|五年/);
  });
});

describe('will I be fired', () => {
  it('"催收扬言要让公司把我开了 真的会被开除吗": 一般不会, then where a dismissal is judged', async () => {
    const r = await conversation().say('催收扬言要让公司把我开了 真的会被开除吗');
    expect(firstSentence(r)).toMatch(/^一般不会/);
    expect(r.shown).toMatch(/12333|劳动仲裁/);
  });
});

describe('a threat to go to the child\'s school', () => {
  it('"他们还说要去我闺女学校找她老师 能报警吗": 能', async () => {
    const r = await conversation().say('他们还说要去我闺女学校找她老师 能报警吗');
    expect(firstSentence(r)).toMatch(/^能/);
    expect(r.shown).toMatch(/110|报警/);
  });
});

describe('a lawyer\'s letter: a bluff? may I ignore it?', () => {
  it('"收到个律师函 吓人的吧 我能不能不理它": not a bluff, no force, often before a suit', async () => {
    const r = await conversation().say('收到个律师函 吓人的吧 我能不能不理它');
    expect(firstSentence(r)).toMatch(/^不算吓唬/);
    expect(r.shown).toMatch(/强制力/);
    expect(r.shown).toMatch(/起诉前/);
    expect(r.shown.slice(0, 120)).not.toMatch(/冻结/);
  });
});

describe('papers a debt-relief agency shows', () => {
  it('after an agency ad, "人家有营业执照 还有律师团队的" is answered: no proof, do not pay or borrow', async () => {
    const c = conversation();
    await c.forward('专业债务协商 帮您停息挂账 分期60期 先付服务费2800元 当天办理');
    const r = await c.say('人家有营业执照 还有律师团队的');
    expect(r.shown).not.toMatch(/不在我掌握的资料范围/);
    expect(firstSentence(r)).toMatch(/不代表|不等于/);
    expect(r.shown).toMatch(/借钱/);
  });
});

describe('the lender refused instalments', () => {
  it('"网贷客服拒绝了我的分期申请 只让一次还清 我该咋办": the refusal is met, not "you may ask"', async () => {
    const r = await conversation().say('网贷客服拒绝了我的分期申请 只让一次还清 我该咋办');
    expect(firstSentence(r)).not.toMatch(/^(可以申请|不能直接套用|不是国家政策)/);
    expect(r.shown).toMatch(/方案/);
    expect(r.shown).toMatch(/12378/);
    expect(r.shown).toMatch(/调解/);
  });
});

describe('collectors\' calls told right after the limitation answer', () => {
  it('"可是这几年他们天天打电话催我还钱" after the limitation answer: it interrupts the period', async () => {
    const c = conversation();
    await c.say('欠网贷的钱拖满三年 是不是就过了诉讼时效');
    const r = await c.say('可是这几年他们天天打电话催我还钱');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/中断/);
    expect(r.evidenceSaved ?? 0).toBe(0);
    expect(r.buttons.some((b) => b.id === 'note:save')).toBe(false);
  });

  it('guard: the same calls told after another topic are still assessed as conduct', async () => {
    const c = conversation();
    await c.say('逾期会上征信吗');
    const r = await c.say('他们这几天一直打电话骂我 一天几十个');
    expect(r.shown).toMatch(/骚扰|滋扰|第50条|第五十条/);
  });
});

describe('"is my interest too high", no number told', () => {
  it('"帮我看看我这笔贷款利息是不是过高" asks for the numbers, no 24%/36% argument', async () => {
    const r = await conversation().say('帮我看看我这笔贷款利息是不是过高');
    expect(r.shown).toMatch(/借了多少/);
    expect(r.shown).toMatch(/到手/);
    expect(r.shown).not.toMatch(/两线三区|旧规则/);
  });
});
