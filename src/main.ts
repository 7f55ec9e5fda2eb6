/**
 * Composition root: config → logger → core deps → channel. With TELEGRAM_BOT_TOKEN set the Telegram bot runs;
 * otherwise the terminal chat opens. SIGINT/SIGTERM close the channel and the store before exit.
 */
import type { Server } from 'node:http';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { assembleDeps } from './assemble';
import { runTerminalChat } from './channels/local/terminal';
import { loadCliTexts } from './cli/cli-texts';
import { createTelegramBot } from './channels/telegram/bot';
import { startPolling, startWebhook, type RunningTelegramBot } from './channels/telegram/launch';
import { createHttpServer } from './http/server';
import { AppError } from './errors';
import { RedisStore } from './state/redis-store';

async function main(): Promise<void> {
  const config = loadConfig();
  const chat = !config.telegram;
  const logger = createLogger({
    level: config.log.level ?? (chat ? 'error' : 'info'),
    format: config.log.format,
    destination: chat ? process.stderr : undefined,
  });
  const deps = assembleDeps(config, logger);
  if (deps.store instanceof RedisStore) {
    // A wrong REDIS_URL shows at boot; the bot still starts and answers (saving resumes when Redis is back).
    await deps.store.connect().catch((e: unknown) => logger.error({ err: e }, 'Redis is not reachable: check REDIS_URL; answering without saving until it is'));
  }
  let bot: RunningTelegramBot | undefined;
  let server: Server | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await bot?.stop(signal).catch(() => undefined);
    if (server) await new Promise((resolve) => server!.close(resolve));
    await deps.ocr?.close?.().catch(() => undefined);
    await deps.store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.telegram) {
    const t = config.telegram;
    const telegramBot = createTelegramBot(deps, {
      token: t.token,
      apiRoot: t.apiRoot,
      allowGroups: t.allowGroups,
      ratePerMinute: config.limits.ratePerMinute,
      promptsDir: config.promptsDir,
    });
    if (t.webhookUrl && t.webhookSecret) {
      server = createHttpServer({
        logger,
        store: deps.store,
        webhook: { path: new URL(t.webhookUrl).pathname, secret: t.webhookSecret, handleUpdate: (u) => telegramBot.handleUpdate(u) },
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(config.http.port, config.http.host, () => resolve());
      });
      logger.info({ host: config.http.host, port: config.http.port }, 'http server listening');
      bot = await startWebhook(telegramBot, { url: t.webhookUrl, secret: t.webhookSecret }, logger);
    } else {
      bot = await startPolling(telegramBot, logger);
    }
    await bot.stopped;
    if (!closing) await shutdown('polling ended');
    return;
  }

  if (config.env === 'production' && !process.stdin.isTTY) {
    throw new AppError('CONFIG_INVALID', 'No TELEGRAM_BOT_TOKEN and no terminal: nothing to serve. Set TELEGRAM_BOT_TOKEN (see README), or run `debtshield chat` in a terminal.');
  }
  await runTerminalChat({ deps, texts: loadCliTexts(config.promptsDir), userId: 'local', input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  await deps.ocr?.close?.();
  await deps.store.close();
}

main().catch((e: unknown) => {
  const msg = e instanceof AppError ? `${e.message}\n(${e.hint})` : e instanceof Error ? e.stack ?? e.message : String(e);
  process.stderr.write(`债盾 DebtShield failed to start:\n${msg}\n`);
  process.exit(1);
});
