/**
 * Issue 11, a lender's own anti-fraud warning read as the fake it warns about (fresh-35 f35-148, f35-198: lawful
 * litigation flagged 2 of 38), in words written for this test (none copied from eval/):
 * - "有人冒用…名义" tells of an impostor: what follows in that sentence is what the impostor does, not the sender;
 * - "您反馈收到…" / "用户反映收到…" retell what the borrower reported receiving.
 * Guards: a collector who says the borrower used someone's identity ("你冒用…") still threatens; "您反馈没钱" followed
 * by a threat to visit the workplace is still the collector's own threat.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '【某花】提醒：最近有人冒用“公安局经侦支队”名义打电话，说您涉嫌诈骗要马上转账到安全账户。公安机关不会这样要求，请通过官方APP还款，可拨打110核实。',
  '王先生，您在客服热线反馈收到一条“执行通知”，让您把欠款打到个人卡上才能撤案，那不是我们发的，请勿转账，可以打12368向法院核实。',
  '客服提示：有用户反映收到自称律师的短信，称不还款就“今晚上门拘留”，该信息并非本公司发送，还款只认官方渠道。',
];

const GUARDS: Array<[string, CategoryId]> = [
  ['你冒用你弟弟的身份证借的钱，这就是诈骗，三天内不还就等着坐牢吧。', 'deception'],
  ['您反馈说没钱，那行，明天我们直接去你单位找你领导谈。', 'third_party_contact'],
];

describe("a lender's anti-fraud warning is not the fake it warns about", () => {
  it.each(LAWFUL)('%s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(GUARDS)('%s keeps %s', (text, category) => {
    expect(cats(text)).toContain(category);
  });
});
