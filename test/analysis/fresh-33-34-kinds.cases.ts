/**
 * Issue 11: kinds fresh-33 and fresh-34 (development data) got wrong, in words written for this test (none copied from
 * eval/). categories.md boundaries: collectors standing watch beside a relative, waiting at a door for a relative to come
 * out, following wherever the borrower goes and covering a camera with paint are acts done (violence); veiled menace
 * without harm words ("什么手段都使得出来", "下回就不是喝茶那么简单", a frail relative named beside a visit, a child
 * seen walking home alone); fake authorities without a bracketed header (a clerk or lawyer who will have a case or a
 * judgment withdrawn for money paid to him, an insider at the court who filed the case early, a 律师函 issued by a
 * company's own department, a 立案通知书 said to be issued, money demanded into a "安全账户"); "lawsuit → 直接执行"
 * claims; the debt told to a relative, to the employer or to every household; a relative's account debited, wages
 * stopped by order, an emergency contact called a guarantor. Lawful: a reply to a complaint promising no more calls to
 * third parties, contacts deleted, and the borrower's own note to a relative. "老婆跟着你吃苦" is no following.
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const FOUND: Array<[string, CategoryId[]]> = [
  // Acts done: watch kept beside a relative, a door watched for a relative, following, paint on a camera.
  ['你妈在小区门口卖早点对吧，我们兄弟已经在她摊位边上坐了一早上了。', ['third_party_contact', 'threat', 'violence']],
  ['你女儿刚进了补习班，我们就在楼下等她下来。', ['third_party_contact', 'threat', 'violence']],
  ['这两天你走到哪我们就跟到哪，别费劲躲了。', ['threat', 'violence']],
  ['你家楼道那个摄像头，我们用黑漆涂了，看你还拍什么。', ['threat', 'violence']],
  ['你单位门口我们站了一整天了，今天别想下班。', ['third_party_contact', 'threat', 'violence']],
  // Veiled menace without harm words.
  ['我们是外包的，不讲那些条条框框，什么手段都使得出来。', ['threat']],
  ['上回去你店里算是给你面子，下回再去就不是喝茶那么简单了。', ['threat']],
  ['月底我们去你外婆家坐坐，她心脏不好吧？', ['third_party_contact', 'threat']],
  ['昨天看到你儿子一个人放学回家，挺可爱的。', ['threat']],
  ['有种你就一辈子别出门。', ['threat']],
  // Fake authorities without a header, and the false consequences they tell.
  ['我是你案子的承办律师，你把八千转到我这里，我帮你把案子撤了。', ['deception', 'impersonation']],
  ['我同学就在县法院工作，你的案子他已经提前帮我们立好了，月底就执行。', ['deception', 'impersonation']],
  ['这份是我司风控部出具的律师函：你涉嫌恶意逃债，三天不还将被司法拘留。', ['deception', 'impersonation']],
  ['本所已就你的欠款提起刑事控告，立案通知书已经签发。', ['deception', 'impersonation']],
  ['你已被法院列为被执行人，请把执行款存到安全账户。', ['deception', 'impersonation']],
  ['我是区法院书记员，案子已经判了，你现在还款我可以帮你申请撤销。', ['deception', 'impersonation']],
  // "lawsuit → 直接执行" and other false consequences.
  ['起诉材料已经交上去了，到时候直接查封你的车子。', ['deception']],
  ['你不还，你老公的工资也一起扣。', ['deception']],
  ['根据协议，我方有权从你家人的银行卡扣款。', ['deception']],
  ['紧急联系人就等于担保人，这钱你不还就得他还。', ['deception']],
  ['贵公司必须停发他这个月的工资，直到他还清为止。', ['deception']],
  // The debt told to a relative, to the employer, to every household; the data published.
  ['你姐那边我们已经联系上了，跟她说清楚了你欠了三万多。', ['privacy_disclosure', 'third_party_contact']],
  ['李经理您好，贵司的小王欠我司两万块逾期半年了，请您督促一下。', ['privacy_disclosure', 'third_party_contact']],
  ['催款函下周会寄到你单位人事部。', ['privacy_disclosure', 'third_party_contact']],
  ['传单已经印好了，明天塞到你们小区每家门口。', ['privacy_disclosure', 'third_party_contact']],
  ['我司已将您的身份证和借款信息挂网公示。', ['privacy_disclosure']],
];

const LAWFUL: string[] = [
  // Replies to a complaint: no more contact with third parties, contacts removed, only the borrower.
  '您好，针对您反映的问题，我司承诺不会再联系您的任何亲友，后续只与您沟通。',
  '根据您的申请，您留的两位联系人已从系统删除，今后仅与您本人联系。',
  '您好，关于您投诉我方人员致电您家人一事，已核实处理，给您带来不便深表歉意。',
];

const NOT_A_COLLECTOR: string[] = [
  // The borrower's own note to a relative about the collectors.
  '老婆：催收又来电话了，我跟他们说发了工资就还一千，你别担心。',
];

describe('fresh-33/34 kinds (issue 11), own wordings', () => {
  it.each(FOUND)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('lawful, not flagged: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(NOT_A_COLLECTOR)('not the collector, not labelled: %s', (text) => {
    const a = analyzer.analyze({ text, sentAt: null });
    expect(a.categories).toEqual([]);
  });
  it('a spouse "跟着你" living with the borrower is no following', () => {
    expect(cats('你老婆跟着你真是吃了一辈子苦，废物。')).toEqual(['insult']);
  });
});
