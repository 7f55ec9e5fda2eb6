/**
 * Question types whose answer must carry a point a competent lawyer would make (issue 11, fresh-questions-17's misses
 * by kind, in new wordings written for these tests): the entry chosen for the question, and on its first screen the
 * deciding condition, the penalty or the route that the question turns on (from shared/legal only).
 */
import { answerer, screen, firstSentence } from '../support/offline-answerer';

const at = new Date('2026-11-30T10:00:00+08:00');

interface Case {
  q: string;
  guide: string;
  /** What the reply's first sentence must say. */
  first?: RegExp;
  /** What the first screen must say somewhere. */
  shows?: RegExp;
}

const CASES: Case[] = [
  // The 失信 list: how long, and removal once repaid (not the credit report's five years).
  { q: '失信那个名单要挂几年 钱还清了能马上去掉不', guide: 'dishonest-list', first: /2年|二年|提前删除/ },
  // A collector's claim that the borrower is already listed is a scare line.
  { q: '催收讲已经把我弄上失信名单了 连累全家 是真的吗', guide: 'dishonest-list', shows: /话术|吓唬/ },
  // Conduct before the revised public-security law: the law of the time, the lighter one if the new is lighter.
  { q: '去年12月份被催收威胁过 现在报警的话 用新的治安法还是旧的 罚多少', guide: 'unlawful-conduct', first: /旧法|行为时/ },
  // Suing for being called a cheat in front of one's employer: reputation.
  { q: '催收给我同事说我是老赖骗子 能起诉他们要赔偿吗', guide: 'unlawful-conduct', first: /名誉权/ },
  // 催收非法债务罪: its two conditions and its penalty.
  { q: '放高利贷的天天堵我 这够得上催收非法债务罪吗', guide: 'unlawful-conduct', shows: /三年以下/ },
  // The borrower's own promise of instalments, then backing out: the limitation period restarts.
  { q: '上个月电话里答应催收分期 现在想反悔 对我有啥不好', guide: 'negotiate-instalments', first: /中断|重新计算|同意履行/ },
  // A caller posing as police who calls an overdue loan fraud.
  { q: '有个自称派出所的说我涉嫌诈骗 先还款就能撤案 靠谱吗', guide: 'impersonation-fake-documents', first: /不是诈骗/ },
  // Despair with the contacts blasted: the hotline first, and that the collectors broke the law.
  { q: '亲戚朋友全被催收群发了 我活不下去了', guide: 'crisis-support', first: /12356/, shows: /报警/ },
  // A real firm's letter posted where the neighbours see it.
  { q: '催收把律师函贴在我家单元楼道 写了我名字 律所倒是真的 这样行吗', guide: 'notices-and-letters', first: /不合法|隐私/ },
  // Defences against the new creditor: the assignment binds the debtor only once notified.
  { q: '欠款转让给资产公司了 之前利息过高的问题还能提吗', guide: 'debt-assignment', shows: /通知/ },
  // Personal bankruptcy outside Shenzhen and Xiamen.
  { q: '我在河北 欠的网贷还不起 能去法院申请个人破产吗', guide: 'personal-bankruptcy', shows: /全国没有/ },
  // The criminal standard for blasting one's contacts, asked by name.
  { q: '通讯录里好多人收到催收短信骂我 这个能立案吗 个人信息罪怎么算', guide: 'contacts-disclosure', first: /情节/ },
];

describe('the entry chosen states what the question turns on', () => {
  it.each(CASES.map((c) => [c.q, c] as const))('%s', (_q, c) => {
    const a = answerer.answerNow(c.q, { at });
    expect(a.kind).toBe('answer');
    expect(a.guideId).toBe(c.guide);
    const t = screen(a);
    expect(t.length).toBeLessThanOrEqual(350);
    if (c.first) expect(firstSentence(t)).toMatch(c.first);
    if (c.shows) expect(t).toMatch(c.shows);
  });
});
