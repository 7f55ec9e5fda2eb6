/**
 * Issue 11: a court's or an arbitration commission's own notice, with a case number in the courts' format
 * ("（2026）粤0106民初18832号", "（2026）南仲网字第1187号"), reads as "verify" (lawful), not impersonation, even
 * without 12368 (categories.md impersonation: when the text alone cannot tell real from fake). So do the true
 * consequences such a notice or a creditor states after a judgment (失信, 限高, freezing, the crime of refusing to
 * comply), and the creditor's own company ("公司已于…向法院递交起诉材料", "和公司谈和解") or landline. A header with a
 * case number that asks for a transfer to a person, a WeChat contact or payment to withdraw the case, or that states
 * a false consequence, stays impersonation. Messages written for this test (none copied from eval/).
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '【武汉市江汉区人民法院】刘某：原告恒信小额贷款有限公司诉你借款合同纠纷一案已立案，案号（2026）鄂0103民初6612号，定于2026年9月8日9时在第三法庭开庭，传票已电子送达，请准时到庭。',
  '【成都仲裁委员会】张某某：申请人与您借款合同纠纷一案已受理，案号（2026）成仲网字第402号，请于15日内在网上仲裁平台提交答辩意见。',
  '【南京市鼓楼区人民法院】（2025）苏0106民初9921号民事判决书已发生法律效力，本院已立执行案件（2026）苏0106执331号。逾期不履行的，本院将依法冻结、划拨存款，纳入失信被执行人名单、限制高消费。',
  '【重庆市渝中区人民法院】原告已申请财产保全，本院作出（2026）渝0103民初1180号之一民事裁定，冻结被告名下存款8,000元，如有异议可申请复议。',
  '您好，我是安心借的贷后专员。公司已于5月6日向您住所地的人民法院递交了起诉材料，法院受理后会向您送达文书，开庭前您仍然可以和公司谈和解。',
  '提醒您：判决生效后有能力履行而拒不履行的，可能构成拒不执行判决、裁定罪，法院也可以罚款、拘留。现在协商还来得及。',
  '我是北京某某律师事务所的王律师，受委托人委托向您寄送了律师函，有疑问可以直接打我座机010-6588XXXX。',
];

const CASES: Array<[string, CategoryId[]]> = [
  // A case number does not make a transfer to a person, a WeChat contact or "pay and the case is withdrawn" real.
  ['【武汉市江汉区人民法院】你被诉借款纠纷一案，案号（2026）鄂0103民初6612号，今日内将欠款转入以下账户即可撤诉：6222 0000 1111 户名王某。', ['deception', 'impersonation']],
  ['【成都仲裁委员会】（2026）成仲网字第402号裁决已生效，请添加经办人微信cdzc2026处理还款。', ['impersonation']],
  // A header with a case number that states a false consequence is still a fake authority.
  ['【某某仲裁委员会】（2026）某仲字第88号：限你3日内还清，逾期将冻结你名下全部银行卡并通报你的单位。', ['deception', 'impersonation', 'privacy_disclosure', 'third_party_contact']],
  // Without a judgment, 失信 and 限高 are still false.
  ['你再不还，下周就把你列入失信名单，高铁飞机都坐不了。', ['deception']],
  // The borrower's own company stays the borrower's company.
  ['你们公司的人事我们已经联系过了。', ['third_party_contact']],
];

describe('court and arbitration notices with a case number (issue 11)', () => {
  it.each(LAWFUL)('lawful (verify): %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
});
