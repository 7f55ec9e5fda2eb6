/**
 * Described conduct: the user's account of what collectors did is assessed with the user as the victim. The
 * descriptions were written for these tests in the way people type them (spaces for commas, no subject, a
 * question at the end); the expected categories follow shared/legal/categories.md. Questions, hypotheticals,
 * negations and the user's own plans must yield nothing.
 */
import { join } from 'node:path';
import { createConductAssessor, splitClauses } from '../../src/analysis/described-conduct';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { AppError } from '../../src/errors';
import { resolveArticle } from '../../src/knowledge/knowledge';
import { PACKAGE_ROOT } from '../../src/paths';
import { testCore } from '../support/core-deps';
import { errorAfterEdit } from '../support/edited-copy';

const DIR = join(PACKAGE_ROOT, 'knowledge', 'analysis');
const rules = loadAnalysisRules(DIR);
const assess = createConductAssessor(rules);
const AT = new Date('2026-06-10T12:00:00+08:00');

/** [description, categories that must be found] */
const DESCRIBED: Array<[string, CategoryId[]]> = [
  ['他们在我家门上贴了欠债不还的纸 还用红油漆喷了字 这算什么', ['violence', 'privacy_disclosure']],
  ['昨天三个人堵在我家门口不让我出门', ['violence']],
  ['他们给我领导打电话说我欠钱不还', ['third_party_contact', 'privacy_disclosure']],
  ['在我们村微信群里发了我的身份证照片', ['privacy_disclosure']],
  ['催收天天给我打电话，一天几十个', ['harassment_frequency']],
  ['他们把我的照片P成遗照发到了朋友圈', ['privacy_disclosure', 'insult']],
  ['昨晚有人用胶水把我家锁眼堵了', ['violence']],
  ['他们冒充法院的人说已经立案了，明天就来抓我', ['impersonation']],
  ['催收在电话里骂我是老赖、骗子', ['insult']],
  ['有两个男的这几天一直跟着我上下班', ['violence']],
  ['他们威胁说要打断我的腿', ['threat']],
  ['上周他们闯进我家，坐在客厅不肯走', ['violence']],
  ['他们把我欠款的截图发给了我所有微信好友', ['privacy_disclosure', 'third_party_contact']],
  ['他们到我公司门口拉横幅', ['third_party_contact', 'privacy_disclosure']],
  ['催收把我通讯录里的人都打了一遍', ['third_party_contact']],
  ['他们在我家楼下蹲了一整天', ['violence']],
  ['我妈接到他们的电话，说我欠了八万块不还', ['third_party_contact', 'privacy_disclosure']],
  ['他们打了我一巴掌', ['violence']],
  ['半年前他们在村里到处说我欠钱不还', ['privacy_disclosure']],
  ['他们打电话说我已经涉嫌诈骗，马上要坐牢', ['deception']],
  ['昨晚十二点了还有人一直敲我家门，喊我名字让我还钱', ['violence']],
  ['今天上午两个人跑到我店里闹，把门口的东西都砸了', ['violence']],
  ['催收说要把我欠钱的事告诉我所有的微信好友', ['privacy_disclosure']],
];

/** Questions, hypotheticals, negations and the user's own plans or acts: no collector conduct. */
const NOT_CONDUCT: string[] = [
  '催收会不会来我家泼油漆',
  '他们能去我单位闹吗',
  '我打算去他们公司门口拉横幅',
  '如果他们爆我通讯录怎么办',
  '他们没有上门，只是打电话提醒还款',
  '催收上门是违法的吗',
  '我怕他们去找我爸妈',
  '万一他们把我照片发到网上怎么办',
  '我想把他们骂我的录音发到网上',
  '我已经报警了，警察说会处理',
  '逾期了会不会被起诉',
  '他们还没来过我家',
  '我换了手机号，他们找不到我',
  '我明天去派出所报案可以吗',
  '他们说会依法起诉我',
  // A collector's words typed in without saying who did what to whom: not an account of conduct.
  '明天上门，家里人都会知道。',
  // Someone close to the user doing something, with no collector in it.
  '我们公司已经三个月没发工资了 我就是因为这个才还不上网贷 工资怎么要回来',
];

describe('assessConduct: what collectors did, with the user as the victim', () => {
  it.each(DESCRIBED)('%s', (text, expected) => {
    const a = assess(text, AT);
    for (const c of expected) expect(a.categories).toContain(c);
    expect(a.lawful).toBe(false);
    expect(a.looksLikeCollectorMessage).toBe(true);
    // Evidence is quoted in the user's own words, never in the rewritten second person.
    for (const f of a.findings) expect(text.replace(/\s+/g, '')).toContain(f.evidence.replace(/\s+/g, ''));
  });

  it('finds nothing when a one-clause account is turned into a yes/no question', () => {
    // "他们打了我一巴掌吗？" asks; it does not report. (Reported speech ending in 吗 is the collector's question.)
    const oneClause = DESCRIBED.map(([t]) => t).filter((t) => !/[ ，、]/.test(t) && !/说|骂|威胁/.test(t));
    expect(oneClause.length).toBeGreaterThanOrEqual(8);
    const flagged = oneClause.map((t) => `${t}吗？`).filter((t) => assess(t, AT).findings.length > 0);
    expect(flagged).toEqual([]);
  });
});

describe('assessConduct: questions, hypotheticals, negations and the user own plans', () => {
  it.each(NOT_CONDUCT.map((t) => [t]))('%s', (text) => {
    const a = assess(text, AT);
    expect(a.findings).toEqual([]);
    expect(a.lawful).toBe(true);
  });
});

describe('assessConduct: reading the account', () => {
  it('treats what collectors only said as a threat, not as violence done (a future act is a threat)', () => {
    const said = assess('催收说明天来堵我，我好怕', AT);
    expect(said.categories).toContain('threat');
    expect(said.categories).not.toContain('violence');
    const done = assess('昨天催收堵在我家门口', AT);
    expect(done.categories).toContain('violence');
  });

  it('keeps the acts of a sentence without a subject after the first clause', () => {
    const a = assess('他们在我家门上贴了欠债不还的纸 还用红油漆喷了字', AT);
    expect(a.acts.map((h) => h.act.id)).toEqual(expect.arrayContaining(['paint', 'post-notice']));
    expect(a.clauses.map((c) => c.text)).toEqual(['他们在我家门上贴了欠债不还的纸', '还用红油漆喷了字']);
  });

  it('drops the question and the user own feelings around the account', () => {
    const a = assess('他们说要来我家泼油漆 是真的吗 我好怕', AT);
    expect(a.clauses.map((c) => c.kind)).toEqual(['said']);
  });

  it('finds nothing unlawful in lawful conduct described', () => {
    for (const t of ['他们敲了一下门就走了', '催收打电话提醒我今天还款', '他们发短信说逾期会上报征信']) expect(assess(t, AT).findings).toEqual([]);
  });

  it('keeps the user own questions apart, so one not about the conduct can be answered', () => {
    const a = assess('去年7月找朋友的朋友借了3万 说好月息3分 现在他天天打电话催 这利息合法吗', AT);
    expect(a.categories).toContain('harassment_frequency');
    expect(a.questions).toEqual(['这利息合法吗']);
    expect(assess('他们在我家门上喷了字 这算什么 能报警吗', AT).questions).toEqual(['这算什么', '能报警吗']);
  });

  it('knows violence that is happening now from the words, and dates it now', () => {
    const now = assess('现在有三个男的堵在我家门口 一直拍门 说不还钱今天别想出门 这可咋整', AT);
    expect(now.happeningNow).toBe(true);
    expect(now.occurredAt.getTime()).toBe(AT.getTime());
    expect(assess('昨天三个人堵在我家门口', AT).happeningNow).toBe(false);
    expect(assess('现在他们天天给我打电话', AT).happeningNow).toBe(false); // not violence
  });

  it('dates the conduct from the words (昨天, 三个月前), else from when it was written', () => {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(day(assess('昨天三个人堵在我家门口', AT).occurredAt)).toBe('2026-06-09');
    expect(day(assess('三个月前他们天天给我打几十个电话', AT).occurredAt)).toBe('2026-03-12');
    expect(assess('他们打了我一巴掌', AT).occurredAt.getTime()).toBe(AT.getTime());
  });

  it('cites the acts own provisions with their conditions, not the whole category list', () => {
    const a = assess('他们用红油漆在我家门上喷了字', AT);
    const violence = a.findings.find((f) => f.category === 'violence')!;
    expect(violence.provisions.map((p) => `${p.law}${p.article}`)).toContain('治安管理处罚法30');
    expect(violence.provisions.map((p) => `${p.law}${p.article}`)).not.toContain('刑法293-1');
    expect(violence.provisions.find((p) => p.article === '30')?.item).toMatch(/损毁公私财物/);
  });

  it('splits at the spaces people type between clauses but not around numbers', () => {
    const t = '他们打了 20 个电话 还骂我';
    expect(splitClauses(t).map((c) => t.slice(c.start, c.end).trim())).toEqual(['他们打了 20 个电话', '还骂我']);
  });
});

describe('conduct.yaml', () => {
  it('cites only provisions held in knowledge/statutes, in force today', () => {
    const k = testCore().knowledge;
    const missing = rules.conduct.acts.flatMap((act) =>
      act.provisions.filter((p) => !resolveArticle(k, p.law, p.article, AT)).map((p) => `${act.id}: ${p.law} ${p.article}`),
    );
    expect(missing).toEqual([]);
  });

  const brokenLoad = (from: string, to: string) => errorAfterEdit(DIR, 'conduct.yaml', from, to, (root) => loadAnalysisRules(root));

  it('names the file and the act of an unknown step', () => {
    const e = brokenLoad('steps: [call110, photo, witness]', 'steps: [call110, photos, witness]');
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/conduct\.yaml: acts \(paint\): unknown step "photos"/);
  });

  it('names the file and the act of an unknown term group', () => {
    const e = brokenLoad('"@FAMILY ~10 打电话', '"@FAMILLY ~10 打电话');
    expect((e as AppError).message).toMatch(/conduct\.yaml: acts \(family\): unknown term group @FAMILLY/);
  });
});
