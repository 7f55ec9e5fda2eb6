/**
 * Issue 11: messages about third parties, in words written for this test (none copied from eval/).
 * - A third party told they owe because of who they are or because the borrower wrote them down (登记/填写为担保人,
 *   作为配偶是共同还款人, 法律规定父母有义务替…还, 需承担代偿责任, 作为领导应负责任) is deception
 *   (categories.md: "父母有连带责任"); a real guarantor who signed a 保证合同 is not.
 * - A message to a relative about the debt stays privacy_disclosure + third_party_contact even when it also claims
 *   the relative was registered as a guarantor.
 * - The debt told in a group of people who know the borrower (业主群, 部门群), in front of customers or relatives, or
 *   "their situation" talked over with the school's gatekeeper is disclosure as well as contact.
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['你哥把你登记成了担保人，这钱你跑不了。', ['deception']],
  ['你丈夫作为配偶就是共同借款人，你名下的存款我们照样可以扣。', ['deception']],
  ['按照规定，子女有义务代父母偿还这笔网贷。', ['deception']],
  ['他留的紧急联系人是你，所以你也得承担代还责任。', ['deception']],
  ['您作为他的老板，应当负连带的管理责任，这个月工资先扣下来给我们。', ['deception']],
  ['舅舅您好，您外甥女在我们平台借款一直逾期，她把您填成了担保人，您得替她还上。', ['deception', 'privacy_disclosure', 'third_party_contact']],
  ['楼栋住户群里我刚把你的欠款截图发了，邻居们都看到了吧。', ['privacy_disclosure', 'third_party_contact']],
  ['@刘伟 赶紧出来还钱，班组群里别装死。', ['privacy_disclosure', 'third_party_contact']],
  ['下周我们去你摊位上，当着那些老主顾的面说说你借钱不还的事。', ['privacy_disclosure', 'third_party_contact']],
  ['你儿子幼儿园我们去过了，跟保安说了说你的事情。', ['privacy_disclosure', 'third_party_contact']],
];

const LAWFUL: string[] = [
  '您是本笔借款的保证人，已签署《保证合同》，请按合同约定履行保证义务。',
  '温馨提示：紧急联系人没有义务替您还款，我们只会请其转告您回电。',
  '家里人不需要承担您的债务，请您本人尽快处理逾期。',
];

describe('third parties told they owe, and the debt told to others', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
