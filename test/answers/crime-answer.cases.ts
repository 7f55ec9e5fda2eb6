/**
 * "这算犯罪吗" about the conduct in focus: which crime it could be and under which condition (crimes.yaml), the one
 * the question names first; a lawful lawsuit notice is no crime; citations are of the version in force then.
 */
import { testCore } from '../support/core-deps';
import { MESSAGES, NOW, RECENT } from '../support/collector-messages';
import { conductFocus, expectWellFormed, firstSentence, messageFocus, textOf } from '../support/focus';

const { followUps } = testCore();
const crime = (focus: Parameters<typeof followUps.crime>[0], question?: string) => followUps.crime(focus, NOW, question);

describe('crimeAnswer', () => {
  it('a public insult: 要看情节, 侮辱罪 (刑法246) is prosecuted on complaint (自诉)', () => {
    const reply = crime(messageFocus(MESSAGES.insultPublic, RECENT), '这算侮辱罪吗');
    expect(firstSentence(reply)).toMatch(/^要看情节/);
    expect(firstSentence(reply)).toMatch(/侮辱罪/);
    expect(textOf(reply)).toMatch(/告诉的才处理|自诉/);
    expect(reply.citations.map((c) => `${c.law}${c.article}`)).toContain('刑法246');
    expectWellFormed(reply, new Date(RECENT));
  });

  it('puts the crime the question names first when the conduct has several', () => {
    const focus = conductFocus('他们把我照片和欠款发到我家族群里了 还骂我是骗子', NOW.toISOString());
    const named = crime(focus, '这算侮辱罪吗');
    expect(firstSentence(named)).toMatch(/侮辱/);
    const data = crime(focus, '他们卖我个人信息算犯罪吗');
    expect(firstSentence(data)).toMatch(/个人信息/);
  });

  it('a threat over an illegal debt can be 催收非法债务罪 only when serious (刑法293之一), never a certainty', () => {
    const reply = crime(messageFocus(MESSAGES.threat, RECENT));
    expect(firstSentence(reply)).toMatch(/要看|可能/);
    expect(textOf(reply)).toMatch(/非法债务/);
    expect(textOf(reply)).toMatch(/情节严重/);
    expect(reply.citations.some((c) => c.law === '刑法' && c.article === '293-1')).toBe(true);
  });

  it('a lawful lawsuit notice is no crime and cites nothing', () => {
    const reply = crime(messageFocus(MESSAGES.lawsuit, RECENT));
    expect(firstSentence(reply)).toMatch(/^不算/);
    expect(reply.citations).toEqual([]);
  });
});
