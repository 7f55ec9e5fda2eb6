import { asksOrWonders, isQuestion } from '../../../src/conversation/understanding/question-form';

describe('question form', () => {
  it.each(['能报警吗', '这么整犯法不', '能报警不', '他说不还就找人收拾我 能报警不', '这样会坐牢不', '可以投诉不', '催收能上门吗？', '合不合法'])(
    'hears "%s" as a question',
    (t) => {
      expect(isQuestion(t)).toBe(true);
    },
  );

  it.each(['我真的还不起了', '我会还不上的', '他们天天打电话 我能力不够', '我会努力还 不会跑', '怎么死都行'])('does not hear "%s" as a question', (t) => {
    expect(isQuestion(t)).toBe(false);
  });

  it('hears a question word as wondering without a question form', () => {
    expect(asksOrWonders('征信上了多久能消掉')).toBe(true);
    expect(asksOrWonders('催收一直打电话')).toBe(false);
  });
});
