/**
 * Out-of-scope questions that sound close to ours (issue 10, fresh-questions-18's misses by kind, in new wordings
 * written for these tests): what the question asks decides, and a loan named only as its background ("当初是借的网贷",
 * "分期买的") does not make it ours; a question under another jurisdiction's law is never ours. Each such question
 * gets its field's hotline. The guards are ours and must stay answered: a loan with a trouble of ours (逾期, 还不上,
 * 催收) or a question about repaying.
 */
import type { Answer } from '../../src/answers/answer';
import { answerer, screen } from '../support/offline-answerer';

const at = new Date('2026-11-30T10:00:00+08:00');
const ask = (q: string): Answer => answerer.answerNow(q, { at });

describe('a neighbouring field with a loan as background is routed, with its hotline', () => {
  it.each([
    ['朋友开了家公司让我当法定代表人 现在公司拖着供应商的货款 人家找上我了 我要担责吗', /12348|律师/],
    ['我挂名做了个股东 公司倒闭了 会不会牵连到我', /12348|律师/],
    ['跟网上认识的人学炒虚拟币 被骗了三万 当初是借的网贷 能要回来吗', /110|96110/],
    ['分期买的手机是翻新机 卖家不给退 怎么办', /12315/],
    ['我在澳门的财务公司借过钱 澳门那边的法律怎么规定的', /律师/],
    ['台湾的法律对欠钱不还是怎么规定的 我在那边借过', /律师/],
  ])('"%s" is out of scope', (q, hotline) => {
    const a = ask(q);
    expect(a.kind).toBe('out_of_scope');
    expect(screen(a)).toMatch(hotline);
    expect(a.reply.citations).toHaveLength(0);
  });
});

describe('guards: a loan with a trouble of ours stays ours', () => {
  it.each([
    '贷款买的车逾期了 催收说要来把车拖走 能这样吗',
    '老公开车撞了人 赔了不少钱 现在网贷还不上了 怎么办',
    '在澳门赌输了找人借的钱 我还要还吗',
    '公司让我挂名当法人 现在催收天天打到公司 合法吗',
  ])('"%s" is answered', (q) => {
    expect(ask(q).kind).toBe('answer');
  });
});
