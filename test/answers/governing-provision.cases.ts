/**
 * Issue 11: the provision that governs a question comes back among the top three retrieved items (as
 * eval/answers.ts counts recall@3), in new wordings written for these tests, by kind: a knife sent with a deadline is
 * a threat (治安管理处罚法第50条); a court selling the home after a judgment (民事诉讼法第255条, the necessities kept);
 * a creditor announcing a lawsuit is exercising a right (民事诉讼法第122条). A credit report the lender got wrong,
 * asked as "where do I complain", opens with the objection first (征信业管理条例第25、26条), not a hotline list.
 */
import { createLexicalRetriever, type RetrievedItem } from '../../src/knowledge/retriever';
import { guideCites } from '../../src/answers/answer';
import { answerer, k, screen } from '../support/offline-answerer';

const retriever = createLexicalRetriever(k);
const top3 = (q: string): string[] =>
  retriever
    .retrieve(q, 3)
    .flatMap((it: RetrievedItem) => (it.kind === 'article' ? [`${it.article.law} ${it.article.article}`] : guideCites(it.guide).map((c) => `${c.law} ${c.article}`)));

describe('the governing provision is among the top three', () => {
  it.each([
    ['对方发了张刀的图片 说明天中午前不还后果自负', '治安管理处罚法 50'],
    ['执行的时候法院能把我唯一的住房卖掉吗', '民事诉讼法 255'],
    ['判了以后还是还不上 房子会被法院拍掉吗', '民事诉讼法 255'],
    ['短信说一周内不还就向法院起诉我 这是不是在威胁我', '民事诉讼法 122'],
  ])('"%s" retrieves %s', (q, article) => {
    expect(top3(q)).toContain(article);
  });
});

describe('a wrong credit report, asked as a complaint, opens with the objection', () => {
  it('"征信上的逾期是贷款公司报错的 我去哪里投诉"', () => {
    const a = answerer.answerNow('征信上的逾期是贷款公司报错的 我去哪里投诉', { at: new Date('2026-12-07T10:00:00+08:00') });
    expect(screen(a)).toMatch(/异议/);
    expect(a.reply.citations.map((c) => `${c.law} ${c.article}`)).toEqual(expect.arrayContaining(['征信业管理条例 25']));
  });
});
