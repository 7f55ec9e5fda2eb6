/**
 * Issue 11, categories.md conventions the analyzer missed, in words written for this test (none copied from eval/):
 * - violence is an act happening or done: a lock "被我们灌了胶", the collectors standing at the workplace for days
 *   (also third_party_contact: the workplace), "我们的人已经在你办公室门口了";
 * - a banner at the gate of the workplace or the housing estate is aimed at colleagues or neighbours
 *   (privacy_disclosure + third_party_contact); a village poster addressing no one stays privacy_disclosure only;
 * - posting in a neighbours' group (业主群) is privacy_disclosure even when what was posted is not said;
 * - "发送时间 …06:30" under a forwarded text is the send time: off_hours (a daytime one is not);
 * - an insult told as repeated ("天天骂", "还打电话骂") meets the condition of 治安管理处罚法第五十条第一款第（五）项,
 *   a single one does not.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['你家防盗门的锁已经被我们灌了胶，进不去别怪我们。', ['threat', 'violence']],
  ['你单位门口我们的人已经站了两天了。', ['third_party_contact', 'threat', 'violence']],
  ['我们的人已经在你办公室门口了，今天不给说法别想下班。', ['third_party_contact', 'threat', 'violence']],
  ['横幅已经挂在你们小区大门口了。', ['privacy_disclosure', 'third_party_contact']],
  ['你们厂门口的横幅看到了吧？', ['privacy_disclosure', 'third_party_contact']],
  ['业主群里我们已经发了，你自己看吧。', ['privacy_disclosure']],
  ['让你们楼栋群的人都知道你借钱不还。', ['privacy_disclosure', 'third_party_contact']],
  ['【转给借款人】"您好，您女儿在我司逾期未还，请提醒她处理。"\n发送时间：2026-03-02 06:30', ['off_hours', 'privacy_disclosure', 'third_party_contact']],
  ['【转给借款人】"您好，您女儿在我司逾期未还，请提醒她处理。"\n发送时间：2026-03-02 14:30', ['privacy_disclosure', 'third_party_contact']],
  // guard: a village poster addressing no one
  ['再不还就在你们村口贴大字报。', ['privacy_disclosure']],
];

describe('categories.md conventions', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});

const repeatedInsult = (text: string): boolean | undefined =>
  analyzer.describe('insult', text).provisions.find((p) => p.article === '50' && (p.item ?? '').includes('（五）'))?.met;

describe('an insult told as repeated meets 50(五)', () => {
  it.each([
    ['那个催收天天发信息骂我是猪', true],
    ['他们还打电话骂我是人渣 我都录下来了', true],
    ['他发了一条短信骂我是人渣', false],
  ] as Array<[string, boolean]>)('%s', (text, met) => {
    expect(repeatedInsult(text) === true).toBe(met);
  });
});
