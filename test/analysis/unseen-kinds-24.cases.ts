/**
 * Issue 11: kinds the analyzer missed or over-read on messages it had not seen (fresh-24, with fresh-21..23 and dev21),
 * in words written for this test (none copied from eval/):
 * - veiled menace to the family with no harm word and no place: whether the old parents' bones can take a few
 *   blows, "let's see if they can bear it", a child named with a "right?" and praised for its looks (threat);
 * - damage told as done: a camera sprayed black or smashed, the lock stuffed, "your door's red letters"; presence at
 *   the door or a daily seat near the workplace told in a short chat line (violence);
 * - personal data "packed up and sold", a teacher told a pupil's parent owes, relatives addressed in a group,
 *   "everyone remember this face" (privacy_disclosure);
 * - calls switched to a relative's number, a relative heard on the phone (third_party_contact);
 * - detention papers, a lawyer's letter that leads straight to 失信, a passport cancelled, officials at the door
 *   tomorrow morning, a "network arbitration court" with a 48-hour deadline (deception, impersonation); nightly or
 *   nonstop calls (harassment_frequency); 死猪, 不孝子 (insult);
 * - over-reads: the whole family menaced with no one contacted is threat only, "告诉你，" is said to the borrower, and
 *   an exposure post's own header (#老赖曝光#, 【失信人员公示】) is exposure, not a false "platform" consequence.
 * Lawful lines with the same words stay lawful: a court's pre-suit mediation notice, a visit that found no one and
 * left, a hardship plan that mentions the family, a promise not to sell data, the collector's own colleague on a polite
 * visit ("我和同事"), enforcement after a judgment explained as "the court's business" ("这是法院的事").
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  // veiled menace to the family
  ['你家老爷子那把老骨头，挨得住我们几下？', ['threat']],
  ['再躲着，倒要看看你爸妈扛不扛得住。', ['threat']],
  ['你妈七十多了吧，经得起几回折腾吗？你自己琢磨。', ['threat']],
  ['你儿子叫乐乐对吧？小家伙长得真水灵。', ['threat']],
  ['王先生，你闺女叫朵朵是吧，挺乖的一个小姑娘。', ['threat']],
  // damage told as done
  ['你家楼道那个监控，兄弟们给你砸了，省得你老盯着。', ['threat', 'violence']],
  ['你家门口的摄像头，兄弟们给你涂黑了。', ['threat', 'violence']],
  ['锁孔里昨晚给你塞满了牙签，今天开门费劲吧？', ['threat', 'violence']],
  // presence at the door told in a short chat line (happening now)
  ['下来吧\n在你家门口了', ['threat', 'violence']],
  ['我们两个已经在你家楼道里了，开门。', ['threat', 'violence']],
  ['你单位对面那个便利店我每天在那坐着。', ['threat', 'violence']],
  // exposure
  ['你的手持身份证照片和通讯录都在我们这，再拖就打包卖给贷款中介。', ['privacy_disclosure']],
  // read before too (a guard for the new teacher pattern's neighbours)
  ['王老师您好，您班里刘小雨的妈妈在我们平台逾期三个月了，请您让孩子提醒一下她。', ['privacy_disclosure', 'third_party_contact']],
  ['张家各位亲属：张强在我司借款逾期半年，请大家督促他还款。', ['privacy_disclosure', 'third_party_contact']],
  ['欠钱不还的就是他，大家记住这个人！', ['privacy_disclosure']],
  // third parties
  ['你爸在电话那头一个劲叹气，你好意思吗？', ['third_party_contact']],
  ['行，那我们换你弟弟的手机打。', ['third_party_contact']],
  // false legal consequences
  ['下午再不还，我们直接去派出所帮你把拘留手续办了。', ['deception']],
  ['收到律师函以后就直接上失信了，你自己看着办。', ['deception']],
  ['Your name is on the blacklist now, your passport will be cancelled.', ['deception']],
  // frequency, insults
  ['以后我们每天凌晨给你打，看你睡不睡得着。', ['harassment_frequency']],
  ['你一天不还，我们一天不停。', ['harassment_frequency']],
  ['打你电话不接，你是死猪吗？', ['insult']],
  // over-reads: the whole family menaced (no one contacted), "告诉你，" said to the borrower, the exposure post itself
  ['你不还，你们一家老小都别想过安生日子。', ['threat']],
  ['告诉你，再不还款你爸妈也得替你还。', ['deception']],
  ['#老赖曝光# 该男子刘某某欠钱不还，见到请转告。', ['insult', 'privacy_disclosure']],
  ['【失信人员公示】赵某，欠某某平台贷款不还，请各位同行注意。', ['privacy_disclosure']],
  // a fake "network arbitration court" with a 48-hour deadline is no legal-process notice
  ['【天下网络仲裁院】裁决通知：你与某某金融的纠纷已裁决，你方败诉，48小时内不履行将强制执行，裁决书另行寄送。', ['deception', 'impersonation']],
  // a fake platform claimed to the borrower stays deception (guard)
  ['您已被列入失信曝光平台，三日内不还将全网公示。', ['deception', 'privacy_disclosure']],
];

const LAWFUL: string[] = [
  '【江城市西湖区人民法院】原告某某小额贷款有限公司诉你借款合同纠纷一案已转入诉前调解，调解不成的将转入立案程序。可拨打12368核实。',
  '黄女士，今天傍晚我们到您家楼下了，打您电话没人接，我们就先回去了。',
  '李女士，今天上午我们去您家拜访，敲门没人应，我们就先走了。如有需要请回电。',
  '您母亲住院的事我们知道了，这个月可以先还最低还款额，下个月再补。',
  '您父亲年纪大了，我们不会打扰老人家，您方便时回个电话商量分期。',
  '我司承诺不会出售、共享您的任何个人信息。',
  '律师函发出后仍未还款的，我司将依法起诉；判决生效后仍不履行的，可能被列入失信被执行人名单。',
  '您的紧急联系人电话我们有，但只会在联系不上您时请他转告回电。',
  '在线客服一天二十四小时不间断为您服务。',
  // fresh-23's two lawful kinds: the collector's own colleague on a polite visit; enforcement said to be the court's business
  '周六下午我和同事两个人去您家附近的奶茶店找您聊聊方案，您不想见面也可以电话说。',
  '我们是某某钱包的贷后专员。判决生效后仍不履行的，冻结划拨存款，这是法院的事，不是我们能决定的。',
  '【江城仲裁委员会】申请人某某小额贷款有限公司与你借款合同纠纷一案，本会已受理，案号（2026）江仲字第123号。你可在答辩期内提交答辩书，可登录本会官网核实。',
];

describe('kinds missed on unseen messages (fresh-24)', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
