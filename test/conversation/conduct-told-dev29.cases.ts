/**
 * Conduct the user tells (issue 10, dev29), assessed like a message: being followed whenever they step out is named as
 * the following it is (滋扰、纠缠、跟踪, 治安管理处罚法第50条), not only the waiting at the door; a report that asks "这算
 * 什么" is answered "这算违法" first. Saying "拉黑算不算我不配合" is a question about blocking numbers, never self-blame
 * ("我不配"). Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-12-06T20:10:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (s: string) => s.split(/[。！？\n]/)[0]!;

it('"楼下有人守了好几天 我一下楼就跟着 这算啥": the following named, and 110', async () => {
  const c = talk(AT, 'followed');
  const r = await c.say('楼下有人守了好几天 我一下楼就跟着 这算啥');
  expect(r.kind).toBe('analysis');
  expect(r.shown).toMatch(/跟踪/);
  expect(r.shown).toMatch(/110/);
  expect(firstSentence(r.shown)).toMatch(/^这算违法/);
});

it('"他们的号码我都拉黑了 这样算不算我不配合": about blocking, not self-blame', async () => {
  const c = talk(AT, 'not-cooperating');
  const r = await c.say('他们的号码我都拉黑了 这样算不算我不配合');
  expect(r.kind).toBe('answer');
  expect(firstSentence(r.shown)).toMatch(/^可以拉黑/);
  expect(r.shown).not.toMatch(/你不是没用/);
});
