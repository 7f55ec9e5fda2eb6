/**
 * A question outside what the bot covers (the weather, dev30 kind) says so in one sentence and names what it does
 * cover (网贷、信用卡逾期和催收), then routes to 12348. Wording is this file's own.
 */
import { answerer, screen } from '../support/offline-answerer';

const at = new Date('2026-12-08T10:00:00+08:00');

it('"后天杭州会不会下雨": out of scope, and says what the bot covers', async () => {
  const a = await answerer.answer('后天杭州会不会下雨', { at });
  expect(a.outOfScope).toBe(true);
  expect(screen(a)).toMatch(/网贷|催收/);
  expect(screen(a)).toMatch(/12348/);
});
