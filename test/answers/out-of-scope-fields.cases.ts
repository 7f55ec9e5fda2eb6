/**
 * Out-of-scope questions missed on fresh-questions-20, by kind, in new wordings written for these tests: a loss in an
 * investment or coin group after the loans were repaid (the repaid loan is background), a shop that will not take back
 * a broken purchase (店家, 不给退/换), and setting up a company (注册公司, 营业执照). Each gets its field's hotline and
 * no citation. Guards: a repaid loan with a question of ours (征信, 催收) stays ours.
 */
import type { Answer } from '../../src/answers/answer';
import { answerer, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');
const ask = (q: string): Answer => answerer.answerNow(q, { at });

describe('a neighbouring field is routed, with its hotline', () => {
  it.each([
    ['贷款早就还清了 后来进了个炒股群被骗了3万 还能要回来吗', /110|96110/],
    ['分期买的冰箱 坏了 店家不给退 怎么办', /12315/],
    ['我想成立公司 要准备什么', /12348|律师/],
  ])('"%s" is out of scope', (q, hotline) => {
    const a = ask(q);
    expect(a.kind).toBe('out_of_scope');
    expect(screen(a)).toMatch(hotline);
    expect(a.reply.citations).toHaveLength(0);
  });
});

describe('guards: a repaid loan with a question of ours stays ours', () => {
  it.each(['网贷还清了 征信多久能恢复', '网贷都还清了 催收还在打电话'])('"%s" is answered', (q) => {
    expect(ask(q).kind).not.toBe('out_of_scope');
  });
});
