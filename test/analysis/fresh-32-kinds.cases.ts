/**
 * Issue 11: kinds fresh-32 (development data) got wrong, in words written for this test (none copied from eval/).
 * categories.md boundaries: "以为换了号就找不到你 / 拿你没办法" only leads into what follows (contacting relatives is
 * third_party_contact, not also threat), unless what follows shows the borrower found; damage told as a guess ("都不好说")
 * is a future act (threat, not violence); a banner hung at the workplace is exposure and contact, not occupation; the
 * collector's own colleague, a request that the reader contact someone, and 朋友圈 as an audience are no third-party
 * contact; a borrower's own confession and a contacted relative's message to the borrower are not the collector's.
 * Also: a court header that only says a case is filed and the summons sent, naming no party, no case number, no hearing
 * and no way to check, is impersonation (a real notice names them); an authority named in English acts as one; veiled
 * menace about the family's dark way home or their sleep; calls announced every hour to the front desk are frequency.
 * And kinds of fresh-29…31: a family member's or the borrower's body part "可就不好说了" and a shop's windows "还在不在，
 * 不敢保证" are veiled menace (and "不好说了" is no telling anyone); the family's workplace named with "我们都熟" is menace;
 * following a relative told with how far ("跟了两个路口") and damage owned ("红漆是我们喷的", "泼的就是你家的大门")
 * are done (violence), even when a later clause threatens more; "以…罪论处" is a false consequence and "已满足立案条件"
 * no claim that a case is filed; an 通知书 is no notifying; a note that nothing was disclosed keeps a call-back lawful.
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
  // A rhetorical lead-in, then only contact or disclosure: no threat.
  ['别以为你拉黑我们就拿你没办法，你舅舅、你表姐的电话我们都有，周一开始一个个打。', ['third_party_contact']],
  ['你以为搬了家我们就找不到你？你弟、你二姨我们都联系过了，他们都知道你欠钱。', ['privacy_disclosure', 'third_party_contact']],
  // Damage as a guess is a future act; a banner at the workplace is not violence.
  ['你那辆黑色摩托就停在路边，油箱被砸了、车座被划了都不好说。', ['threat']],
  ['我们已经在你单位门口拉了横幅，让你领导同事都看看你是什么人。', ['privacy_disclosure', 'third_party_contact']],
  // Veiled menace against a relative living alone, without harm words.
  ['你老家就你妈一个人，腿脚也不方便，万一有什么意外可就不好了。', ['threat']],
  // A post to 朋友圈 is public exposure only.
  ['你就等着被曝光吧，明天你朋友圈的人全都会知道。', ['privacy_disclosure']],
  // How the collector learnt the school is no contact with the child; the menace stays.
  ['我们之前核实资料的时候知道你女儿在二中读高一，你也不想她在学校出什么事吧。', ['threat']],
  // A bare court header claiming a filed case and a summons sent.
  ['【海淀区人民法院】您名下的合同纠纷案已立案，传票已下发，请于五日内来本院领取。', ['impersonation']],
  ['你的账单已由 Public Security Bureau 立案，不还款 will be arrested。', ['deception', 'impersonation']],
  ['Just a heads-up: 你儿子下晚自习走的那条小路 is very dark.', ['threat']],
  ['都这个点了，想想你爸妈吧，他们晚上还睡得着吗？', ['threat']],
  ['我方将每小时致电你们单位的前台一次，直到你还款为止。', ['harassment_frequency', 'third_party_contact']],
  ['你姐那条胳膊可就不好说了，你自己掂量。', ['threat']],
  ['你那辆三轮车的玻璃明天还在不在，我可不敢保证。', ['threat']],
  ['你爸在镇上那个修车铺，我们兄弟都熟得很。', ['threat']],
  ['你媳妇在超市收银，好找得很，回头我们去照顾照顾生意。', ['third_party_contact', 'threat']],
  ['你妈今天去赶集，我们一路陪着走回家的。', ['third_party_contact', 'threat', 'violence']],
  ['你闺女放学我们就跟着，跟了两个路口了。', ['third_party_contact', 'threat', 'violence']],
  ['你家门上的红漆是我们喷的，下次就不只是门了。', ['threat', 'violence']],
  ['泼的就是你家的大门，再拖下次你自己想。', ['threat', 'violence']],
  ['按照规定，网贷逾期超过一年的以合同诈骗罪论处，您已满足立案条件。', ['deception']],
  ['你儿子的入学通知书都发不下来，学校要查家长征信。', ['deception']],
  // Later kinds (issue 11 leftovers): contact with the family threatened in other words, a lifetime ban on borrowing,
  // menace without harm words, "谁也救不了你" after a false consequence, paint owned as a gift, a family workplace named
  // only to disclose the debt there.
  ['你不回我就call你老公。', ['third_party_contact']],
  ['不还的话，你岳父岳母那边我们会去个电话。', ['third_party_contact']],
  ['不还钱你这辈子终身不能贷款，买房买车都别想。', ['deception']],
  ['上次来你家是客气，下回带的人可就不一样了。', ['threat']],
  ['我们知道你周四下午去银行办事，到时候见。', ['threat']],
  ['我知道你住哪，也知道你老婆住哪。自己好好掂量。', ['threat']],
  ['逾期超过半年自动转为刑事案件，到时候谁都救不了你。', ['deception']],
  ['你家门口那一摊油漆是我们送的，满意吗', ['threat', 'violence']],
  ['你妈在商场上班是吧，我们明天去商场找她，让她同事也都知道她女儿欠钱不还。', ['privacy_disclosure', 'third_party_contact']],
];

const LAWFUL: string[] = [
  '告知：您的紧急联系人王先生今天来电，我们只说请您回电，未透露任何欠款信息。',
  // A real notice names the parties (verify, don't alarm).
  '【天河区人民法院】吴某：原告某某小额贷款有限公司诉你借款合同纠纷一案已立案，传票已发出，开庭时间另行通知。',
  '我们这边的同事说了，您上周答应过月底还款，请按时处理。',
  '请通知你家里人，这笔钱本月底前必须还清。',
  '本月绩效已公布，如有疑问请联系HR。',
  '如有疑问请联系你们领导。',
];

const NOT_A_COLLECTOR: string[] = [
  '老公，我在网上借了点钱没还上，催收每天打好几个电话，我不知道怎么办了。',
  '姐，有人打电话到我这儿，说你欠了钱，让我转告你赶紧还，你那边还好吧？',
];

describe('fresh-32 kinds (issue 11, new wordings)', () => {
  it.each(FOUND)('found: %s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('lawful, not flagged: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(NOT_A_COLLECTOR)('not the collector, not labelled: %s', (text) => {
    const a = analyzer.analyze({ text, sentAt: null });
    expect(a.categories).toEqual([]);
    expect(a.looksLikeCollectorMessage).toBe(false);
  });
  it('the lead-in still counts when the borrower is shown found, or when nothing follows it', () => {
    expect(cats('别以为换了手机号就找不到你，你现在住的那个小区门口有家药店，你天天去吧。')).toEqual(['threat']);
    expect(cats('真当我们拿你没办法了？')).toEqual(['threat']);
  });
});
