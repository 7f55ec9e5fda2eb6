/**
 * "现在还能告吗" about a collector's message already in focus (tester-s12 #6): asked whether the conduct can still be
 * taken further, it gets the reporting answer, which weighs the message's date — for conduct before 2026 the 治安
 * article then in force (old law 第二十二条 for the six-month limit, not the 2025 numbering) — and names suing beside
 * it, instead of a guide's general answer quoting the current numbering. Wordings are this file's own.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-12-07T10:00:00+08:00');
let n = 0;
const conversation = () => talk(AT, `cs${++n}`);

const OLD_THREAT = '再拖着不还，我们就去你老家找你爹妈，把你干的好事贴满你们村，让你全家在村里抬不起头';

it.each(['都一年多了 还能告他们吗', '那时候的事 现在告得了吗'])('"%s" after a 2025 message: old numbering, six months, suing', async (text) => {
  const c = conversation();
  await c.forward(OLD_THREAT, new Date('2025-09-14T21:05:00+08:00'));
  const r = await c.say(text);
  expect(r.shown).toMatch(/六个月|6个月/);
  expect(r.shown).toMatch(/第二十二条/);
  expect(r.shown).toMatch(/起诉/);
  expect(r.shown).not.toMatch(/第50条|第五十条/);
});
