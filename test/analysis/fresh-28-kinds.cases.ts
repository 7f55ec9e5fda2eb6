/**
 * Issue 11: kinds fresh-28 (development data since session 12) got wrong, in words written for this test (none
 * copied from eval/). Lawful, never flagged (categories.md Lawful): a platform's anti-fraud notice reporting what
 * impostors say; a platform's own 【公告】; a court's e-service notice that points to the 移动微法院 mini-program in
 * WeChat; a court's 公告送达 under 【人民法院公告】; a creditor inviting the borrower to check a named court's case, or
 * stating the 支付令's objection period; a request to update the emergency contact's number. Unlawful, found: a
 * message to a relative, a group or a landlord that tells them the borrower's debt without the word 欠款 (有笔账,
 * 没结清, "他在我们这…"); pinyin and initials (qian kuan, txl).
 * A wait at the door announced with a bare 等 at the end ("明天我就去你家门口等") is threat, not violence: the act is
 * future or conditional (categories.md violence); an announced, refusable visit stays lawful.
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '近期有不法分子以我司名义打电话，说逾期会被拘留，还要求客户转账到个人账户。我司所有还款只在App内进行。',
  '【公告】本平台催收人员不会以“拘留”“爆通讯录”等方式催收，任何要求转账到私人账户的都是诈骗，请拨打客服热线核实。',
  '【移动微法院】您好，福建省厦门市思明区人民法院向您送达了文书，请打开微信搜索“福建移动微法院”查看。',
  '【人民法院公告】向被告刘建华公告送达起诉状副本及开庭传票：原告某某消费金融有限公司诉你借款合同纠纷一案，自公告之日起经过三十日视为送达。详见人民法院公告网。',
  '沈先生好，我是众信消费金融的诉讼专员，您的案子已经在杭州互联网法院立案了，可以上平台查询进度。',
  '我是鸿运小贷法务，法院那边的支付令您收到了吧，有异议可以十五天内向法院提，没有异议又不还我们会向法院申请强制执行。',
  '麻烦您补充一下紧急联系人的电话号码，方便以后联系不到您时备用。',
];

const FOUND: Array<[string, CategoryId[]]> = [
  ['阿姨，您儿子在我们这有笔账拖着没处理，您催催他。', ['privacy_disclosure', 'third_party_contact']],
  ['叔叔好，您女儿那笔钱一直没结清，我们也是没办法才找到您。', ['privacy_disclosure', 'third_party_contact']],
  ['你们邻居张涛在我们这有一笔借款拖了半年了，谁能联系上他让他回个电话。', ['privacy_disclosure', 'third_party_contact']],
  ['【城东小区业主群】大家好，我是易借分期的，你们楼下住的刘强在我们平台借了两万多一直没还，电话也不接，认识的麻烦告诉他一声。', ['privacy_disclosure', 'third_party_contact']],
  ['物业您好，3栋502的业主，他在我们这有一笔贷款拖了四个月了，麻烦您见到他时说一下。', ['privacy_disclosure', 'third_party_contact']],
  ['王老板您好，打扰了，他在我们平台借的钱到现在还没结清，人也找不到，麻烦您转告。', ['privacy_disclosure', 'third_party_contact']],
  ['你的qian kuan再不处理，txl里的人明天全部都会收到你的借款截图。', ['privacy_disclosure', 'third_party_contact']],
];

/** Pass before and after: a fake court stays impersonation; a debt told to the borrower alone is no disclosure. */
const GUARDS: Array<[string, CategoryId[]]> = [
  ['【人民法院】你的借款纠纷已经立案，加微信fy2026处理，今晚不处理明天冻结你名下所有银行卡。', ['deception', 'impersonation']],
  ['你在我们这有笔账拖着没处理，今天之内联系我们。', []],
];

describe('fresh-28 kinds (issue 11): lawful notices stay lawful', () => {
  test.each(LAWFUL)('%s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe('fresh-28 kinds (issue 11): debt told to a third party in other words', () => {
  test.each([...FOUND, ...GUARDS])('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});

const WAIT: Array<[string, CategoryId[]]> = [
  ['后天一早我们就到你单位门口等。', ['third_party_contact', 'threat']],
  ['再不接电话，晚上我就去你家楼下等。', ['threat']],
  // Guard, passes before and after: an announced visit that leaves when refused.
  ['我们已按约定到小区门口，您不方便的话我们改天再来。', []],
];

describe('fresh-28 kinds (issue 11): a wait announced with a bare 等 is threat', () => {
  test.each(WAIT)('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});
