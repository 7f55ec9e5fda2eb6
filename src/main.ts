/**
 * Composition root: config → logger → core deps → queue → channels → HTTP. With TELEGRAM_BOT_TOKEN, WECHAT_TOKEN
 * or WECOM_TOKEN set (or a PROCESS_ROLE other than "all") the bot serves; otherwise the terminal chat opens.
 * PROCESS_ROLE=web serves the webhooks, queues the turns and delivers the replies (the send queues);
 * PROCESS_ROLE=worker runs the queued turns (and serves only /healthz, /readyz and /metrics); "all" does both. SIGINT/SIGTERM stop the intake, let running
 * jobs finish, and close the queue and the store before exit.
 */
import { loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { assembleDeps } from './assemble';
import { runTerminalChat } from './channels/local/terminal';
import { describeFailure, loadCliTexts } from './cli/cli-texts';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths';
import { createTelegramBot } from './channels/telegram/bot';
import { startPolling, startWebhook, type RunningTelegramBot } from './channels/telegram/launch';
import { buildHttpApp } from './http/app';
import { telegramWebhookRoutes } from './http/webhook';
import { AppError } from './errors';
import { RedisStore } from './state/redis-store';
import { createMetrics } from './metrics';
import { createQueue } from './queue/create-queue';
import { createWechatChannel, type PlatformChannel } from './channels/wechat/channel';
import { createWecomChannel } from './channels/wecom/channel';
import { startWorkers } from './channels/workers';
import { createTelegramJobs, telegramApi } from './channels/telegram/queued';
import { loadTelegramTexts } from './channels/telegram/texts';
import type { TurnDeps } from './conversation/deps';
import type { FastifyPluginAsync } from 'fastify';

async function main(): Promise<void> {
  const config = loadConfig();
  const serving = Boolean(config.telegram || config.wechat || config.wecom) || config.role !== 'all';
  const logger = createLogger({
    level: config.log.level ?? (serving ? 'info' : 'error'),
    format: config.log.format,
    destination: serving ? undefined : process.stderr,
  });
  const deps = assembleDeps(config, logger);
  if (deps.store instanceof RedisStore) {
    // A wrong REDIS_URL shows at boot; the bot still starts and answers (saving resumes when Redis is back).
    await deps.store.connect().catch((e: unknown) => logger.error({ err: e }, 'Redis is not reachable: check REDIS_URL; answering without saving until it is'));
  }
  if (serving) return serve(config, logger, deps);

  if (config.env === 'production' && !process.stdin.isTTY) {
    throw new AppError('CONFIG_INVALID', 'No TELEGRAM_BOT_TOKEN, WECHAT_TOKEN or WECOM_TOKEN and no terminal: nothing to serve. Set one (see README), or run `debtshield chat` in a terminal.');
  }
  await runTerminalChat({ deps, texts: loadCliTexts(config.promptsDir), userId: 'local', input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  await deps.ocr?.close?.();
  await deps.store.close();
}

/** Runs the configured channels in this process's role until a signal (or Telegram polling) ends it. */
async function serve(config: Config, logger: Logger, deps: TurnDeps): Promise<void> {
  const web = config.role !== 'worker';
  const metrics = createMetrics({ defaults: true });
  const jobs = createQueue(config, (queue, _id, e) => {
    metrics.error('job_failed');
    logger.error({ queue, err: { name: (e as Error)?.name, reason: (e as Error)?.message } }, 'job failed for good');
  });
  metrics.watchQueue(() => jobs.queue.depth());
  const common = { turnDeps: deps, queue: jobs.queue, memo: jobs.memo, metrics, logger, promptsDir: config.promptsDir, ratePerMinute: config.limits.ratePerMinute, evidencePerMinute: config.limits.evidencePerMinute };
  const platforms: PlatformChannel[] = [];
  if (config.wechat) platforms.push(createWechatChannel({ ...config.wechat, ...common }));
  if (config.wecom) platforms.push(createWecomChannel({ ...config.wecom, ...common }));

  // With Redis, Telegram turns go through the queue too (embedded, the bot runs them in process as before).
  const telegramJobs = config.telegram && jobs.queue.kind === 'bullmq'
    ? createTelegramJobs({ ...common, telegram: telegramApi(config.telegram.token, config.telegram.apiRoot), texts: loadTelegramTexts(config.promptsDir) })
    : undefined;

  const routes: FastifyPluginAsync[] = web ? platforms.map((p) => p.routes) : [];
  const t = web ? config.telegram : undefined;
  const telegramBot = t
    ? createTelegramBot(deps, {
        token: t.token,
        apiRoot: t.apiRoot,
        allowGroups: t.allowGroups,
        ratePerMinute: config.limits.ratePerMinute,
        evidencePerMinute: config.limits.evidencePerMinute,
        promptsDir: config.promptsDir,
        jobs: telegramJobs,
        onUpdateHandled: (e) => {
          if (e.outcome === 'replied') metrics.turn('telegram', 'reply', e.ms / 1000);
          else if (e.outcome === 'failed') metrics.error('telegram_update_failed');
        },
      })
    : undefined;
  if (t?.webhookUrl && t.webhookSecret && telegramBot) {
    routes.push(telegramWebhookRoutes({ path: new URL(t.webhookUrl).pathname, secret: t.webhookSecret, handleUpdate: (u) => telegramBot.handleUpdate(u) }, logger));
  }
  // Turns (CPU: OCR, analysis, LLM) run in workers; sends run beside the webhooks, on an event loop never held up.
  const channelJobs = [...platforms.map((p) => p.jobs), ...(telegramJobs ? [telegramJobs] : [])];
  startWorkers(jobs.queue, channelJobs, { ...config.queue, turns: config.role !== 'web', sends: config.role !== 'worker' });

  const app = await buildHttpApp({ logger, store: deps.store, metrics, queue: jobs.queue, routes, trustProxy: config.env === 'production' });
  await app.listen({ host: config.http.host, port: config.http.port });
  logger.info({ host: config.http.host, port: config.http.port, role: config.role, queue: jobs.queue.kind, wechat: Boolean(config.wechat), wecom: Boolean(config.wecom) }, 'http server listening');
  if (web) {
    if (config.wechat?.publishMenu) await platforms[0]!.publishMenu().catch((e: unknown) => logger.warn({ err: e }, 'WeChat menu not published'));
    if (config.wecom?.publishMenu) await platforms[platforms.length - 1]!.publishMenu().catch((e: unknown) => logger.warn({ err: e }, 'WeCom menu not published'));
  }

  let bot: RunningTelegramBot | undefined;
  let closing = false;
  let release!: () => void;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await bot?.stop(signal).catch(() => undefined);
    await app.close().catch(() => undefined);
    await jobs.close(10_000).catch(() => undefined);
    await deps.ocr?.close?.().catch(() => undefined);
    await deps.store.close().catch(() => undefined);
    release();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (telegramBot && t) {
    bot = t.webhookUrl && t.webhookSecret ? await startWebhook(telegramBot, { url: t.webhookUrl, secret: t.webhookSecret }, logger) : await startPolling(telegramBot, logger);
    void bot.stopped.then(() => shutdown('telegram stopped'), () => shutdown('telegram failed'));
  }
  await stopped;
  process.exit(0);
}

main().catch((e: unknown) => {
  // What to do, in Chinese (prompts/) and English (the error registry's hint); no stack trace.
  let msg: string;
  try {
    const texts = loadCliTexts();
    msg = `${texts.text('error_start')}\n${describeFailure(e, texts, join(PACKAGE_ROOT, 'prompts'))}`;
  } catch {
    msg = e instanceof AppError ? `${e.message}\n(${e.hint})` : e instanceof Error ? e.message : String(e);
  }
  process.stderr.write(`DebtShield failed to start:\n${msg}\n`);
  process.exit(1);
});
