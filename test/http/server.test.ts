/**
 * The HTTP app in webhook mode: the real bot (no polling) behind it, replies going to the fake Bot API
 * server, Redis behind the core; requests are injected (no port). Also /healthz with the store up and down.
 */
import type { FastifyInstance } from 'fastify';
import { createTelegramBot, type TelegramBot } from '../../src/channels/telegram/bot';
import { startWebhook, type RunningTelegramBot } from '../../src/channels/telegram/launch';
import { buildHttpApp } from '../../src/http/app';
import { telegramWebhookRoutes } from '../../src/http/webhook';
import { createLogger } from '../../src/logger';
import { FakeTelegram } from '../support/fake-telegram';
import { logSink, testDeps } from '../support/core-deps';
import { redisStore } from '../channels/telegram/harness';
import type { RedisStore } from '../../src/state/redis-store';

const SECRET = 'test-secret_123';
const PATH = '/telegram/webhook';

/** A fetch-like call answered by app.inject. */
function injector(app: FastifyInstance) {
  return async (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const res = await app.inject({ method: (init.method ?? 'GET') as 'GET', url: path, headers: init.headers, payload: init.body });
    return { status: res.statusCode, json: () => res.json() as unknown };
  };
}

const update = (id: number, chatId: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text },
});

describe('http server: telegram webhook', () => {
  let fake: FakeTelegram;
  let bot: TelegramBot;
  let running: RunningTelegramBot;
  let app: FastifyInstance;
  let call: ReturnType<typeof injector>;
  let store: RedisStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    ({ store, cleanup } = redisStore());
    const deps = testDeps(store, logSink());
    bot = createTelegramBot(deps, { token: fake.token, apiRoot: fake.apiRoot });
    app = await buildHttpApp({ logger: deps.logger, store, routes: [telegramWebhookRoutes({ path: PATH, secret: SECRET, handleUpdate: (u) => bot.handleUpdate(u) }, deps.logger)] });
    call = injector(app);
    running = await startWebhook(bot, { url: `https://bot.example.org${PATH}`, secret: SECRET }, deps.logger);
  });

  afterAll(async () => {
    await app.close();
    await running.stop('test done', 5000);
    await fake.close();
    await cleanup();
    await store.close();
  });

  const post = (body: string, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
    call(PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('registers the webhook with its secret and the command menu', async () => {
    expect(fake.webhook).toEqual({ url: `https://bot.example.org${PATH}`, secret_token: SECRET });
    await fake.waitForCalls((c) => c.method === 'setMyCommands');
  });

  it('answers an update posted with the right secret', async () => {
    const res = await post(JSON.stringify(update(5001, 4001, '/start')));
    expect(res.status).toBe(200);
    const [reply] = await fake.waitForMessages(4001, 1);
    expect(reply!.body.parse_mode).toBe('HTML');
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret', { 'x-telegram-bot-api-secret-token': 'wrong' }],
    ['a secret that only starts right', { 'x-telegram-bot-api-secret-token': `${SECRET}x` }],
  ])('refuses an update with %s (403) and does not act on it', async (_name, headers) => {
    const res = await post(JSON.stringify(update(5002, 4002, '/start')), headers);
    expect(res.status).toBe(403);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.messagesTo(4002)).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"update_id": 1, '],
    ['a JSON array', '[1,2]'],
    ['an object without update_id', '{"message": {}}'],
    ['an empty body', ''],
  ])('answers 400 to %s and keeps serving', async (_name, body) => {
    expect((await post(body)).status).toBe(400);
    expect((await call('/healthz')).status).toBe(200);
  });

  it('refuses a body over the size limit (413)', async () => {
    const res = await post(JSON.stringify({ update_id: 1, pad: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });

  it('handles a redelivered update once', async () => {
    const body = JSON.stringify(update(5003, 4003, '/privacy'));
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    await fake.waitForMessages(4003, 1);
    await bot.drain(5000);
    expect(fake.messagesTo(4003)).toHaveLength(1);
  });

  it('answers 404 elsewhere and 405 to the wrong method', async () => {
    expect((await call('/nope')).status).toBe(404);
    expect((await call(PATH)).status).toBe(405);
  });

  it('reports the store up on /healthz', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, store: 'up' });
  });
});

describe('http server: health with the store down', () => {
  it('still answers 200 on /healthz and says the store is down; /readyz answers 503', async () => {
    const logger = createLogger({ level: 'warn', format: 'json', destination: logSink().stream });
    const app = await buildHttpApp({ logger, store: { read: () => Promise.reject(new Error('down')) } });
    const slow = await buildHttpApp({ logger, store: { read: () => new Promise(() => undefined) }, probeTimeoutMs: 100 });
    try {
      const call = injector(app);
      const res = await call('/healthz');
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ ok: true, store: 'down' });
      expect((await call('/readyz')).status).toBe(503);
      expect((await injector(slow)('/healthz')).json()).toEqual({ ok: true, store: 'down' });
      // Without a webhook configured there is no webhook route.
      expect((await call(PATH, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    } finally {
      await app.close();
      await slow.close();
    }
  });
});
