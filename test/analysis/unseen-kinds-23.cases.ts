/**
 * Issue 11: kinds the analyzer missed on messages it had not seen (fresh-21..23), in words written for this test
 * (none copied from eval/):
 * - veiled menace with no harm word: the family's home named down to the village or courtyard and "自己掂量",
 *   a family member seen today, the dark road home asked about, "认认门", "不怕再进去", "在医院里求我们",
 *   "can't vouch for what the lads will do", the shop window "别想要了", checking on the old parents' health on a
 *   visit, the child's school named and praised, a coffin emoji with a weekday as the deadline;
 * - a call log whose rows end with the time ("未接来电 … 14:02"), minutes apart, is a burst;
 * - a collector claiming the police or a court works with it or has acted for it (impersonation), a criminal record
 *   for life, a note "in the file", the collector's own fees charged to the borrower (deception).
 * Lawful lines with the same words stay lawful. Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['你岳父岳母住在东坝乡王家村西头那个院子，门口停着辆三轮。不还钱的后果，你自己掂量。', ['threat']],
  ['你妈今天上午在小区门口跳广场舞，我们都看到了。', ['threat']],
  ['你女儿晚上下自习回家那条巷子黑不黑，你心里清楚。', ['threat']],
  ['过两天几个兄弟去你店里转转，先认个门。', ['threat']],
  ['我们这的人都是进去过的，不怕再进去一次。', ['threat']],
  ['之前也有嘴硬的，后来在医院里求我们给他宽限几天。', ['threat']],
  ['钱不到位，我可管不住下面的人会干出什么。', ['threat']],
  ['再拖，你那个水果店的卷帘门就别想要了。', ['threat']],
  ['下周我们去你老家跟你爹妈聊聊，顺便看看老人身体怎么样。', ['third_party_contact', 'threat']],
  ['你儿子在育才小学挺聪明的，可惜摊上你这样的爹。', ['threat']],
  ['⚰️ 周三前', ['threat']],
  ['通话记录\n未接来电 186xxxx2231 10:01\n未接来电 186xxxx2231 10:04\n未接来电 177xxxx0917 10:06\n未接来电 186xxxx2231 10:11', ['harassment_frequency']],
  ['你的传票现在就在我们手上，今天下午过来签收。', ['impersonation']],
  ['我司已经跟区公安分局沟通确认过了，警方已同意介入。', ['impersonation']],
  ['我们会联合公安对你名下的资产进行排查。', ['impersonation']],
  ['再拖下去，你这辈子就要背上犯罪记录了。', ['deception']],
  ['欠钱不还，你单位的档案里都会有记录的。', ['deception']],
  ['你还得另付上门费800元，跟欠款一起打过来。', ['deception']],
];

const LAWFUL: string[] = [
  '通话记录\n已接来电 186xxxx2231 09:01\n已接来电 177xxxx0917 13:40',
  '您好，我们将于本周六上午到您登记的地址上门拜访，如不方便请提前告知改约。',
  '本案判决已生效，我司已向法院申请强制执行，请配合法院执行程序。',
  '温馨提示：谨防有人冒充我司声称与公安合作，我司从未委托任何机构上门。',
];

describe('kinds missed on unseen messages (fresh-21..23)', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
