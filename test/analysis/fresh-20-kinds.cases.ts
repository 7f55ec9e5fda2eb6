/**
 * Issue 11: the lawful court and arbitration kinds fresh-20 flagged (development data since session 8), in words
 * written for this test (none copied from eval/): a creditor's suit in the court's filing review (立案审查 is the
 * court's, not the police's), arbitration notices and awards with the commission's own case numbers (HZAC〔2026〕…,
 * SZ2026-…), a commission or court that accepted the creditor's own application, enforcement after an award or a
 * mediation/judgment in force, the summons form's 被传唤人, pre-suit mediation pointing to the e-litigation platform,
 * 支付令 notices that state the right to object, documents sent to the borrower's own e-mail, and guards for 赋强公证 /
 * 执行证书, 财产保全 and 法院专递. Fakes of the same kinds must stay flagged. Then the unlawful kinds it missed or
 * over-read: 坐牢 after 不然/否则 or a day (zero-width characters between), "到哪都会被查", pinyin 全村 and English
 * info/company/everybody/know, 人间蒸发 said of the debtor (no menace), "多看看身后" as advice (menace, not stalking),
 * a third party told they must pay (有责任帮他还, 夫妻共同债务…逃不掉), every bank card frozen, wages or 公积金 deducted
 * "directly", occupation announced on the spot (守着，哪儿也不去; a tent and 天天住这儿), calls to a parent every hour,
 * following a wife, asking a relative's number, relatives visited one by one, "我们人多", a "公示网".
 * Each message must get exactly the listed categories; the lawful ones none.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '【恒信消费金融】李先生，贵方借款逾期已久，我司已于本月5日向上海金融法院递交起诉状，目前处于立案审查阶段，请留意法院后续送达的材料。\n',
  '您好，本行已就您名下信用贷款欠款向西湖区人民法院起诉，现案件立案审查中，具体以法院送达的文书为准。\n',
  '长沙仲裁委员会 受理通知：申请人某小贷公司与被申请人刘洋借款合同纠纷一案，本会已受理，案号CSAC2026-0877，请自收到之日起10日内提交答辩书及证据，可拨打本会立案处电话核实。\n',
  '吴女士您好，武汉仲裁委员会已就您的借款纠纷作出裁决（案号WHAC〔2026〕第118号），裁决书已寄送。如裁决生效后您仍不履行，我方将依法申请法院强制执行。\n',
  '您好，广州仲裁委已受理我方对您提起的仲裁申请，开庭时间以仲裁委通知为准。您对欠款金额有异议的，可以在仲裁程序中陈述意见。\n',
  '【某某金融】您好，我司依据已生效的民事判决书，因您逾期未履行，已向法院申请强制执行。如需和解，可与我司联系。\n',
  '江北区人民法院 传票 案号（2026）渝0105民初3321号 被传唤人：何丽 事由：开庭 应到时间：2026年6月3日9:00 应到处所：本院第三审判庭。请以纸质传票为准，可拨打12368核实。\n',
  '【某某借条】根据仲裁裁决书（案号GZAC-2025-7712），您应于裁决书送达后15日内还清欠款，该期限已过，我司将向法院申请强制执行。\n',
  '您好，这里是上海金融法院诉调对接中心，原告某银行就与您的信用卡纠纷申请诉前调解，调解员将与您电话联系，您可登录上海法院电子诉讼平台查看材料，本中心不接受任何转账。\n',
  '您要的借款合同和还款计划表已经发到您预留的邮箱，请注意查收，有疑问随时联系我。\n',
  '【海淀区人民法院】支付令：债权人某小额贷款公司申请支付令，本院已受理，债务人应自收到支付令之日起十五日内清偿债务，或向本院提出书面异议。可拨打12368核实。\n',
  '您好，我司已向您所在地基层法院申请支付令，法院审查后会向您送达，收到后15日内可提出书面异议。\n',
  '您的借款合同已办理赋强公证，因您逾期未还，公证处已出具执行证书，我司将据此向法院申请强制执行。\n',
  '我司已向法院申请诉前财产保全，法院裁定后可能冻结您名下的银行存款，具体以法院送达的保全裁定书为准。\n',
  '邮政EMS：您有一份法院专递待签收，寄件方为成都市武侯区人民法院，请留意投递员来电，也可凭身份证到网点自取。\n',
  '【朝阳区人民法院】刘伟：债权人某消费金融有限公司向本院申请支付令，本院已发出支付令，你应在收到之日起十五日内清偿，或者向本院书面提出异议，逾期不异议的，支付令即发生法律效力。\n',
  '您好，我司已向法院申请了支付令，法院已受理，请您留意法院寄送的支付令。对债务有异议的，可在收到后十五日内向法院书面提出。\n',
  '您签署的借款合同经公证处公证并赋予强制执行效力，现您逾期未还，公证处已为我司出具执行证书，我司已向法院申请强制执行。\n',
  '您的借款合同做过强制执行公证，逾期后我方可直接向公证处申请执行证书，持证向法院申请执行，无需另行起诉。\n',
  '【某区人民法院】民事裁定书：申请人某银行的财产保全申请符合法律规定，本院裁定冻结被申请人张某名下银行存款5万元。可拨打12368核实。\n',
  '我行已向法院申请财产保全，法院已裁定冻结您名下部分存款，冻结金额以保全裁定书为准，如有异议可向法院申请复议。\n',
  '【中国邮政】您的法院专递（寄件人：天河区人民法院）今日派送，收件人：黄敏，请保持手机畅通。\n',
  '仲裁裁决书已经送达给您，案号（2026）穗仲案字第2210号，您未在期限内履行，我司已向中级人民法院申请执行。\n',
  '您好，我司已向深圳国际仲裁院申请仲裁，仲裁院已经受理，案号SZ2026-551，后续的仲裁通知和开庭通知请以仲裁院寄送的为准。\n',
  '您与本公司借款合同纠纷一案，法院已出具民事调解书，现调解书已生效，您未按约付款，本公司已申请强制执行。\n',
];

const FAKES: Array<[string, CategoryId[]]> = [
  ['【仲裁委员会】您的借款纠纷本会已受理，请于今日将欠款转入以下账户，转账后即可撤销仲裁，逾期将上门执行。', ['deception', 'impersonation']],
  ['公安机关已对你恶意逃债一事立案审查，请速联系处理。', ['deception', 'impersonation']],
  ['这里是法院诉前调解中心，你加一下调解员微信，把钱转过去就撤诉。', ['deception', 'impersonation']],
  ['法院已经受理我司对你的起诉，明天就来拘留你。', ['deception', 'impersonation']],
];

const MISSES: Array<[string, CategoryId[]]> = [
  ['赶​紧​还，否​则​坐​牢', ['deception']],
  ['你后天就进监狱，自己看着办。', ['deception']],
  ['你再不还，以后到哪都会被查。', ['deception']],
  ['rang quan cun dou zhi dao ni qian qian bu huan', ['privacy_disclosure']],
  ['再不还就把你的 info 发到 company 群里，everybody 都会 know。', ['privacy_disclosure', 'third_party_contact']],
  ['你借了钱就人间蒸发，这样躲着不是办法，请尽快联系我们协商还款。', []],
  ['晚上回家的路上，多看看身后吧。', ['threat']],
  ['阿姨，您儿子欠的钱，您作为母亲有责任帮他还。', ['deception', 'privacy_disclosure', 'third_party_contact']],
  ['王女士，你老公在我司的欠款属于夫妻共同债务，你也逃不掉。', ['deception', 'privacy_disclosure', 'third_party_contact']],
  ['您名下所有银行卡将于今晚24点前全部冻结。', ['deception']],
  ['借款已经公证了，我们可以直接扣你的公积金。', ['deception']],
  ['不还钱我们就在你家门口守着，哪儿也不去。', ['threat', 'violence']],
  ['帐篷我们已经搭好了，天天住这儿，等你回来。', ['threat', 'violence']],
  ['你再躲，我们就每小时给你爸打一次。', ['harassment_frequency', 'third_party_contact']],
  ['我们的人正跟着你老婆，她刚进了超市。', ['third_party_contact', 'threat', 'violence']],
  ['把你妹妹的手机号发过来。', ['third_party_contact']],
  ['你那些亲戚，我们会挨个上门拜访。', ['third_party_contact']],
  ['我们人多，你自己掂量掂量。', ['threat']],
  ['你的身份信息已上传至全国失信人员公示网。', ['deception', 'privacy_disclosure']],
  // A collector going to pick up the child is a threatened approach to a relative (categories.md third_party_contact; f19-162).
  ['下周一放学，我们去校门口接你女儿回家。', ['third_party_contact', 'threat']],
  // A WeChat 群公告 is no authority's notice; 你妈的养老院 is no curse; damage owned up to; a knife with a visit; a letter to HR.
  ['【群公告】本群成员都是李明的微信好友，李明在我司借款2万逾期未还，请大家提醒他还款。', ['privacy_disclosure', 'third_party_contact']],
  ['你 妈 的 养 老 院 在 哪 我 们 也 打 听 到 了 。', ['threat']],
  ['知道你车胎为什么瘪了吗？', ['threat', 'violence']],
  ['再拖着不还，我们就上门了🔪', ['threat']],
  ['我们给你们公司人事部寄了一封信，说你借钱不还。', ['privacy_disclosure', 'third_party_contact']],
];

describe('lawful court and arbitration kinds fresh-20 flagged (issue 11)', () => {
  it.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(FAKES)('fake: %s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
});

describe('unlawful kinds fresh-20 missed or over-read (issue 11)', () => {
  it.each(MISSES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
});
