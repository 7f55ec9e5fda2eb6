/**
 * "那我该怎么办" on focuses from the real analyzer: the steps for what was found, the most urgent first, within
 * one screen; a lawful message gets what to do about the debt, not a police report.
 */
import { testCore } from '../support/core-deps';
import { MESSAGES, NOW, RECENT } from '../support/collector-messages';
import { conductFocus, expectWellFormed, firstSentence, messageFocus, textOf } from '../support/focus';

const { followUps } = testCore();

describe('whatToDo', () => {
  it('a threat: names what was found, keeps evidence and reports to 110', () => {
    const focus = messageFocus(MESSAGES.threat, RECENT);
    const reply = followUps.whatToDo(focus, NOW);
    expect(firstSentence(reply)).toMatch(/威胁恐吓/);
    expect(textOf(reply)).toMatch(/110/);
    expect(textOf(reply)).toMatch(/欠款/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('violence happening (described conduct): calling 110 comes first', () => {
    const focus = conductFocus('昨天三个人堵在我家门口不让我出门', NOW.toISOString());
    expect(focus.categories).toContain('violence');
    const reply = followUps.whatToDo(focus, NOW);
    expect(firstSentence(reply)).toMatch(/110/);
    expectWellFormed(reply, new Date(focus.at));
  });

  it('a fake court notice: verifying with 12368 comes first', () => {
    const focus = messageFocus(MESSAGES.fakeCourt, RECENT);
    const reply = followUps.whatToDo(focus, NOW);
    expect(firstSentence(reply)).toMatch(/12368/);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('steps that do not fit the screen are offered as step buttons the conversation already handles', () => {
    const focus = messageFocus(MESSAGES.groupExposure, RECENT);
    const reply = followUps.whatToDo(focus, NOW);
    const steps = testCore().analysis.nextSteps(focus.categories as never);
    for (const b of reply.buttons.filter((x) => x.id.startsWith('s:'))) expect(steps.map((s) => `s:${s.id}`)).toContain(b.id);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a lawful message: no police, sort out the debt through official channels', () => {
    const focus = messageFocus(MESSAGES.lawsuit, RECENT);
    const reply = followUps.whatToDo(focus, NOW);
    expect(firstSentence(reply)).toMatch(/不用报警/);
    expect(textOf(reply)).toMatch(/官方/);
    expect(reply.citations).toEqual([]);
    expectWellFormed(reply, new Date(RECENT));
  });
  it('a threat naming the child: a step for the child (school, teacher, pick-up) right after the first', () => {
    const focus = messageFocus('不还钱是吧 你儿子在阳光幼儿园大班 每天下午四点放学 我们的人就在门口等他', RECENT);
    const reply = followUps.whatToDo(focus, NOW);
    expect(textOf(reply)).toMatch(/班主任|老师/);
    expect(textOf(reply)).toMatch(/接送/);
    expect(textOf(reply)).toMatch(/110/);
    expect(reply.buttons.some((b) => b.id === 's:protect_child')).toBe(false);
    expectWellFormed(reply, new Date(RECENT));
  });

  it('a threat naming no child or school gets no child step', () => {
    const reply = followUps.whatToDo(messageFocus(MESSAGES.threat, RECENT), NOW);
    expect(textOf(reply)).not.toMatch(/班主任|接送/);
  });
});
