/**
 * Whether a loan's interest is lawful turns on who lent and when (issue 11; dev28 h26-09, h26-13 kinds), in this
 * file's own wordings:
 * - a rate with its contract date asked a few turns after a lawful lawsuit notice: the rate is judged (要看 the lender,
 *   or the licensed lender the notice named: 4 × LPR does not bind it), not the notice recalled ("不是吓唬，也不违法");
 * - an upfront deduction told while the lender is unknown: the principal is what arrived (民法典 670), and both caps
 *   are named before the missing number is asked for.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-20T14:00:00+08:00');
let n = 0;
const conversation = () => talk(AT, `rbl${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

it('a dated rate asked after a lawful lawsuit notice: the rate, by lender type, not the notice', async () => {
  const c = conversation();
  await c.forward('【某某消费金融】张先生您好，您的借款已逾期90天，我司已委托律师，近期将依法向合同约定的法院提起诉讼。如有困难请致电官方客服协商。', null);
  await c.say('他们真的会去法院告我吗');
  const r = await c.say('借款合同是2023年5月签的，年化大概是23%，这个利息合法吗');
  expect(r.kind).toBe('answer');
  // 要看 who lent, or — when the notice named a licensed lender — that lender's case.
  expect(firstSentence(r)).toMatch(/要看|持牌/);
  expect(r.shown).toMatch(/持牌|消费金融/);
  expect(r.shown).toMatch(/4倍|LPR/);
  expect(r.shown).not.toMatch(/不是吓唬/);
});

it('a deduction told and the lender unknown: the principal received, and both caps before the question', async () => {
  const c = conversation();
  await c.say('我从一个app借了9000，说好的就是9000');
  const r = await c.say('可是只到账7600，现在要我还11000，这利息合法吗');
  expect(r.shown).toMatch(/7600|7,600/);
  expect(r.shown).toMatch(/670/);
  expect(r.shown).toMatch(/LPR的4倍/);
  expect(r.shown).toMatch(/持牌/);
});
