/**
 * Starting and stopping the bot in its two modes. Long polling (the default) needs nothing but the token;
 * webhook mode registers the URL and secret with Telegram, while the app's own HTTP server (src/http, opened by
 * main.ts) receives the updates. Stopping ends the intake first, then lets scheduled turns finish and their
 * replies go out, within a time limit.
 */
import type { CoreLogger } from '../../logger';
import { describeError } from './api-errors';
import type { TelegramBot } from './bot';

/** Updates the bot acts on; others are not even delivered. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface RunningTelegramBot {
  /** Stops taking updates, then waits up to `drainMs` (default 10 s) for turns in progress to be answered. */
  stop(reason?: string, drainMs?: number): Promise<void>;
  /** Settles when the bot has stopped; rejects if polling ended on an error it cannot recover from (401, 409). */
  readonly stopped: Promise<void>;
}

/**
 * Starts long polling and resolves once the bot has identified itself (getMe) — rejects if it cannot (wrong
 * token, API unreachable). Registers the command menu; failing that is logged, not fatal.
 */
export async function startPolling(bot: TelegramBot, log: CoreLogger): Promise<RunningTelegramBot> {
  let up!: () => void;
  const launched = new Promise<void>((resolve) => (up = resolve));
  const loop = bot.telegraf.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => up());
  // Surface a failure before launch; after it, `stopped` carries it.
  await Promise.race([launched, loop.then(() => Promise.reject(new Error('polling ended before it started')))]);
  log.info({ mode: 'polling', bot: bot.telegraf.botInfo?.username }, 'telegram bot started');
  void bot.registerCommands().catch((e: unknown) => log.warn({ error: describeError(e) }, 'setMyCommands failed'));
  let stopping: Promise<void> | undefined;
  const stopped = loop.then(
    () => undefined,
    (e: unknown) => {
      if (stopping) return;
      log.error({ error: describeError(e) }, 'polling stopped on an error');
      throw e;
    },
  );
  return {
    stopped,
    stop(reason = 'stop', drainMs = 10_000) {
      stopping ??= (async () => {
        try {
          bot.telegraf.stop(reason);
        } catch {
          // Already stopped.
        }
        await stopped.catch(() => undefined);
        if (!(await bot.drain(drainMs))) log.warn({ drainMs }, 'turns still running at shutdown');
      })();
      return stopping;
    },
  };
}

export interface WebhookSettings {
  /** The public https URL Telegram posts updates to. */
  url: string;
  /** Echoed by Telegram in X-Telegram-Bot-Api-Secret-Token; the HTTP server checks it. */
  secret: string;
}

/**
 * Registers the webhook with Telegram (pending updates are kept) and the command menu. The HTTP server must
 * already be listening and passing POSTs to `bot.handleUpdate`. The webhook is left registered at stop, so
 * Telegram holds updates while the bot restarts.
 */
export async function startWebhook(bot: TelegramBot, settings: WebhookSettings, log: CoreLogger): Promise<RunningTelegramBot> {
  const telegram = bot.telegraf.telegram;
  bot.telegraf.botInfo ??= await telegram.getMe();
  await telegram.setWebhook(settings.url, { secret_token: settings.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  log.info({ mode: 'webhook', bot: bot.telegraf.botInfo.username }, 'telegram bot started');
  void bot.registerCommands().catch((e: unknown) => log.warn({ error: describeError(e) }, 'setMyCommands failed'));
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;
  return {
    stopped,
    stop(_reason = 'stop', drainMs = 10_000) {
      stopping ??= (async () => {
        if (!(await bot.drain(drainMs))) log.warn({ drainMs }, 'turns still running at shutdown');
        resolveStopped();
      })();
      return stopping;
    },
  };
}
