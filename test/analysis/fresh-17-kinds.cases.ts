/**
 * Issue 11: the kinds fresh-17 missed (now development data), in words written for this test (none copied from
 * eval/): being said to be wanted (被通缉) and acting with the police (联合公安协查), a court said to come and arrest,
 * 失信 asserted without a judgment, an employer told to deduct wages, an emergency contact said to be liable, every
 * bank stopping cards, a lifetime ban on borrowing, "we know which floor you live on", a relative's or employer's
 * number quoted back, a teacher named and then to be called, the borrower's phone held, a posted 催收公告, a phone
 * that "will keep ringing", the debt told to the property manager, menace in English, a quoted "拜访" after 有人.
 * Each message must get exactly the listed categories; the lawful lines stay lawful.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['你现在已经被通缉了，赶紧处理欠款。', ['deception', 'impersonation']],
  ['我们已经会同派出所调查你的下落了。', ['impersonation']],
  ['判都判了，你已经是失信被执行人了，后天法院就来抓你。', ['deception', 'impersonation']],
  ['贵单位应配合每月扣划其工资用于还款。', ['deception']],
  ['你哥是你的紧急联系人，按规定要承担连带还款责任。', ['deception']],
  ['逾期已经报上去了，所有银行都会停掉你的信用卡。', ['deception']],
  ['记住，你这辈子都别想再贷到钱了。', ['deception']],
  ['你家那栋楼我们清楚，知道你住几楼。', ['threat']],
  ['你们公司财务的电话我这里有。', ['third_party_contact']],
  ['你通讯录里存的“大舅”那个号码，是138XXXX0011对吧？', ['third_party_contact']],
  ['你女儿的班主任是王老师吧？我们下午给她打个电话。', ['third_party_contact']],
  ['你的身份证我们先扣着，钱到了再还你。', ['threat', 'violence']],
  ['欠 款 公 告\n姓名：李某某\n该人员借钱不还，特此公告！', ['privacy_disclosure']],
  ['从今天起你的电话会响个不停，直到你还钱。', ['harassment_frequency']],
  ['你借钱不还的事我已经跟你们物业说了。', ['privacy_disclosure', 'third_party_contact']],
  ['Pay now or you will get hurt.', ['threat']],
  ['今晚不还，就有人去你家“拜访”一下。', ['threat']],
  ['你的资料已经上了我们的公众号，大家都能看到。', ['privacy_disclosure']],
];

const LAWFUL: string[] = [
  '你的身份证、人脸照我们会依法保管，不会打包卖给任何第三方。',
  '坐高铁、飞机被拦下来，只会发生在法院判决生效后被列为失信被执行人的情况。',
  '你老公不是借款人，也不是担保人，不需要替你还。',
  '有人说逾期会被“拜访”，我司从不上门催收。',
];

describe('kinds fresh-17 missed (issue 11)', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('stays lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
