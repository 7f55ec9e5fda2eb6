/**
 * The Telegram channel: a thin telegraf bot over the conversation core. One middleware takes every update and,
 * in order: drops a repeated update_id, reads the update, answers a button press at once, stays silent in
 * groups (unless allowed), applies the per-user rate limits (text, commands and buttons against
 * RATE_LIMIT_PER_MINUTE; forwarded messages and images, which are evidence and come in bursts, against the higher
 * RATE_LIMIT_EVIDENCE_PER_MINUTE — refused evidence is said to be not kept), and schedules the turn on the chat's
 * queue. The turn shows
 * "typing…", hands the message to handleTurn, and sends the reply. Parsing, rendering, splitting, sending and
 * retrying each live in their own module; this file only wires them.
 */
import { performance } from 'node:perf_hooks';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { handleTurn } from '../../conversation/conversation';
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import { emptyReply, userKeyOf, type OutboundReply } from '../../message';
import { ChannelRateLimits, RATE_LIMIT_REPLY, type TrafficKind } from '../rate-limit';
import { describeError } from './api-errors';
import { downloadFile } from './download';
import { describeUpdate, toInbound, type TgUpdate, type UpdateEnvelope } from './inbound';
import { CallbackIds } from './keyboard';
import { resolveOptions, type TelegramBotOptions, type UpdateOutcome } from './options';
import { sendPlain, sendReply, type ReplySenderDeps } from './send-reply';
import { SendQueue, withRetry } from './send-queue';
import { SeenUpdates } from './seen-updates';
import { loadTelegramTexts } from './texts';
import { startTyping } from './typing';
import { TurnScheduler } from './turn-scheduler';

export interface TelegramBot {
  /** The underlying telegraf instance (launch.ts starts polling on it). */
  readonly telegraf: Telegraf;
  /**
   * Accepts one update (from a webhook): any object with an update_id; kinds the bot does not act on are
   * ignored. Resolves once it is scheduled, not when it is answered.
   */
  handleUpdate(update: { update_id: number }): Promise<void>;
  /** Registers the command menu (setMyCommands) with the descriptions from telegram.yaml. */
  registerCommands(): Promise<void>;
  /** Waits for scheduled turns and queued sends to finish; false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Builds the bot; nothing is sent until it is launched (launch.ts) or handed an update. Throws at once if
 * telegram.yaml is missing a command description.
 */
export function createTelegramBot(deps: TurnDeps, options: TelegramBotOptions): TelegramBot {
  const o = resolveOptions(options);
  const texts = o.texts ?? loadTelegramTexts(o.promptsDir);
  const log = deps.logger.child({ channel: 'telegram' });
  const telegraf = new Telegraf(o.token, { telegram: { apiRoot: o.apiRoot, webhookReply: false } });
  const telegram = telegraf.telegram;
  const retry = {
    ...o.retry,
    onRetry: (info: Parameters<NonNullable<NonNullable<TelegramBotOptions['retry']>['onRetry']>>[0]) =>
      log.warn({ attempt: info.attempt, waitMs: info.waitMs, reason: info.reason, error: info.error }, 'telegram call retried'),
  };
  const queue = new SendQueue(retry);
  const scheduler = new TurnScheduler(o.maxPendingTurns);
  const seen = new SeenUpdates();
  const limits = new ChannelRateLimits({ messagesPerMinute: o.ratePerMinute, evidencePerMinute: o.evidencePerMinute });
  const ids = new CallbackIds();
  const sender: ReplySenderDeps = { telegram, queue, ids, maxLength: o.maxMessageLength };

  async function accept(update: TgUpdate): Promise<void> {
    const started = performance.now();
    const ulog = log.child({ update: update.update_id });
    const done = (outcome: UpdateOutcome) => o.onUpdateHandled?.({ updateId: update.update_id, ms: performance.now() - started, outcome });
    if (!seen.firstTime(update.update_id)) {
      ulog.debug({}, 'repeated update ignored');
      return done('duplicate');
    }
    const env = describeUpdate(update, { botUsername: telegraf.botInfo?.username, maxDownloadBytes: o.maxDownloadBytes });
    if (!env) return done('ignored');
    if (env.callbackQueryId) answerCallback(env.callbackQueryId, ulog);
    if (env.chatType !== 'private' && !o.allowGroups) return done('group_ignored');

    const chatKey = String(env.chatId);
    // Evidence has its own, higher limit; refused evidence is not kept, and the notice says so (a forwarded
    // threat may be the only copy the user has: they must know to send it again).
    const kind: TrafficKind = carriesEvidence(env) ? 'evidence' : 'message';
    const decision = limits.hit(userKeyOf(env.origin), kind);
    if (!decision.allowed) {
      if (!decision.notify) return done('rate_limited');
      return scheduler.schedule(chatKey, async () => {
        ulog.info({ retryAfterMs: decision.retryAfterMs, kind }, 'user rate limited');
        await sendPlain(env.chatId, deps.replies.text(RATE_LIMIT_REPLY[kind]), sender).catch((e: unknown) =>
          ulog.warn({ error: describeError(e) }, 'rate-limit notice not sent'),
        );
        done('rate_limited');
      });
    }
    if (o.jobs) {
      const queued = await o.jobs.enqueue(env).then(
        () => true,
        (e: unknown) => {
          ulog.warn({ error: describeError(e) }, 'turn not queued; running it here');
          return false;
        },
      );
      if (queued) {
        telegram.sendChatAction(env.chatId, 'typing').catch(() => undefined);
        return done('queued');
      }
    }
    await scheduler.schedule(chatKey, () => runTurn(env, ulog).then(done));
  }

  /** One turn: typing indicator, core, reply. Never rejects. */
  async function runTurn(env: UpdateEnvelope, ulog: CoreLogger): Promise<UpdateOutcome> {
    try {
      const stopTyping = startTyping(() => telegram.sendChatAction(env.chatId, 'typing'), {
        intervalMs: o.typingIntervalMs,
        onError: (e) => ulog.debug({ error: describeError(e) }, 'typing indicator failed'),
      });
      let reply: OutboundReply;
      try {
        reply = await turnReply(env, ulog);
      } finally {
        stopTyping();
      }
      await sendReply(env.chatId, reply, sender, ulog);
      return 'replied';
    } catch (e) {
      ulog.error({ error: describeError(e) }, 'update failed');
      return 'failed';
    }
  }

  async function turnReply(env: UpdateEnvelope, ulog: CoreLogger): Promise<OutboundReply> {
    const inbound = await toInbound(env, {
      download: (fileId) => downloadFile(telegram, fileId, { maxBytes: o.maxDownloadBytes, timeoutMs: o.downloadTimeoutMs }),
      decodeButton: (data) => ids.decode(data),
      maxDownloadBytes: o.maxDownloadBytes,
    });
    if ('problem' in inbound) {
      if (inbound.problem === 'image_download_failed') ulog.warn({ error: describeError(inbound.error) }, 'image download failed');
      const r = emptyReply();
      r.blocks.push({ style: 'paragraph', text: texts.text(inbound.problem, { max: Math.floor(o.maxDownloadBytes / 1_000_000) }) });
      return r;
    }
    return handleTurn(inbound, { ...deps, logger: ulog });
  }

  function answerCallback(id: string, ulog: CoreLogger): void {
    withRetry(() => telegram.answerCbQuery(id), { ...retry, maxAttempts: 3 }).catch((e: unknown) =>
      ulog.warn({ error: describeError(e) }, 'callback query not answered'),
    );
  }

  telegraf.use((ctx) => accept(ctx.update as TgUpdate));
  // One failing update must never stop polling: telegraf's default handler rethrows, which ends the loop.
  telegraf.catch((e) => log.error({ error: describeError(e) }, 'update handler failed'));

  return {
    telegraf,
    handleUpdate: (update) => telegraf.handleUpdate(update as Update),
    registerCommands: async () => {
      await withRetry(() => telegram.setMyCommands(texts.commands), retry);
    },
    drain: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      if (!(await scheduler.idle(timeoutMs))) return false;
      const rest = Math.max(0, deadline - Date.now());
      return Promise.race([queue.idle().then(() => true), new Promise<boolean>((r) => setTimeout(r, rest, false).unref())]);
    },
  };
}

/** Forwarded messages and images (photos, image documents) may be evidence: they count against the evidence limit. */
function carriesEvidence(env: UpdateEnvelope): boolean {
  return env.content.type === 'forwarded' || env.content.type === 'image';
}
