/**
 * Test harness: the real Telegram bot (telegraf, polling) against the fake Bot API server, over the real core
 * and a real Redis store under a prefix unique to this run (removed in stop()).
 */
import { randomBytes } from 'node:crypto';
import { createTelegramBot, type TelegramBot } from '../../../src/channels/telegram/bot';
import { startPolling, type RunningTelegramBot } from '../../../src/channels/telegram/launch';
import type { TelegramBotOptions } from '../../../src/channels/telegram/options';
import type { TurnDeps } from '../../../src/conversation/deps';
import { RedisStore } from '../../../src/state/redis-store';
import { FakeTelegram } from '../../support/fake-telegram';
import { logSink, testDeps } from '../../support/core-deps';
import { deleteKeys } from '../../support/redis-keys';

export const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

export interface Harness {
  fake: FakeTelegram;
  bot: TelegramBot;
  running: RunningTelegramBot;
  store: RedisStore;
  deps: TurnDeps;
  logs: () => string;
  stop(): Promise<void>;
}

/** A Redis store under a fresh prefix, and a function that removes every key under it. */
export function redisStore(): { store: RedisStore; prefix: string; cleanup: () => Promise<void> } {
  const prefix = `dstest:tg:${randomBytes(6).toString('hex')}:`;
  const store = new RedisStore({ url: REDIS_URL, prefix, key: randomBytes(32), ttlDays: 30, historyTurns: 20 });
  const cleanup = () => deleteKeys(prefix, REDIS_URL);
  return { store, prefix, cleanup };
}

/** Starts the fake server and the bot polling it. */
export async function startHarness(options: Partial<TelegramBotOptions> = {}, overrides: Partial<TurnDeps> = {}): Promise<Harness> {
  const fake = await FakeTelegram.start();
  const { store, cleanup } = redisStore();
  await store.connect();
  const sink = logSink();
  const deps = testDeps(store, sink, overrides);
  const bot = createTelegramBot(deps, { token: fake.token, apiRoot: fake.apiRoot, ...options });
  const running = await startPolling(bot, deps.logger);
  return {
    fake,
    bot,
    running,
    store,
    deps,
    logs: sink.text,
    async stop() {
      await running.stop('test done', 5000);
      await fake.close();
      await cleanup();
      await store.close();
    },
  };
}
