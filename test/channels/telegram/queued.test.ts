/**
 * Telegram on the job queue: the real bot hands accepted updates to the real BullMQ queue on the real Redis;
 * workers run the turns and the sender delivers through the fake Bot API — HTML with the keyboard under the last
 * part, each reply once however often the update is delivered, and after Telegram's 429 retry_after.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTelegramBot, type TelegramBot } from '../../../src/channels/telegram/bot';
import { createTelegramJobs, telegramApi } from '../../../src/channels/telegram/queued';
import { loadTelegramTexts } from '../../../src/channels/telegram/texts';
import { startWorkers } from '../../../src/channels/workers';
import { createMetrics } from '../../../src/metrics';
import { BullmqQueue } from '../../../src/queue/bullmq-queue';
import { RedisMemo } from '../../../src/queue/memo';
import { PACKAGE_ROOT } from '../../../src/paths';
import { join } from 'node:path';
import { FakeTelegram } from '../../support/fake-telegram';
import { logSink, testDeps } from '../../support/core-deps';
import { redisStore } from './harness';
import { deleteKeys, TEST_REDIS_URL } from '../../support/redis-keys';

const REDIS_URL = TEST_REDIS_URL;

const message = (updateId: number, chatId: number, messageId: number, extra: Record<string, unknown>) => ({
  update_id: updateId,
  message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'U' }, ...extra },
});

describe('telegram on the queue', () => {
  let fake: FakeTelegram;
  let bot: TelegramBot;
  let queue: BullmqQueue;
  let redis: Redis;
  let cleanup: () => Promise<void>;
  let closeStore: () => Promise<void>;
  const prefix = `dstest:tgq:${randomBytes(5).toString('hex')}:`;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    const { store, cleanup: c } = redisStore();
    await store.connect();
    closeStore = () => store.close();
    cleanup = c;
    const deps = testDeps(store, logSink());
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    queue = new BullmqQueue({ url: REDIS_URL, prefix: `${prefix}q`, lockMs: 2000 });
    const jobs = createTelegramJobs({
      turnDeps: deps,
      telegram: telegramApi(fake.token, fake.apiRoot),
      texts: loadTelegramTexts(join(PACKAGE_ROOT, 'prompts')),
      queue,
      memo: new RedisMemo(redis, `${prefix}m:`),
      metrics: createMetrics(),
      logger: deps.logger,
    });
    bot = createTelegramBot(deps, { token: fake.token, apiRoot: fake.apiRoot, jobs });
    bot.telegraf.botInfo = await bot.telegraf.telegram.getMe();
    startWorkers(queue, [jobs], { turnConcurrency: 2, ocrConcurrency: 1 });
  });

  afterAll(async () => {
    await queue.close(3000);
    await fake.close();
    await deleteKeys(prefix);
    await redis.quit();
    await cleanup();
    await closeStore();
  });

  it('answers a command through the queue, as HTML', async () => {
    await bot.handleUpdate(message(9001, 8001, 1, { text: '/start' }));
    const [reply] = await fake.waitForMessages(8001, 1);
    expect(reply!.body.parse_mode).toBe('HTML');
  });

  it('analyses a forwarded collector message with the keyboard under the last part, once however often it is delivered', async () => {
    const forwarded = { text: '明天不还钱就上门泼油漆', forward_origin: { type: 'hidden_user', sender_user_name: 'Collector', date: Math.floor(Date.now() / 1000) - 60 } };
    await bot.handleUpdate(message(9002, 8002, 7, forwarded));
    await bot.handleUpdate(message(9003, 8002, 7, forwarded)); // the same message in a second update
    await fake.waitForMessages(8002, 1);
    await new Promise((r) => setTimeout(r, 1500));
    const all = fake.messagesTo(8002);
    expect(all[all.length - 1]!.body.reply_markup).toBeTruthy();
    expect(all.map((c) => String(c.body.text)).join('\n')).toMatch(/治安管理处罚法|违法/);
    const memo = JSON.parse((await redis.get(`${prefix}m:telegram:reply:8002:7`))!) as { parts: string[] };
    expect(all).toHaveLength(memo.parts.length);
  });

  it('waits out a 429 and delivers', async () => {
    fake.rateLimit(1, 1);
    const started = Date.now();
    await bot.handleUpdate(message(9004, 8003, 1, { text: '/privacy' }));
    await fake.waitForMessages(8003, 1, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
