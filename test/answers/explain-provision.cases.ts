/**
 * "第50条第二款呢" / "刚才那条法律是什么意思" / "第二百九十三条之一是什么": the provision found among the focus's
 * citations or by number as in force on the day of the conduct, explained with its condition, version and in-force
 * date; vague mentions offer the other citations as buttons; unknown articles are never invented.
 */
import { provisionFromButton } from '../../src/answers/explain-provision';
import { citationsAt } from '../../src/answers/cite-refs';
import { testCore } from '../support/core-deps';
import { MESSAGES, NOW, RECENT } from '../support/collector-messages';
import { expectWellFormed, firstSentence, messageFocus, textOf } from '../support/focus';

const { followUps, knowledge } = testCore();

describe('explainProvision', () => {
  it('"刚才那条法律" after a threat: 第五十条 as it applied (人身安全), its condition, version and date', () => {
    const focus = messageFocus(MESSAGES.threat, RECENT);
    const reply = followUps.explainProvision({ vague: true }, focus, NOW);
    expect(firstSentence(reply)).toMatch(/《治安管理处罚法》第五十条第一款第（一）项/);
    const text = textOf(reply);
    expect(text).toMatch(/条件：.*(人身安全|威胁)/);
    expect(text).toMatch(/2026-01-01/);
    expect(text).toMatch(/原文：「/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(['治安管理处罚法50']);
    // The other citations are offered as buttons that name them.
    const others = reply.buttons.filter((b) => b.id.startsWith('prov:'));
    expect(others.length).toBeGreaterThan(0);
    for (const b of others) expect(focus.citations.map((c) => `${c.law}:${c.article}`)).toContain(b.id.slice('prov:'.length));
    expectWellFormed(reply, new Date(RECENT));
  });

  it('"第50条第二款呢": the no-contact order and its condition (第（五）项 conduct, approval)', () => {
    const reply = followUps.explainProvision({ article: '50', part: '第二款', vague: false }, messageFocus(MESSAGES.threat, RECENT), NOW);
    expect(firstSentence(reply)).toMatch(/第五十条第二款/);
    const text = textOf(reply);
    expect(text).toMatch(/禁止接触/);
    expect(text).toMatch(/第（五）项|滋扰、纠缠、跟踪/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('"第二百九十三条之一是什么": only for illegal debts, and severe cases', () => {
    const reply = followUps.explainProvision({ article: '293-1', vague: false }, messageFocus(MESSAGES.threat, RECENT), NOW);
    expect(firstSentence(reply)).toMatch(/第二百九十三条之一/);
    const text = textOf(reply);
    expect(text).toMatch(/非法债务/);
    expect(text).toMatch(/情节严重/);
    expect(text).toMatch(/2024-03-01|2021/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('an insult cited under 公然侮辱: the condition says the insult must be public', () => {
    const reply = followUps.explainProvision({ law: '治安法', article: '50', vague: false }, messageFocus(MESSAGES.insultPrivate, RECENT), NOW);
    expect(textOf(reply)).toMatch(/公然/);
  });

  it('for conduct in 2025, "第50条" is the old 第四十二条 in force then, with its dates', () => {
    const focus = messageFocus(MESSAGES.groupExposure, '2025-10-01T10:00:00+08:00');
    const reply = followUps.explainProvision({ article: '50', vague: false }, focus, NOW);
    expect(firstSentence(reply)).toMatch(/第四十二条/);
    expect(textOf(reply)).toMatch(/2025-12-31/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(['治安管理处罚法42']);
    expectWellFormed(reply, new Date(focus.at));
  });

  it('an article new in 2026 for conduct in 2025 is explained with the warning that it did not apply then', () => {
    const focus = messageFocus(MESSAGES.groupExposure, '2025-10-01T10:00:00+08:00');
    const reply = followUps.explainProvision({ law: '治安管理处罚法', article: '56', vague: false }, focus, NOW);
    expect(textOf(reply)).toMatch(/当时还没有这一条/);
    // Explained, never cited as applying: no citation and no 查看法条 button for it.
    expect(reply.citations).toEqual([]);
    expect(reply.buttons.map((b) => b.id)).not.toContain('law');
  });

  it('a law not yet in force on the day (个人信息保护法 for conduct in 2020) is never cited as applying', () => {
    const focus = messageFocus(MESSAGES.groupExposure, '2020-06-01T10:00:00+08:00');
    const reply = followUps.explainProvision({ law: '个人信息保护法', article: '10', vague: false }, focus, NOW);
    const text = textOf(reply);
    expect(text).toMatch(/2021-11-01/);
    expect(text).toMatch(/当时还没有这一条/);
    expect(reply.citations).toEqual([]);
  });

  it('citations for a day keep only texts in force then', () => {
    const refs = [{ law: '民法典', article: '1032' }, { law: '治安管理处罚法', article: '42' }];
    const then = citationsAt(refs, knowledge, new Date('2020-06-01T10:00:00+08:00')).map((c) => `${c.law}${c.article}`);
    expect(then).toEqual(['治安管理处罚法42']); // 民法典 took effect on 2021-01-01
    const later = citationsAt(refs, knowledge, new Date('2021-06-01T10:00:00+08:00')).map((c) => `${c.law}${c.article}`);
    expect(later).toContain('民法典1032');
  });

  it('an article not in the knowledge base: says so, points to 12348, cites nothing', () => {
    for (const mention of [{ law: '刑法', article: '999', vague: false }, { law: '劳动法', article: '50', vague: false }]) {
      const reply = followUps.explainProvision(mention, messageFocus(MESSAGES.threat, RECENT), NOW);
      expect(textOf(reply)).toMatch(/没有/);
      expect(textOf(reply)).toMatch(/12348/);
      expect(reply.citations).toEqual([]);
      expectWellFormed(reply, NOW);
    }
  });

  it('a vague mention with nothing cited: asks which one, invents nothing', () => {
    const reply = followUps.explainProvision({ vague: true }, messageFocus(MESSAGES.lawsuit, RECENT), NOW);
    expect(reply.citations).toEqual([]);
    expect(textOf(reply)).toMatch(/没有引用/);
  });

  it('a PARTIAL provision is given only as 据报道, never as a quote', () => {
    const reply = followUps.explainProvision({ vague: true }, messageFocus(MESSAGES.consequences, RECENT), NOW);
    const a = reply.citations[0]!;
    if (a.confidence === 'PARTIAL') {
      expect(textOf(reply)).toMatch(/据报道/);
      expect(textOf(reply)).not.toMatch(/原文：「/);
    } else {
      expect(textOf(reply)).toMatch(/原文：「/);
    }
  });

  it('a provision whose in-force date is unverified never shows a date; a reported one says 据报道', () => {
    const focus = messageFocus(MESSAGES.threat, RECENT);
    const card = textOf(followUps.explainProvision({ law: '信用卡业务监管办法', article: '70', vague: false }, focus, NOW));
    expect(card).toMatch(/施行日期未核实/);
    expect(card).not.toMatch(/2011-01-01/);
    const sure = textOf(followUps.explainProvision({ law: '民法典', article: '538', vague: false }, focus, NOW));
    expect(sure).toMatch(/2021-01-01 起施行/);
  });

  it('reads back the provision a "prov:" button stands for', () => {
    expect(provisionFromButton('prov:刑法:293-1')).toEqual({ law: '刑法', article: '293-1', vague: false });
    expect(provisionFromButton('law')).toBeUndefined();
  });
});
