/**
 * Pointers back and facts remembered across turns (issue 10 point 3, dialogue state), in this file's own wordings
 * (none from an eval set):
 * - "那第二个呢" after the user listed two questions ("一是…，二是…"): the second is answered;
 * - "你第二条说的那个行业标准…" points at the bot's own words, not at an article 2 of some law;
 * - "你刚才说那个治安法第五十条 能咋罚他们": the user's follow-up (never "who wrote this?"), with the penalty;
 * - "说回刚才那个，我到底按9000还是按12000还" a topic later: the amount that arrived is the principal (民法典670);
 * - "还没结婚" told first, then "以后结婚了我对象要帮我还吗": a debt from before the marriage (解释一 33);
 * - a lender's notice ("【YY消费金融】…") then "年化23.9% 这利息合法吗": answered for a licensed lender.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-20T15:10:00+08:00');
let n = 0;
const conversation = () => talk(AT, `backref${++n}`, { forwardSentAt: AT });
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('an ordinal pointing at an item', () => {
  it('"那第二个呢" after the user listed two questions answers the second', async () => {
    const c = conversation();
    await c.say('我想问两件事，一是逾期会不会上征信，二是催收能不能打我爸妈电话。先说第一个');
    const r = await c.say('那第二个呢');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/父母|爸妈|家人/);
    expect(firstSentence(r)).not.toMatch(/征信/);
  });

  it('"你第二条说的…" points at what the bot said, not at an article', async () => {
    const c = conversation();
    await c.say('催收半夜十二点还在打电话 有没有规定几点以后不许打');
    await c.forward('还不接？？\n今天打你第三十次了\n看你能躲到几点', new Date('2026-11-20T00:40:00+08:00'));
    await c.say('这种能投诉吗');
    const r = await c.say('你第二条说的那个行业标准 又不算法律 那半夜这么打到底违不违法');
    expect(r.shown).not.toMatch(/第二条说的是|要点二/);
    expect(r.shown).toMatch(/骚扰|侵扰|生活安宁|1033/);
  });
});

describe('words about what the bot said', () => {
  it('"你刚才说那个治安法第五十条 能咋罚他们" is the user\'s follow-up, with the penalty', async () => {
    const c = conversation();
    await c.say('催收天天给我发短信骂我 还说要把我欠钱的事发到家族群');
    const r = await c.say('好 那你刚才说那个治安法第五十条 能咋罚他们');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/拘留/);
    expect(r.shown).toMatch(/一千元/);
  });
});

describe('returning to an earlier topic', () => {
  it('"说回刚才那个" chooses between the loan\'s two amounts', async () => {
    const c = conversation();
    await c.say('借条上写的借我12000 实际到手只有9000');
    await c.say('他们老打电话骚扰我爸妈怎么办');
    const r = await c.say('说回刚才那个，我到底按9000还是按12000还');
    expect(firstSentence(r)).toMatch(/9000/);
    expect(r.shown).toMatch(/670/);
  });
});

describe('facts told earlier', () => {
  it('"还没结婚" makes a later question about a partner one about a debt from before the marriage', async () => {
    const c = conversation();
    await c.say('我现在单身 还没结婚');
    const r = await c.say('要是以后结婚了 我对象要帮我还这笔网贷吗');
    expect(r.shown).toMatch(/婚前/);
    expect(r.shown).toMatch(/第33条|三十三/);
  });

  it('the lender a notice named answers a later interest question', async () => {
    const c = conversation();
    await c.forward('【YY消费金融】您好，您在我司的借款已逾期45天，请尽快登录官方App还款，如有困难请致电官方客服协商。');
    const r = await c.say('合同是去年5月签的 年化23.9% 这利息合法吗');
    expect(r.shown).toMatch(/持牌/);
    expect(r.shown).not.toMatch(/借给你的是哪种/);
  });
});

describe('a case found real', () => {
  it('"12368查了确实有" and then "那我该怎么办": answer the suit, never check it again', async () => {
    const c = conversation();
    await c.forward('【XX市XX区人民法院】王芳：原告XX小额贷款有限公司诉你借款合同纠纷一案已立案，案号（2026）X0105民初5678号，请登录人民法院在线服务查看起诉状副本。');
    const told = await c.say('刚去12368查了确实有这个案子');
    const next = await c.say('那接下来怎么办');
    for (const r of [told, next]) {
      expect(firstSentence(r)).toMatch(/应诉/);
      expect(firstSentence(r)).not.toMatch(/12368|核实/);
    }
  });
});

describe('a year answered alone', () => {
  it('"2024年" to the loan check\'s question is when it was signed: the month is asked, and kept with the year', async () => {
    const c = conversation();
    await c.say('借了个人两万 借条就写的两万');
    await c.say('到手只有一万六 说扣了四千手续费');
    const r = await c.say('2024年');
    expect(r.shown).toMatch(/2024年几月/);
    expect(r.shown).toMatch(/LPR的4倍/);
    expect(r.shown).not.toMatch(/年化约/);
  });
});
