/**
 * Kinds of turn dev26 missed outside crisis care, in this file's own wordings (none from an eval set):
 * - anger at what collectors keep doing ("换着号码打 拉黑都没用 气死我了") gets that conduct assessed with its steps,
 *   not comfort alone;
 * - the bot asked to look at a relative's own case ("…被刑拘了 你帮他看看") is the user's question, never "who wrote
 *   this?", and is routed in one sentence (12348, a lawyer);
 * - whether the lender commits a crime or can be reported, while a loan is being checked, is answered for that
 *   question ("要看"), not with the loan's rate again.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-12-07T20:10:00+08:00');
let n = 0;
const conversation = () => talk(AT, `d26m${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

it('"他们换着号码一直打 我拉黑都没用 气死我了": the calls judged, with steps', async () => {
  const c = conversation();
  const r = await c.say('他们换着号码一直打 我拉黑都没用 气死我了');
  expect(r.shown).toMatch(/记录|截图|投诉|12321|报警|110/);
  expect(r.evidenceSaved ?? 0).toBe(0);
});

it('"我哥帮人转账被警察带走了 说涉嫌帮信 你帮他看看吧": the user\'s own question, routed', async () => {
  const c = conversation();
  const r = await c.say('我哥帮人转账被警察带走了 说涉嫌帮信 你帮他看看吧');
  expect(r.kind).not.toBe('confirmation');
  expect(r.shown).toMatch(/12348|律师/);
  expect(await c.evidence()).toHaveLength(0);
});

it('"他这样放贷算犯罪吗 我能告他放高利贷不" after a loan: 要看, not the rate again', async () => {
  const c = conversation();
  await c.say('找朋友借了2万 月息2分 今年5月借的 利息合法吗');
  const r = await c.say('他这样放贷算犯罪吗 我能告他放高利贷不');
  expect(firstSentence(r)).toMatch(/^要看/);
  expect(r.shown).toMatch(/职业放贷|不特定|经常/);
});
