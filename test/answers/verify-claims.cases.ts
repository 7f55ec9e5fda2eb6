/**
 * "他们说的是真的吗" on focuses built from the real analyzer: a fake court notice is to be verified with 12368 and is
 * not how court papers come; a lawful lawsuit notice or a real lawyer's letter may be true and is never called a
 * crime; false consequences are said to be false with the condition under which something similar is real.
 */
import { testCore } from '../support/core-deps';
import { MESSAGES, NOW, RECENT } from '../support/collector-messages';
import { expectWellFormed, firstSentence, messageFocus, textOf } from '../support/focus';

const { followUps } = testCore();
const verify = (text: string) => {
  const focus = messageFocus(text, RECENT);
  return { focus, reply: followUps.verifyClaims(focus, NOW) };
};

describe('verifyClaims', () => {
  it('a fake court notice: likely not true, check with 12368, real papers are served by the court', () => {
    const { focus, reply } = verify(MESSAGES.fakeCourt);
    expect(focus.categories).toContain('impersonation');
    expect(firstSentence(reply)).toMatch(/不是真的|核实/);
    const text = textOf(reply);
    expect(text).toMatch(/12368/);
    expect(text).toMatch(/法院送达|由法院/);
    expect(text).toMatch(/案号/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(expect.arrayContaining(['民事诉讼法88']));
    expectWellFormed(reply, new Date(RECENT));
  });

  it('answers first the claim the user asks about ("真的会抓我吗"), then the others', () => {
    const focus = messageFocus(MESSAGES.consequences, RECENT);
    const reply = followUps.verifyClaims(focus, NOW, '真的会抓我吗');
    expect(firstSentence(reply)).toMatch(/不是真的/);
    expect(firstSentence(reply)).toMatch(/坐牢|抓/);
    expect(textOf(reply)).toMatch(/冻结/); // the other claims still follow
    const asked = followUps.verifyClaims(focus, NOW, '银行卡真的会被冻结吗');
    expect(firstSentence(asked)).toMatch(/冻结/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a lawful lawsuit notice: may be true, how to check, and to answer the suit — never a crime', () => {
    const { focus, reply } = verify(MESSAGES.lawsuit);
    expect(focus.lawful).toBe(true);
    expect(firstSentence(reply)).toMatch(/^可能是真的/);
    const text = textOf(reply);
    expect(text).toMatch(/12368/);
    expect(text).toMatch(/答辩|应诉|到庭/);
    expect(text).not.toMatch(/(?<!不)(是|构成|涉嫌|属于)(犯罪|违法)|冒充|招摇撞骗/);
    expect(reply.citations.some((c) => c.law === '刑法')).toBe(false);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a lawful arbitration notice: may be true, checked with the commission (not 12368), objection before the first hearing', () => {
    const { focus, reply } = verify('【宁波仲裁委员会】周敏：申请人恒信小额贷款有限公司与你借款合同纠纷一案已受理，案号（2026）甬仲网字第2231号，请于10日内登录本会网络仲裁平台提交答辩材料。');
    expect(focus.lawful).toBe(true);
    expect(firstSentence(reply)).toMatch(/^可能是真的.*仲裁/);
    const text = textOf(reply);
    expect(text).toMatch(/仲裁委员会/);
    expect(text).not.toMatch(/12368/);
    expect(text).toMatch(/首次开庭前/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(expect.arrayContaining(['仲裁法31']));
    expectWellFormed(reply, new Date(RECENT));
  });

  it('answers an arrest the user asks about after a lawful lawsuit notice: a civil matter, not a crime', () => {
    const focus = messageFocus(MESSAGES.lawsuit, RECENT);
    const reply = followUps.verifyClaims(focus, NOW, '他们真会来抓我吗');
    expect(firstSentence(reply)).toMatch(/不是真的|不会/);
    expect(textOf(reply)).toMatch(/民事/);
    expect(textOf(reply)).not.toMatch(/(?<!不)(是|构成|涉嫌|属于)(犯罪|违法)/);
  });

  it('does not answer a menace the lawful message never made ("他们真会来吗" after a lawsuit notice)', () => {
    const focus = messageFocus(MESSAGES.lawsuit, RECENT);
    const reply = followUps.verifyClaims(focus, NOW, '他们真会来吗');
    expect(textOf(reply)).not.toMatch(/威胁|恐吓/);
  });

  it('says the employer will not dock wages on a collector\'s word: only a court order in enforcement', () => {
    const focus = messageFocus('通知：您已被我司列入重点处置名单，已向银行申请冻结您名下所有账户，并通知贵单位财务从本月工资中直接划扣。', RECENT);
    const reply = followUps.verifyClaims(focus, NOW, '单位财务真会扣我工资吗');
    expect(firstSentence(reply)).toMatch(/不是真的|不会/);
    expect(firstSentence(reply)).toMatch(/工资/);
    expect(textOf(reply)).toMatch(/法院/);
    expect(reply.citations.some((c) => c.law === '民事诉讼法' && c.article === '254')).toBe(true);
  });

  it('a real law firm letter: may be true, check the firm with 12348 or the justice bureau, it is not a court paper', () => {
    const { focus, reply } = verify(MESSAGES.realLawFirm);
    expect(focus.lawful).toBe(true);
    const text = textOf(reply);
    expect(firstSentence(reply)).toMatch(/^可能是真的/);
    expect(text).toMatch(/12348|司法局/);
    expect(text).toMatch(/不是法院文书/);
    expect(text).not.toMatch(/冒充|招摇撞骗|伪造/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a fake law firm letter with false consequences: verify the firm; provisions on posing as an organisation, not 刑法 279/280', () => {
    const { focus, reply } = verify(MESSAGES.fakeLawFirm);
    expect(focus.categories).toEqual(expect.arrayContaining(['impersonation', 'deception']));
    const text = textOf(reply);
    expect(text).toMatch(/12348|司法局/);
    expect(text).toMatch(/坐牢|刑事|抓/);
    const cited = reply.citations.map((c) => `${c.law}${c.article}`);
    expect(cited).not.toContain('刑法279');
    expect(cited).not.toContain('刑法280');
    expectWellFormed(reply, new Date(RECENT));
  });

  it('false consequences: each said to be false, with what is real (5 years, court enforcement) and how to check', () => {
    const { reply } = verify(MESSAGES.consequences);
    expect(firstSentence(reply)).toMatch(/都不是真的/);
    const text = textOf(reply);
    expect(text).toMatch(/坐牢/);
    expect(text).toMatch(/冻结/);
    expect(text).toMatch(/5 ?年/);
    expect(text).toMatch(/欠款/); // the debt is still owed
    expectWellFormed(reply, new Date(RECENT));
  });

  it('parents contacted and told to pay: not true, only a guarantor or someone who joined the debt can be asked', () => {
    const { reply } = verify(MESSAGES.parents);
    const text = textOf(reply);
    expect(text).toMatch(/父母[^。]*不会[^。]*还钱|不是真的/);
    expect(text).toMatch(/保证/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(expect.arrayContaining(['民法典552']));
    expectWellFormed(reply, new Date(RECENT));
  });

  it('family told they must pay: only that claim, not a threat to expose that was never made', () => {
    const { reply } = verify('你爸妈是紧急联系人，必须替你还钱');
    expect(firstSentence(reply)).toMatch(/^不是真的/);
    expect(textOf(reply)).not.toMatch(/爆通讯录/);
  });

  it('a threat to tell the whole village: they may do it, and it is unlawful', () => {
    const { reply } = verify('不还钱就告诉你全村的人你是老赖');
    expect(firstSentence(reply)).toMatch(/违法/);
    expect(textOf(reply)).toMatch(/报警/);
  });

  it('a suit, the dishonest list and the children: mixed, and the list binds only the person under enforcement', () => {
    const { reply } = verify('逾期超过3个月将被起诉，届时将被列入失信名单，全家人都无法乘坐高铁，子女也无法就读好学校。');
    expect(firstSentence(reply)).toMatch(/有真有假/);
    const text = textOf(reply);
    expect(text).toMatch(/被执行人本人/);
    expect(text).toMatch(/不会影响孩子/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a threat: they may or may not come, but it is unlawful and can be reported', () => {
    const { reply } = verify(MESSAGES.threat);
    expect(firstSentence(reply)).toMatch(/违法/);
    expect(textOf(reply)).toMatch(/110|报警/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('an insult with no claim: says there is nothing to check and what is wrong instead', () => {
    const { reply } = verify(MESSAGES.insultPrivate);
    expect(firstSentence(reply)).toMatch(/没有需要辨真假/);
    expect(textOf(reply)).toMatch(/侮辱谩骂/);
    expect(reply.citations).toEqual([]);
  });

  it('a lawful reminder mentioning 征信: true, and not for ever', () => {
    const { reply } = verify(MESSAGES.reminder);
    expect(firstSentence(reply)).toMatch(/^是真的/);
    expect(textOf(reply)).toMatch(/5 ?年/);
    expectWellFormed(reply, new Date(RECENT));
  });
});
