/**
 * The reply to described conduct: the first sentence says what the conduct is and may amount to, with provisions
 * in force when it happened and their conditions; then what to do; the debt is still owed; and the
 * "保存为证据记录" button is there for the conversation to wire.
 */
import { NOTE_BUTTON_ID } from '../../src/analysis/conduct-reply';
import { testCore } from '../support/core-deps';
import { expectWellFormed, firstSentence, textOf } from '../support/focus';

const core = testCore();
const AT = new Date('2026-06-10T12:00:00+08:00');
const reply = (text: string, at = AT) => core.analysis.renderConduct!(core.analysis.assessConduct(text, at), at);

describe('renderConduct', () => {
  it('says first that paint on the door and a debt notice may be 寻衅滋事 (damaging property) and a privacy/reputation matter', () => {
    const r = reply('他们在我家门上贴了欠债不还的纸 还用红油漆喷了字 这算什么');
    const first = firstSentence(r);
    expect(first).toMatch(/喷漆/);
    expect(first).toMatch(/寻衅滋事（任意损毁公私财物）/);
    expect(first).toMatch(/隐私|名誉/);
    const text = textOf(r);
    expect(text).toMatch(/110/);
    expect(text).toMatch(/拍照|录像/);
    expect(text).toMatch(/欠款/); // the debt is still owed
    expect(r.kind).toBe('analysis');
    expect(r.categories).toEqual(expect.arrayContaining(['violence', 'privacy_disclosure']));
    expect(r.buttons.find((b) => b.id === NOTE_BUTTON_ID)?.label).toBe('保存为证据记录');
    expectWellFormed(r, AT);
  });

  it('names each provision with its condition (never 293之一 without "非法债务")', () => {
    for (const t of ['昨天三个人堵在我家门口不让我出门', '他们用红油漆在我家门上喷了字', '有两个男的这几天一直跟着我上下班']) {
      const text = textOf(reply(t));
      const basis = text.split('\n').find((l) => l.startsWith('依据'));
      expect(basis).toBeDefined();
      // Every public-security or criminal provision named in the basis carries its part or condition in brackets.
      for (const m of basis!.matchAll(/《(治安管理处罚法|刑法)》第[^（；。]+条(之[一二三四五六七八九十])?(（[^）]*）)?/g)) expect(m[3]).toBeDefined();
      if (text.includes('第二百九十三条之一')) expect(text).toMatch(/第二百九十三条之一（[^）]*非法债务/);
    }
  });

  it('tells a blockade at the door: restricting freedom, call 110, witnesses', () => {
    const r = reply('昨天三个人堵在我家门口不让我出门');
    expect(firstSentence(r)).toMatch(/非法限制人身自由/);
    expect(textOf(r)).toMatch(/110/);
    expect(r.buttons.map((b) => b.id)).toContain('s:call110');
    expectWellFormed(r, AT);
  });

  it('puts calling 110 among the first two steps when the conduct threatens, whatever act leads', () => {
    for (const t of ['两个男的今天下午来我店里坐着不走 说不还钱就天天来 还拍我店门口发抖音', '他们说不还就上我单位拉横幅 还说要找人收拾我']) {
      const r = reply(t);
      const steps = r.blocks.filter((b) => b.style === 'list').flatMap((b) => b.items ?? []);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.slice(0, 2).join('\n')).toMatch(/110/);
    }
  });

  it('opens with 110 when the blockade is happening now', () => {
    const r = reply('现在有三个男的堵在我家门口 一直拍门 说不还钱今天别想出门 我和我女儿在家 好怕');
    expect(firstSentence(r)).toMatch(/110/);
    expect(textOf(r)).toMatch(/不要开门/);
    expectWellFormed(r, AT);
  });

  it('a lawyer letter with false crimes sent to the parents: how to check the firm, that it is not a court paper, no jail for debt', () => {
    const r = reply('催收给我爸妈老家寄了一封律师函 抬头写着 北京正义天平律师事务所 说我涉嫌合同诈骗 七天内不还就移交公安 我爸妈吓坏了');
    const text = textOf(r);
    expect(text).toMatch(/12348|司法局/);
    expect(text).toMatch(/不是法院文书/);
    expect(text).toMatch(/不会坐牢|虚构后果/);
    expect(r.citations.map((c) => `${c.law}${c.article}`)).not.toContain('刑法280');
    expectWellFormed(r, AT);
  });

  it('words that threaten jail are answered as a false consequence, not only as a threat', () => {
    const r = reply('崔收说我再不还就要抓我去坐劳 真的假的');
    expect(firstSentence(r)).toMatch(/虚构后果|不会坐牢/);
    expectWellFormed(r, AT);
  });

  it('names a threat to tell everyone as the threat it is, not as done', () => {
    const r = reply('催收说要把我欠钱的事告诉我所有的微信好友');
    expect(firstSentence(r)).toMatch(/扬言/);
    expectWellFormed(r, AT);
  });

  it('tells calls to the boss as contacting others and revealing the debt', () => {
    const r = reply('他们给我领导打电话说我欠钱不还');
    expect(firstSentence(r)).toMatch(/单位|领导/);
    expect(firstSentence(r)).toMatch(/欠款信息|隐私/);
    expectWellFormed(r, AT);
  });

  it('tells words only said as what they are (a threat), not as a deed done', () => {
    const r = reply('催收说明天来堵我，我好怕');
    expect(firstSentence(r)).toMatch(/威胁恐吓/);
    expect(textOf(r)).not.toMatch(/非法限制人身自由|非法侵入住宅/);
    expectWellFormed(r, AT);
  });

  it('cites the old 治安管理处罚法 for conduct before 2026', () => {
    const at = new Date('2026-05-01T12:00:00+08:00');
    const analysis = core.analysis.assessConduct('半年前他们在村里到处说我欠钱不还', at);
    expect(analysis.occurredAt.getFullYear()).toBe(2025);
    const r = core.analysis.renderConduct!(analysis, at);
    expect(r.citations.some((c) => c.law === '治安管理处罚法' && c.article === '42')).toBe(true);
    expect(r.citations.some((c) => c.law === '治安管理处罚法' && c.article === '50')).toBe(false);
    expectWellFormed(r, analysis.occurredAt);
  });

  it('says when nothing unlawful is described, without citations', () => {
    const r = reply('他们没有上门，只是打电话提醒还款');
    expect(r.citations).toEqual([]);
    expect(textOf(r)).toMatch(/没有看出/);
  });
});
