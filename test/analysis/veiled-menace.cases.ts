/**
 * Issue 11: veiled menace with no harm word (categories.md threat: "explicit or veiled", person, property or
 * family), in words written for this test (none copied from eval/): the child's way home or school timetable,
 * the lock or shop asked whether it is sturdy, the car or camera at the home praised as 显眼/挺新, "not safe"
 * beside a house number, "more than a notice" on the door next time, dropping by a family member "顺路"/找他坐坐,
 * a weapon emoji with an "h" deadline, following a family member. Lawful lines that name an address, a visit or
 * a contact stay lawful. Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['钱的事你自己掂量，你女儿每天放学路上一个人走，万一遇到点什么就不好说了。', ['threat']],
  ['实验小学五年级三班，每天下午五点放学，没错吧？', ['threat']],
  ['晚上睡觉前检查一下，你家防盗门结不结实。', ['threat']],
  ['你那辆黑色本田天天停你家小区门口，挺显眼的。', ['threat']],
  ['你住的那栋楼我们看过了，楼道里那个摄像头挺新的啊。', ['threat']],
  ['这一带晚上不太安全，对吧，建设路8号的王女士。', ['threat']],
  ['再不处理，你家门上贴的可就不止是通知了。', ['threat']],
  ['你姐在火车站旁边那家超市上班吧，我们改天顺路过去看看她。', ['third_party_contact', 'threat']],
  ['你爸那个修车铺我们知道在哪，过两天找他坐坐。', ['third_party_contact', 'threat']],
  ['🔪 24h', ['threat']],
  ['你老婆刚进超市，我们的人正在她后面。', ['third_party_contact', 'threat', 'violence']],
  ['我们把你家大门堵了，谁也别想进出。', ['threat', 'violence']],
];

const LAWFUL: string[] = [
  '我司工作人员将于本周五上午到您登记的地址（建设路8号）上门沟通还款事宜，如不方便请提前来电改约。',
  '我们会通知您的紧急联系人请您回电，不会透露任何借款信息。',
  '您登记的地址是幸福路17号，最近小区门口施工不太方便，上门时间我们另行电话约定。',
  '您名下车辆浙A·12345停在消防通道，挺显眼的，物业请您尽快挪车。',
  '防盗门结不结实、锁芯是哪一级，都可以到店里免费检测。',
];

describe('veiled menace without harm words (issue 11)', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
  it.each(LAWFUL)('stays lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});
