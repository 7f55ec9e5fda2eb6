/**
 * The weak kinds of issue 11 in words written for this test (none copied from eval/): denials of contact, the
 * collector's own company rule, veiled menace without harm words (a crew hanging around the home, the car and its
 * parking spot, "we know that building", "问候" the family), messages to a third party asking them to pay, the
 * contact list exposed or held, third parties told on a call, a fake authority approving an arrest, false
 * consequences stated as rules (all cards frozen, a record kept for life), sounds and orders of force in a
 * transcript, English at the door. Each message must get exactly the listed categories (categories.md).
 * Also fresh-14's remaining kinds (CASES_F14), and: dev-kinds-3 (written before these rules) stays at macro-F1 ≥ 0.98 with no lawful message flagged.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';
import { readJsonl, scoreSet, type LabelledMessage } from '../../bench/analyze';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ["我们可从来没说过要去找你家里人，你家里人也不用替你还。", []],
  ["公司规定我们每天最多给您打三次电话，今天先不打了。", []],
  ["小区门口那家水果店挺不错的，我们几个最近经常去那边溜达。", ['threat']],
  ["你那辆白色大众车牌号浙A开头的，天天停在小区东门对吧？", ['threat']],
  ["你们单位那片我们熟得很。", ['threat']],
  ["再不接电话，就把你爸妈挨个问候一遍。", ['third_party_contact', 'threat']],
  ["阿姨，我是他朋友，他欠了我们三万块一直不还，您能不能替他还上？", ['privacy_disclosure', 'third_party_contact']],
  ["曝光你的通讯录，让他们都看看。", ['privacy_disclosure', 'third_party_contact']],
  ["你通讯录我们已经拿到了，今晚挨个发一遍。", ['privacy_disclosure', 'third_party_contact']],
  ["我们刚给你房东打了电话，讲了你欠钱的事。", ['privacy_disclosure', 'third_party_contact']],
  ["检察院已经决定对你刑拘。", ['deception', 'impersonation']],
  ["按规定，逾期后你名下的全部银行卡将于明天统一冻结。", ['deception']],
  ["你的逾期记录永久保留，一辈子都借不到钱。", ['deception']],
  ["（录音）催收：给我揍！（扭打声）", ['threat', 'violence']],
  ["we are outside ur door now, not leaving until you pay", ['threat', 'violence']],
  ["你妈年纪大了，别逼我们上门。", ['threat']],
  ["房东您好，租您房子的小刘欠了我们网贷没还，您自己小心别被他骗了。", ['privacy_disclosure', 'third_party_contact']],
  ["我们已经在你老家村口贴了告示。", ['privacy_disclosure']],
  ["您好，您无需替他还款，麻烦转告他回电即可。", []],
];

/** fresh-14's remaining kinds in new words: veiled menace with no harm word (a car "是你的吧" + 天干物燥, windows and
 * doors, "别怪我们", watch your step, a relative's or the borrower's own shop and its hours, the parents' address with
 * "身体还好吗"), a scooter taken, false consequences (no bank card or wages, 移送司法, a deposit before talks). */
const CASES_F14: Array<[string, CategoryId[]]> = [
  ["Pay by 6pm or I will send your loan records and ID photo to all your wechat contacts.", ['privacy_disclosure', 'third_party_contact']],
  ["小区门口那辆黑色帕萨特是你的吧，最近天干物燥，当心点。", ['threat']],
  ["晚上门窗记得关紧。", ['threat']],
  ["你家那道防盗门经得起几脚？", ['threat']],
  ["到时候出了事，你爸妈也别怪我们。", ['threat']],
  ["下楼梯看好脚下，摔一下可不是闹着玩的。", ['threat']],
  ["你老公开的那家修车铺在建设路吧，我们不想打扰他，你懂的。", ['threat']],
  ["你爸妈住在郑州金水区文化路8号吧？二老身体还好吗。", ['threat']],
  ["你的摩托车我们先开走了，还钱再来拿。", ['threat', 'violence']],
  ["你那家奶茶店每天晚上十一点打烊是吧？", ['threat']],
  ["以后你连银行卡都办不了，社保也领不了。", ['deception']],
  ["今天不还，明天就移送司法。", ['deception']],
  ["想协商可以，必须先交五千保证金才能谈。", ['deception']],
  ["按合同约定，逾期将收取罚息并上报征信，请先还最低还款额。", []],
];

describe('createAnalyzer: the weak kinds of issue 11 (dev-kinds-3 round)', () => {
  it.each(CASES_F14)('fresh-14 kind: %s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });

  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });

  it('dev-kinds-3: macro-F1 ≥ 0.98, no lawful message and no lawful suit or letter flagged', () => {
    const rows = readJsonl<LabelledMessage>(join(PACKAGE_ROOT, 'eval', 'analyze', 'dev-kinds-3.jsonl'));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    const score = scoreSet(analyzer, rows);
    expect(score.macroF1).toBeGreaterThanOrEqual(0.98);
    expect(score.falseAlarmRate).toBe(0);
  });
});
