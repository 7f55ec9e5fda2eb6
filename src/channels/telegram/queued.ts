/**
 * Telegram on the job queue (when the app has Redis): the bot's update loop only reads the update and queues it;
 * a worker runs the turn (downloading images, OCR, LLM) and queues the reply; the sender delivers its parts —
 * HTML, the keyboard under the last part, the plain-text fallback when Telegram refuses the HTML, photos after —
 * and documents (the /export file) after — within Telegram's global rate, each part once (../deliver-parts.ts). Job ids are the update's chat and message
 * ids, so a redelivered update is one job. A turn's reply is memoised before it is queued for sending, so a turn
 * job run again after a crash sends the same reply instead of running the turn twice.
 *
 * Long button ids travel as stand-ins mapped in process memory (keyboard.ts); a press handled by another
 * process reads as an expired button and gets help — harmless, as after a restart.
 */
import { Telegram } from 'telegraf';
import { handleTurn } from '../../conversation/conversation';
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import { emptyReply, logIdOf, type OutboundReply } from '../../message';
import type { Metrics } from '../../metrics';
import type { JobMemo } from '../../queue/memo';
import { PermanentJobError, QUEUES, RetryLaterError, type Job, type JobQueue } from '../../queue/port';
import { deliverParts } from '../deliver-parts';
import type { ChannelJobs } from '../workers';
import { apiErrorCode, describeError, isEntityParseError, isTransient, retryAfterSeconds } from './api-errors';
import { downloadFile } from './download';
import { toInbound, type UpdateEnvelope } from './inbound';
import { CallbackIds, inlineKeyboard } from './keyboard';
import { htmlToPlainText } from './render-html';
import { replyParts } from './send-reply';
import type { TelegramTexts } from './texts';

/** The Bot API calls a worker and a sender make. */
export interface TelegramApi {
  sendMessage(chatId: number, text: string, extra?: object): Promise<unknown>;
  sendPhoto(chatId: number, photo: { source: Buffer }, extra?: object): Promise<unknown>;
  sendDocument(chatId: number, document: { source: Buffer; filename: string }, extra?: object): Promise<unknown>;
  getFileLink(fileId: string): Promise<URL>;
}

/** A Bot API client for workers (no polling, no webhook: they only download and send). */
export function telegramApi(token: string, apiRoot: string): TelegramApi {
  return new Telegram(token, { apiRoot }) as unknown as TelegramApi;
}

export interface TelegramJobsOptions {
  turnDeps: TurnDeps;
  telegram: TelegramApi;
  texts: TelegramTexts;
  queue: JobQueue;
  memo: JobMemo;
  metrics: Metrics;
  logger: CoreLogger;
  /** Telegram allows about 30 messages a second to different chats. Default 1 500 a minute. */
  sendPerMinute?: number;
  maxMessageLength?: number;
  maxDownloadBytes?: number;
  downloadTimeoutMs?: number;
}

/** A turn job: the update as read (dates as ISO strings once on the queue). */
interface TurnJob {
  env: UpdateEnvelope;
}

/** A send job: the reply rendered for Telegram. */
interface SendJob {
  chatId: number;
  parts: string[];
  keyboard?: unknown;
  images: Array<{ base64: string; alt: string }>;
  /** Absent in replies memoised before files existed. */
  files?: Array<{ base64: string; name: string }>;
}

export interface TelegramJobs extends ChannelJobs {
  /** Queues an update's turn; rejects if the queue cannot take it (the bot then runs the turn itself). */
  enqueue(env: UpdateEnvelope): Promise<void>;
}

const DAY = 86_400_000;

export function createTelegramJobs(o: TelegramJobsOptions): TelegramJobs {
  const log = o.logger.child({ channel: 'telegram' });
  const ids = new CallbackIds();
  const maxLength = o.maxMessageLength ?? 4096;
  const maxDownloadBytes = o.maxDownloadBytes ?? 10_000_000;
  const key = (what: string, id: string) => `telegram:${what}:${id}`;

  async function runTurn(job: Job<TurnJob>): Promise<void> {
    const env = revive(job.data.env);
    const memoKey = key('reply', env.origin.messageId ?? job.id);
    let rendered = JSON.parse((await o.memo.get(memoKey)) ?? 'null') as Omit<SendJob, 'chatId'> | null;
    if (!rendered) {
      // The job id holds the chat id: logged only as a keyed hash, like user ids.
      const reply = await turnReply(env, log.child({ job: logIdOf(job.id, o.turnDeps.logKey), attempt: job.attempt }));
      const keyboard = inlineKeyboard(reply.buttons, ids);
      const fresh = {
        parts: replyParts(reply, maxLength),
        ...(keyboard ? { keyboard } : {}),
        images: (reply.images ?? []).map((i) => ({ base64: i.bytes.toString('base64'), alt: i.alt })),
        files: (reply.files ?? []).map((f) => ({ base64: f.bytes.toString('base64'), name: f.name })),
      };
      if (await o.memo.setIfAbsent(memoKey, JSON.stringify(fresh), 2 * DAY)) {
        rendered = fresh;
        o.metrics.turn('telegram', reply.kind, (Date.now() - env.origin.receivedAt.getTime()) / 1000);
      } else rendered = JSON.parse((await o.memo.get(memoKey))!) as Omit<SendJob, 'chatId'>;
    }
    if (rendered.parts.length || rendered.images.length || rendered.files?.length) {
      await o.queue.add<SendJob>(QUEUES.sendTelegram, key('send', env.origin.messageId ?? job.id), { chatId: env.chatId, ...rendered });
    }
  }

  async function turnReply(env: UpdateEnvelope, ulog: CoreLogger): Promise<OutboundReply> {
    const inbound = await toInbound(env, {
      download: (fileId) => downloadFile(o.telegram, fileId, { maxBytes: maxDownloadBytes, timeoutMs: o.downloadTimeoutMs ?? 20_000 }),
      decodeButton: (data) => ids.decode(data),
      maxDownloadBytes,
    });
    if ('problem' in inbound) {
      if (inbound.problem === 'image_download_failed') ulog.warn({ error: describeError(inbound.error) }, 'image download failed');
      const r = emptyReply();
      r.blocks.push({ style: 'paragraph', text: o.texts.text(inbound.problem, { max: Math.floor(maxDownloadBytes / 1_000_000) }) });
      return r;
    }
    // No message id for the core: its redelivery check would make a retried job an empty reply (the queue dedupes).
    return handleTurn({ ...inbound, messageId: undefined }, { ...o.turnDeps, logger: ulog });
  }

  async function runSend(job: Job<SendJob>): Promise<void> {
    const { chatId, parts, keyboard, images } = job.data;
    const files = job.data.files ?? [];
    const link = { link_preview_options: { is_disabled: true } };
    await deliverParts({
      memo: o.memo,
      key: key('sent', job.id),
      count: parts.length + images.length + files.length,
      send: async (i) => {
        try {
          if (i >= parts.length + images.length) {
            const file = files[i - parts.length - images.length]!;
            await o.telegram.sendDocument(chatId, { source: Buffer.from(file.base64, 'base64'), filename: file.name });
            return 'sent';
          }
          if (i >= parts.length) {
            const image = images[i - parts.length]!;
            await o.telegram.sendPhoto(chatId, { source: Buffer.from(image.base64, 'base64') }, { caption: image.alt });
            return 'sent';
          }
          const markup = i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {};
          try {
            await o.telegram.sendMessage(chatId, parts[i]!, { parse_mode: 'HTML', ...link, ...markup });
          } catch (e) {
            if (!isEntityParseError(e)) throw e;
            await o.telegram.sendMessage(chatId, htmlToPlainText(parts[i]!), { ...link, ...markup });
          }
          return 'sent';
        } catch (e) {
          const code = apiErrorCode(e);
          o.metrics.apiError('telegram', code === undefined ? 'network' : String(code));
          const wait = retryAfterSeconds(e);
          if (wait !== undefined) throw new RetryLaterError(wait * 1000, 'telegram asked to slow down');
          if (isTransient(e)) throw e;
          o.metrics.error('send_refused');
          throw new PermanentJobError(`telegram refused a send (${String(code)})`, { cause: e });
        }
      },
    });
  }

  return {
    channel: 'telegram',
    turn: runTurn,
    send: { queue: QUEUES.sendTelegram, perMinute: o.sendPerMinute ?? 1500, run: runSend },
    enqueue: (env) => o.queue.add<TurnJob>(env.content.type === 'image' ? QUEUES.ocr : QUEUES.turns, key('turn', env.origin.messageId ?? String(env.updateId)), { env }),
  };
}

/** The envelope with its dates back as Dates (they travel as ISO strings). */
function revive(env: UpdateEnvelope): UpdateEnvelope {
  const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : (v as Date | null | undefined));
  const content = { ...env.content } as UpdateEnvelope['content'] & { sentAt?: unknown };
  if ('sentAt' in content && content.sentAt !== undefined) content.sentAt = date(content.sentAt) ?? null;
  return { ...env, origin: { ...env.origin, receivedAt: date(env.origin.receivedAt) ?? new Date() }, content };
}
