/**
 * Issue 11, lawful messages read as unlawful (fresh-25, fresh-26), in words written for this test (none copied from
 * eval/):
 * - a contact the collector says it will NOT make ("不找你父母") is no third-party contact;
 * - the collector's own boss is no third party: "帮你跟主管说了", "领导批了你的减免", "经理签了诉讼审批";
 * - a creditor that has had a lawyer sue ("本公司已委托律所向法院提起诉讼") and says the court accepted it, and a
 *   lawyer who says it filed for arbitration and tells the borrower of the right to answer, speak of a real case:
 *   verify, not impersonation (categories.md);
 * - a notary's number in the form "（2024）浙杭证民字第1021号" marks a real notary's notice, and its "公开电话" is
 *   its own published number, not a disclosure.
 * Guards: a "lawyer" who wants WeChat and threatens detention stays impersonation + deception; a threat to go to
 * the borrower's boss stays third-party contact.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['小李，我们不找你父母，也不找你公司，只跟你本人谈，你回个话。', []],
  ['我都帮你跟主管说了好几回了，再宽限两天，别让我难做。', []],
  ['领导批了你的减免申请，下午我发短信给你确认金额。', []],
  ['经理签了诉讼审批，材料这两天寄给律所，到时候法院会通知你。', []],
  ['孙女士您好，本公司已委托律所向法院提起诉讼，目前已收到法院的受理通知，传票会按合同地址寄出，请注意查收。', []],
  ['您好，我是某某律师事务所的刘律师，受贷款公司委托，已向某市仲裁委员会提交仲裁申请，受理后您会收到通知，可在答辩期内提出意见。', []],
  ['本处是某某公证处，公证书号（2024）浙杭证民字第1021号，债权人申请出具执行证书，请于5日内携身份证来本处或致电本处公开电话说明。', []],
  // guards
  ['我是某某律所的律师，已向法院起诉你，可以答辩，但是先加我微信处理，不然今晚就拘留你。', ['deception', 'impersonation']],
  ['明天不还，我们就找你单位领导谈谈。', ['third_party_contact']],
];

describe('lawful messages with words of contact or process', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});
