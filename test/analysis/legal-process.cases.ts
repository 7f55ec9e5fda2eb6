/**
 * Issue 11: a court's, arbitration commission's, notary's or creditor's legal-process notice is lawful (verify, don't
 * alarm) unless it shows a concrete sign of a fake (lexicon legal_process). Words written for this test (none copied
 * from eval/): court and commission headers without 12368, a summons form's 传唤事由, a notary asking about repayment
 * before an 执行证书, 失信 and enforcement after a judgment with the case number, 拒执罪 stated after a judgment, a
 * property-report order citing 第二百五十二条 (no 二百五), an arbitration platform, a mediation confirmed by the court,
 * the creditor's own 客户经理, 座机 and 公司. Fakes of the same kinds (a private account, a case withdrawn on payment,
 * a judge's mobile or WeChat, a caller who says he is a judge, every card frozen, children barred, a national
 * "arbitration centre", enforcement tonight) stay flagged.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '【杭州市西湖区人民法院】陈晓：原告某商业银行诉你信用卡纠纷一案，定于2026年9月3日上午9时在本院第五法庭开庭审理，请准时到庭。',
  '【南京仲裁委员会】赵敏：申请人某消费金融公司与你的借款合同纠纷，仲裁庭已作出裁决，裁决书已挂号寄往你在合同中留的地址。',
  '【广州市南方公证处】孙伟先生：某小贷公司以经公证并赋予强制执行效力的借款合同为据，申请本处出具执行证书。请于10月8日前就还款情况向本处书面说明，逾期本处将依法审查。',
  '【某某借】您已被天津市河西区人民法院纳入失信被执行人名单（(2026)津0103执556号），失信期间限制高消费，履行完毕后可申请删除失信信息。',
  '郑女士，(2026)苏0508执812号案件已进入强制执行。被执行人有能力履行而拒不履行，情节严重的，可能构成拒不执行判决、裁定罪。请尽快履行，或与我司商谈执行和解。——某资产管理有限公司（受让人）',
  '报告财产令\n(2026)浙0106执998号\n被执行人：许强\n依照《中华人民共和国民事诉讼法》第二百五十二条，责令你在收到本令后五日内如实报告财产情况。拒绝报告或者虚假报告的，本院将根据情节予以罚款、拘留。\n杭州市西湖区人民法院',
  '宁波市鄞州区人民法院\n传  票\n案号 (2026)浙0212民初771号\n被传唤人 钱丽\n传唤事由 开庭\n应到时间 2026年10月9日14:00\n应到处所 本院第七法庭',
  '【成都仲裁委员会】受理通知：申请人某小额贷款有限公司与被申请人吴刚借款合同纠纷一案，本会已于9月2日受理，案号（2026）成仲网字第331号，申请书副本已上传至网络仲裁平台。',
  '许先生，我是和平街道人民调解委员会的调解员。您和某消费金融在我处达成的分期调解协议已由双方申请司法确认，法院已作出确认裁定，第一期款请于本月20日前还到该公司对公账户。',
  '您好，我是某银行信用卡中心的客户经理，周五上午10点我给您打电话沟通分期方案，约15分钟，不方便的话请回复其他时间。',
  '判决已经生效了，我是申请执行人某小贷的委托代理人。公司同意您月底前先还2,000元，余款分8期，我们可以一起向法院提交执行和解协议。有问题请打这个座机找我。',
  '如果还是联系不上您，公司只好按流程准备起诉材料，还是希望您尽快回个电话。',
];

const FAKES: Array<[string, CategoryId[]]> = [
  ['【苏州市姑苏区人民法院】你的(2026)苏0508民初221号案件已立案，今日18点前将欠款转入以下账户即可撤诉：户名王某 账号6222 0212 3344 5566。', ['deception', 'impersonation']],
  ['我是鼓楼区法院执行局的刘法官，你的案子在我手上，今天下午五点前不处理就冻结你全部账户。', ['deception', 'impersonation']],
  ['【上海市浦东新区人民法院】(2026)沪0115执3321号案件已进入执行，请今天联系执行法官13912348821处理。', ['impersonation']],
  ['(2026)京0105民初5521号案件已受理，请加书记员微信fy_li2026处理还款，处理完就撤诉。', ['deception', 'impersonation']],
  ['【广州市天河区人民法院】你已被列为失信被执行人，你的子女将不能报考公务员。', ['deception', 'impersonation']],
  ['【中国互联网金融仲裁院】(2026)网仲字第88号裁决已作出，你已被列入失信被执行人名单。', ['deception', 'impersonation']],
];

describe('legal-process notices (issue 11): lawful unless a fake sign shows', () => {
  test.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  test.each(FAKES)('fake: %s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
  test('a lawful notice says it is read as legal process; a fake one does not', () => {
    expect(analyzer.analyze({ text: LAWFUL[0]!, sentAt: null }).legalProcess).toBe(true);
    expect(analyzer.analyze({ text: FAKES[0]![0], sentAt: null }).legalProcess).toBeUndefined();
  });
});
