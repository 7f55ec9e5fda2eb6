/**
 * Issue 11: kinds fresh-31 and fresh-27 (development data) got wrong, in words written for this test (none copied
 * from eval/). Who is speaking (categories.md): a message whose sender is not the collector — a property manager's
 * or carrier's 【header】, a courier or landlord saying who they are, a relative's colleague, a parent telling the
 * borrower to talk to the family, a relative's message relayed — and the user's own "这算违规吗" are answered, not
 * labelled. Lawful: a note left on the door for the borrower, an announced visit that leaves when refused.
 * Unlawful, found: the home address quoted back as a question ("…12栋吧？", "地址…没说错吧？") is veiled menace;
 * a phone made to ring all night, or a redial for every hang-up, is harassment_frequency.
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const NOT_A_COLLECTOR: string[] = [
  '【滨河湾物业】温馨提示：您名下车位的管理费360元已逾期，请尽快到物业服务中心缴纳，逾期将按规定处理。',
  '【中国联通】您好，您的号码今天共收到疑似骚扰来电27次，已为您自动拦截，回复TD退订提醒。',
  '你好，我是你室友的同事，他让我转告你，你欠网贷的事催收都打到我们单位来了，我们领导也知道了。',
  '您好，这边是物业前台，有人往您家门缝里塞了催款的单子，我们帮您收起来了，有空来拿。',
  '闺女，听你舅说你欠了网上的钱？有困难跟爸妈讲，咱们一起想办法。',
  '（我姐转给我的截图）说你要是再不还，他们就天天上门找你。',
  '他们今天给我舅舅打电话问我在哪，这算违规吗？',
];

const LAWFUL: string[] = [
  '门上给你贴了个便条，你回来记得看。',
  '刘先生，我是安信分期的外访人员，按之前约好的时间我们在小区门口了，您要是不方便的话我们就先回去，改天再约。',
];

const FOUND: Array<[string, CategoryId[]]> = [
  ['你妈是住在桂园小区6栋吧？她一个人住挺冷清的。', ['threat']],
  ['你现在住的是金沙苑3号楼2单元吧，门口那双拖鞋还在呢。', ['threat']],
  ['你丈人家地址：北关街道李庄组47号，他今年六十八了。没说错吧？', ['threat']],
  ['不接是吧，那我让你电话响一晚上。', ['harassment_frequency']],
  ['你挂一次我就接着打，看你能挂几次。', ['harassment_frequency']],
];

describe('fresh-31 kinds (issue 11, new wordings)', () => {
  it.each(NOT_A_COLLECTOR)('another sender or the user, not labelled: %s', (text) => {
    const a = analyzer.analyze({ text, sentAt: null });
    expect(a.categories).toEqual([]);
    expect(a.looksLikeCollectorMessage).toBe(false);
  });
  it.each(LAWFUL)('lawful, not flagged: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(FOUND)('found: %s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it("a collector posing as a relative's colleague is still the collector", () => {
    expect(cats('大哥，我是你媳妇单位的同事……算了不绕了，我是快贷的，你媳妇欠了三万，你得管管。')).toEqual(['privacy_disclosure', 'third_party_contact']);
  });
  it("a transcript with the collector's lines stays the collector's, whoever it names", () => {
    const a = analyzer.analyze({ text: '催收员：我是你表哥的朋友，你欠我们平台的钱今天必须还，不然我们明天去你家门口等你。', sentAt: null });
    expect(a.looksLikeCollectorMessage).toBe(true);
    expect(a.categories).toContain('threat');
  });
});

/**
 * A spouse told they must pay because they are married ("作为配偶你有义务…", "夫妻的债你躲不掉"): whether a debt is
 * 夫妻共同债务 depends on signatures, ratification and use, decided by a court (民法典 1064), so the claim as an
 * outright duty is deception (categories.md: "父母有连带责任"); a conditional, accurate statement is not.
 */
describe('spouse liability stated as a duty (issue 11, dev28 h26-07 / h26-19 kind)', () => {
  it.each([
    ['弟妹，你男人在我们这欠的钱，夫妻俩的债你躲不掉的，早点帮他还了吧。', ['deception', 'privacy_disclosure', 'third_party_contact']],
    ['作为妻子你必须一起还，这是法律规定的。', ['deception']],
  ] as Array<[string, CategoryId[]]>)('found: %s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it('the conditional, accurate rule is not flagged', () => {
    expect(cats('如果借款用于家庭共同生活，经法院认定为夫妻共同债务的，配偶才需要共同偿还。')).toEqual([]);
  });
});
