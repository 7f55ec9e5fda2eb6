/**
 * "这个能报警吗" per category and condition: threats and disclosure yes; an insult depends on being public or
 * repeated; contacting parents is first a complaint; a lawful message is not a police matter. The six-month limit
 * on public-security penalties is stated for old conduct, with the version of the law in force then.
 */
import { testCore } from '../support/core-deps';
import { MESSAGES, NOW, RECENT } from '../support/collector-messages';
import { conductFocus, expectWellFormed, firstSentence, messageFocus, textOf } from '../support/focus';

const { followUps } = testCore();

describe('canReport', () => {
  it('a threat: yes, 110, what to bring; no time-limit note for recent conduct', () => {
    const reply = followUps.canReport(messageFocus(MESSAGES.threat, RECENT), NOW);
    expect(firstSentence(reply)).toMatch(/^能/);
    const text = textOf(reply);
    expect(text).toMatch(/110/);
    expect(text).toMatch(/截图|录音/);
    expect(text).not.toMatch(/6 ?个月/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('an insult sent privately once: depends, because the penalty needs a public insult', () => {
    const focus = messageFocus(MESSAGES.insultPrivate, RECENT);
    expect(focus.categories).toEqual(['insult']);
    const reply = followUps.canReport(focus, NOW);
    expect(firstSentence(reply)).toMatch(/^要看情况/);
    expect(textOf(reply)).toMatch(/公然/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('an insult in front of others, or repeated: yes', () => {
    const pub = followUps.canReport(messageFocus(MESSAGES.insultPublic, RECENT), NOW);
    expect(firstSentence(pub)).toMatch(/^能/);
    const repeated = conductFocus('他们天天打电话骂我是老赖', NOW.toISOString());
    expect(repeated.categories).toContain('insult');
    expect(firstSentence(followUps.canReport(repeated, NOW))).toMatch(/^能/);
  });

  it('parents told about the debt: yes for the disclosure; contacting them alone is first a complaint', () => {
    const told = followUps.canReport(messageFocus(MESSAGES.parents, RECENT), NOW);
    expect(firstSentence(told)).toMatch(/^能/);
    const contacted = followUps.canReport(conductFocus('他们给我妈打了好几次电话', NOW.toISOString()), NOW);
    expect(firstSentence(contacted)).toMatch(/投诉/);
    expect(firstSentence(contacted)).not.toMatch(/^能/);
  });

  it('calls that insult or menace day after day can be reported; calls alone are first a complaint', () => {
    const abusive = followUps.canReport(conductFocus('催收天天打电话骂我', NOW.toISOString()), NOW);
    expect(firstSentence(abusive)).toMatch(/^能/);
    expect(textOf(abusive)).toMatch(/第（五）项/);
    const calls = followUps.canReport(conductFocus('催收天天打电话催我还钱', NOW.toISOString()), NOW);
    expect(firstSentence(calls)).not.toMatch(/^能/);
  });

  it('calls by the dozen, at night or from changing numbers, are harassment the police take: yes', () => {
    for (const said of ['催收每天打我电话四五十个 换着号码打 半夜两点还在打 我都不敢开机了', '他们一天打我几十个电话 轰炸我']) {
      const focus = conductFocus(said, NOW.toISOString());
      expect(focus.categories).toContain('harassment_frequency');
      const reply = followUps.canReport(focus, NOW);
      expect(firstSentence(reply)).toMatch(/^能/);
      expect(textOf(reply)).toMatch(/110/);
    }
  });

  it('a lawful message: no, and what to do instead', () => {
    const reply = followUps.canReport(messageFocus(MESSAGES.lawsuit, RECENT), NOW);
    expect(firstSentence(reply)).toMatch(/^不用报警/);
    expect(textOf(reply)).toMatch(/协商/);
    expect(reply.citations).toEqual([]);
  });

  it('conduct more than six months old: the limit (old 第二十二条 before 2026), how continuing conduct counts, and the civil route', () => {
    const focus = messageFocus(MESSAGES.groupExposure, '2025-10-01T10:00:00+08:00');
    const reply = followUps.canReport(focus, NOW);
    const text = textOf(reply);
    expect(text).toMatch(/6 ?个月/);
    expect(text).toMatch(/第二十二条/);
    expect(text).toMatch(/最后一次/);
    expect(text).toMatch(/起诉|赔偿/);
    // Past the limit, the limit is the answer: the first sentence is no bare "能".
    expect(firstSentence(reply)).toMatch(/^要看/);
    expect(firstSentence(reply)).toMatch(/六个月|6 ?个/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toContain('治安管理处罚法22');
    expectWellFormed(reply, new Date(focus.at));
  });

  it('conduct about five months old under the new law: 第二十五条, report soon', () => {
    const focus = messageFocus(MESSAGES.threat, '2026-01-08T10:00:00+08:00');
    const reply = followUps.canReport(focus, NOW);
    const text = textOf(reply);
    expect(text).toMatch(/第二十五条/);
    expect(text).toMatch(/尽快/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toContain('治安管理处罚法25');
    expectWellFormed(reply, new Date(focus.at));
  });

  it('a private insult past the limit says so: it is no police matter now even if it was repeated', () => {
    const focus = conductFocus('去年五月有个催收在电话里骂我全家', '2025-05-31T12:00:00+08:00');
    const text = textOf(followUps.canReport(focus, NOW));
    expect(text).toMatch(/六个月|6 ?个/);
    expect(text).toMatch(/最后一次/);
  });

  it('a complaint-only focus gets no time-limit note however old', () => {
    const focus = messageFocus(MESSAGES.consequences, '2025-01-01T10:00:00+08:00');
    expect(textOf(followUps.canReport(focus, NOW))).not.toMatch(/6 ?个月/);
  });
});
