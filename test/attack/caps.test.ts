/**
 * Finding 6 (issue #12): one user flooding the bot. Forwards and images have a rate limit of their own (higher
 * than for messages, not none), a user's evidence has a cap with a clear message, and /export is one document,
 * not hundreds of messages. Telegram end to end: the real bot polling the fake Bot API, a real Redis store.
 */
import { randomBytes } from 'node:crypto';
import { handleTurn } from '../../src/conversation/conversation';
import { MemoryStore } from '../../src/state/memory-store';
import { RedisStore } from '../../src/state/redis-store';
import type { EvidenceItem } from '../../src/state/store';
import type { UploadedFile } from '../support/fake-telegram';
import { deleteKeys } from '../support/redis-keys';
import { testDeps } from '../support/core-deps';
import { REDIS_URL, startHarness, type Harness } from '../channels/telegram/harness';
import { figure, msg, shown } from './harness';

const THREAT = '再不还钱，明天就上门泼油漆，让你全家不得安宁';
const AT = Math.floor(new Date('2026-05-12T23:40:00+08:00').getTime() / 1000);

function item(n: number): EvidenceItem {
  return { id: `E${n}`, kind: 'message', receivedAt: new Date(Date.UTC(2026, 4, 1, 0, 0, n)).toISOString(), sentAt: null, text: `${THREAT}（第${n}条）`, categories: ['threat'], contentSha256: String(n).padStart(64, '0') };
}

describe('finding 6: forwards flooding Telegram', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(); // the defaults: 20 messages and 60 forwards or images a minute
  });
  afterAll(async () => {
    await h.stop();
  });

  it('300 forwards in a burst: 60 kept, one notice that says the rest were not kept', async () => {
    const u = { id: 6001 };
    for (let i = 0; i < 300; i++) h.fake.forward(u, `${THREAT}（第${i + 1}条）`, AT);
    const notice = h.deps.replies.text('rate_limited_evidence');
    await h.fake.waitForCalls((c) => c.method === 'sendMessage' && String(c.body.text) === notice && Number(c.body.chat_id) === u.id, 1, 20_000);
    await h.bot.drain(20_000);
    const kept = await h.store.listEvidence('telegram:6001');
    expect(figure('evidence kept from 300 forwards in a burst', kept.length)).toBe(60);
    expect(h.fake.messagesTo(u.id).filter((c) => String(c.body.text) === notice)).toHaveLength(1);
  });

  it('/export of 344 items is one document, not hundreds of messages', async () => {
    const u = { id: 6002 };
    for (let n = 1; n <= 344; n++) await h.store.appendEvidence('telegram:6002', item(n));
    const before = h.fake.messagesTo(u.id).length;
    h.fake.sendCommand(u, '/export');
    await h.fake.waitForCalls((c) => c.method === 'sendDocument' && Number(c.body.chat_id) === u.id, 1, 20_000);
    await h.bot.drain(10_000);
    const messages = h.fake.messagesTo(u.id).length - before;
    const docs = h.fake.callsOf('sendDocument', u.id);
    expect(figure('Telegram messages sent for /export of 344 items', messages)).toBeLessThanOrEqual(2);
    expect(docs).toHaveLength(1);
    const file = (docs[0]!.body.document as UploadedFile).bytes.toString('utf8');
    for (const n of [1, 172, 344]) expect(file).toContain(`E${n} `);
    expect(JSON.parse(file.slice(file.indexOf('{'))).evidence).toHaveLength(344);
  });
});

describe('finding 6: a per-user evidence cap', () => {
  it('stops at the cap with a clear message, and counts repeats without storing them', async () => {
    const store = new MemoryStore({ ttlDays: 30, historyTurns: 20, maxEvidence: 3 });
    const deps = testDeps(store);
    for (let n = 1; n <= 3; n++) await store.appendEvidence('attack:cap', item(n));
    const r = await handleTurn(msg.command('call', '13800001111 说明天上门', 'cap'), deps);
    expect(shown(r)).toContain(deps.replies.text('evidence_limit'));
    expect(await store.listEvidence('attack:cap')).toHaveLength(3);
    await expect(store.appendEvidence('attack:cap', item(2))).resolves.toMatchObject({ duplicate: true, count: 2 });
  });

  it('holds in Redis too, whatever several processes append at once', async () => {
    const prefix = `dstest:cap:${randomBytes(6).toString('hex')}:`;
    const key = randomBytes(32);
    const stores = [1, 2].map(() => new RedisStore({ url: REDIS_URL, prefix, key, ttlDays: 30, historyTurns: 20, maxEvidence: 50 }));
    try {
      const results = await Promise.allSettled(Array.from({ length: 120 }, (_, n) => stores[n % 2]!.appendEvidence('telegram:cap', item(n + 1))));
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.every((r) => (r as PromiseRejectedResult).reason.code === 'EVIDENCE_LIMIT')).toBe(true);
      expect(figure('Redis items kept of 120 appended at once with a cap of 50', (await stores[0]!.listEvidence('telegram:cap')).length)).toBe(50);
    } finally {
      for (const s of stores) await s.close();
      await deleteKeys(prefix, REDIS_URL);
    }
  });
});
