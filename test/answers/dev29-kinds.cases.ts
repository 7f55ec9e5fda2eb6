/**
 * Question types dev29 missed (issue 10), in this file's own wordings (none from an eval set or from the entries'
 * examples). The first sentence answers what was asked:
 * - blocking the collectors' numbers: allowed, and no refusal to repay (keep the records first);
 * - how to find out whether one was sued: 12368;
 * - hitting the collectors who come to the door: don't — call 110; hitting them is punished too;
 * - collectors "detaining" the user: they cannot; only the police or a court detains;
 * - dismissed after collectors called the workplace, damages asked: the conduct's answer keeps the labour line (12333);
 * - the interest above the cap: not owed, the rest is;
 * - suing after the limitation period: they still can, and the court will not raise it for you;
 * - a spouse's loan taken after the wedding: it depends (shared signature, family needs).
 */
import { answerer, firstSentence, screen } from '../support/offline-answerer';

const at = new Date('2026-12-07T10:00:00+08:00');

it.each([
  ['催收的电话我全拉黑了 这样算我拒不还款吗', 'harassment-calls', /^可以拉黑/, /官方渠道/],
  ['上哪能查到法院有没有受理告我的案子', 'lawsuit-and-summons', /12368/, /12368/],
  ['下回他们再来堵门 我还手揍他们行不行', 'home-visit', /^不要动手/, /110/],
  ['讨债的说要把我拘留 他们做得到吗', 'jail-and-crime', /^不能/, /第120条/],
  ['多于四倍LPR的那部分利息 我是不是可以不给', 'interest-rates', /^超过的部分不用给/, /本金/],
  ['时效已经过了 那他们还可以去法院告我吗', 'limitation-period', /仍然能起诉/, /抗辩/],
  ['那我媳妇婚后又借了一笔呢', 'spouse-debt', /^不一定/, /追认|日常生活/],
])('"%s" → %s, its own verdict first', async (q, guide, first, shows) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
  expect(screen(a)).toMatch(shows);
  expect([...screen(a).replace(/\s/g, '')].length).toBeLessThanOrEqual(350);
});

it('"单位因为催收天天打电话过去 把我开除了 可以要赔偿吗": the dismissal told as background keeps the 12333 line', async () => {
  const a = await answerer.answer('单位因为催收天天打电话过去 把我开除了 可以要赔偿吗', { at });
  expect(a.outOfScope).toBe(false);
  expect(screen(a)).toMatch(/12333/);
});

/** Guards: the neighbouring question types keep their own verdicts. */
it.each([
  ['催收上门的人把我推倒了 能找他们赔吗', 'home-visit', /^能/],
  ['网上说超过14.8%就不用还了 靠谱吗', 'interest-rates', /^不对/],
  ['私人放贷利息最多能收多少', 'interest-rates', /上限/],
  ['过了诉讼时效法院会不会主动帮我驳回', 'limitation-period', /不会主动/],
  ['结婚前借的网贷 老公要帮着还吗', 'spouse-debt', /^一般不用/],
])('"%s" stays %s', async (q, guide, first) => {
  const a = await answerer.answer(q, { at });
  expect(a.guideId).toBe(guide);
  expect(firstSentence(screen(a))).toMatch(first);
});
