/**
 * The path of a WeChat or WeCom message, shared by both platforms. The HTTP side (`accept`) must answer within
 * five seconds, so it only rate-limits, notes when the user last wrote, and puts the message on the queue — the
 * job id is the platform's MsgId, so the platform's three retries become one job. The worker side runs the turn
 * (downloading media, OCR, LLM) and queues the reply's parts for the sender, which delivers them through the
 * customer-service / app message API, within the platform's rate limit, one part at a time.
 *
 * Exactly-once as far as the platform allows: a turn's reply is memoised by message id before it is queued for
 * sending, so a turn job run again after a crash sends the memoised reply instead of running the turn twice;
 * the sender claims and records each part (../deliver-parts.ts), so a send job run again skips them. (The core is
 * not handed the message id: its own redelivery check would turn a retried job into an empty reply.)
 *
 * The Official Account may only send customer-service messages within 48 hours of the user's last message. A
 * reply that meets a closed window (errcode 45015/45047, or a last message known to be older) is held and
 * delivered as the passive reply to the user's next message, introduced as a late reply.
 */
import { handleTurn } from '../../conversation/conversation';
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { JobMemo } from '../../queue/memo';
import { PermanentJobError, QUEUES, RetryLaterError, type Job, type JobQueue } from '../../queue/port';
import { ChannelRateLimits, defaultEvidencePerMinute, RATE_LIMIT_REPLY } from '../rate-limit';
import { backoffMsFor, PlatformApiError, type PlatformApi } from './api';
import { carriesEvidence, toInbound, type WechatMessage } from './inbound';
import { KeyedChain } from '../../keyed-chain';
import { replyParts } from './render';
import { splitByBytes, WECHAT_TEXT_MAX_BYTES } from './split-bytes';
import type { WechatTexts } from './texts';
import type { ChannelJobs } from '../workers';
import { deliverParts } from '../deliver-parts';

export interface PipelineOptions {
  /** "wechat" or "wecom": the channel name in user keys, memo keys, job ids and metrics. */
  channel: string;
  /** The queue of this platform's sends (its own rate limit). */
  sendQueue: string;
  turnDeps: TurnDeps;
  queue: JobQueue;
  memo: JobMemo;
  api: PlatformApi;
  texts: WechatTexts;
  metrics: Metrics;
  logger: CoreLogger;
  /** Messages per user per minute before the "slow down" reply (RATE_LIMIT_PER_MINUTE). */
  ratePerMinute: number;
  /** Images and links per user per minute (RATE_LIMIT_EVIDENCE_PER_MINUTE). Default 3 × ratePerMinute, at least 60. */
  evidencePerMinute?: number;
  /** Sends per minute across every process (the platform's limit, with room to spare). */
  sendPerMinute: number;
  /** The customer-service window; undefined where the platform has none (WeCom apps). */
  serviceWindowMs?: number;
  /** Greet at most once per this long per user (WeCom sends enter_agent on every visit). Default: every time. */
  greetEveryMs?: number;
  /** Largest message part. Default 2 048 bytes. */
  maxPartBytes?: number;
  /** Largest image downloaded. Default 10 MB. */
  maxDownloadBytes?: number;
  /** Time allowed to put a message on the queue before the user is told to resend. Default 3 000 ms. */
  enqueueTimeoutMs?: number;
  now?: () => number;
}

/** A turn job's payload. */
export interface TurnJob {
  msg: WechatMessage;
  /** When the webhook received it, ms. */
  receivedAt: number;
}

/** A send job's payload: the parts of one reply, for one user. */
export interface SendJob {
  user: string;
  parts: string[];
}

export interface ChannelPipeline extends ChannelJobs {
  /** HTTP side: takes a message; resolves with a passive reply's text, or undefined to answer "success". */
  accept(msg: WechatMessage): Promise<string | undefined>;
}

const DAY = 86_400_000;

export function createPipeline(o: PipelineOptions): ChannelPipeline {
  const now = o.now ?? Date.now;
  const maxPart = o.maxPartBytes ?? WECHAT_TEXT_MAX_BYTES;
  const maxDownload = o.maxDownloadBytes ?? 10_000_000;
  const limits = new ChannelRateLimits({ messagesPerMinute: o.ratePerMinute, evidencePerMinute: o.evidencePerMinute ?? defaultEvidencePerMinute(o.ratePerMinute) });
  const chain = new KeyedChain();
  const log = o.logger.child({ channel: o.channel });
  const key = (what: string, id: string) => `${o.channel}:${what}:${id}`;

  /** Holds parts that could not be delivered (appended to any held before) for the user's next message. */
  async function hold(user: string, parts: string[]): Promise<void> {
    const before = JSON.parse((await o.memo.get(key('held', user))) ?? '[]') as string[];
    await o.memo.set(key('held', user), JSON.stringify([...before, ...parts]), 7 * DAY);
    o.metrics.error('reply_held');
  }

  /** The passive reply that delivers held parts: the late-reply line and as much as fits; the rest is queued. */
  async function releaseHeld(msg: WechatMessage, raw: string): Promise<string | undefined> {
    await o.memo.delete(key('held', msg.user));
    const [first, ...rest] = splitByBytes(`${o.texts.text('held_intro')}\n\n${(JSON.parse(raw) as string[]).join('\n\n')}`, maxPart);
    if (rest.length) await o.queue.add<SendJob>(o.sendQueue, key('held', msg.id), { user: msg.user, parts: rest });
    return first;
  }

  /** Queues the turn, retrying for up to enqueueTimeoutMs (a Redis restart takes about a second); the id dedupes retries. */
  async function enqueue(msg: WechatMessage): Promise<void> {
    const queue = msg.content.type === 'image' ? QUEUES.ocr : QUEUES.turns;
    const deadline = now() + (o.enqueueTimeoutMs ?? 3000);
    for (;;) {
      try {
        return await o.queue.add<TurnJob>(queue, key('turn', msg.id), { msg, receivedAt: now() });
      } catch (e) {
        if (now() + 200 > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async function accept(msg: WechatMessage): Promise<string | undefined> {
    if (msg.content.type === 'greeting' && o.greetEveryMs) {
      if (!(await o.memo.setIfAbsent(key('greeted', msg.user), '1', o.greetEveryMs).catch(() => true))) return undefined;
    }
    // Images and links are evidence: a higher limit, and a refusal that says they were not kept.
    const kind = carriesEvidence(msg.content) ? 'evidence' : 'message';
    const decision = limits.hit(`${o.channel}:${msg.user}`, kind);
    if (!decision.allowed) return decision.notify ? o.turnDeps.replies.text(RATE_LIMIT_REPLY[kind]) : undefined;
    // Noting the time and reading held replies are best effort; only queuing the message decides the answer.
    const noted = o.serviceWindowMs ? o.memo.set(key('last', msg.user), String(now()), o.serviceWindowMs + DAY).catch(() => undefined) : undefined;
    const heldRead = o.memo.get(key('held', msg.user)).catch(() => null);
    try {
      await enqueue(msg);
      await noted;
    } catch (e) {
      log.warn({ err: { name: (e as Error).name, reason: (e as Error).message } }, 'message not queued');
      o.metrics.error('enqueue_failed');
      return o.texts.text('busy');
    }
    const held = await heldRead;
    return held ? releaseHeld(msg, held).catch(() => undefined) : undefined;
  }

  async function runTurn(job: Job<TurnJob>): Promise<void> {
    const { msg, receivedAt } = job.data;
    const memoKey = key('reply', msg.id);
    let parts = JSON.parse((await o.memo.get(memoKey)) ?? 'null') as string[] | null;
    if (!parts) {
      parts = await chain.run(msg.user, async () => {
        const inbound = await toInbound(
          msg,
          { channel: o.channel, texts: o.texts, maxDownloadBytes: maxDownload, download: (id) => o.api.downloadMedia(id, maxDownload) },
          new Date(receivedAt),
        );
        let kind = 'fixed';
        let out: string[];
        if ('reply' in inbound) out = splitByBytes(inbound.reply, maxPart);
        else {
          const reply = await handleTurn(inbound, { ...o.turnDeps, logger: log.child({ job: job.id, attempt: job.attempt }) });
          kind = reply.kind;
          if (reply.kind === 'error') o.metrics.error('turn_error_reply');
          out = replyParts(reply, o.texts, maxPart);
        }
        // Two runs of one job (a worker thought dead that was only slow) keep the first reply, so what is sent
        // never mixes two different replies.
        if (!(await o.memo.setIfAbsent(memoKey, JSON.stringify(out), 2 * DAY))) return JSON.parse((await o.memo.get(memoKey))!) as string[];
        o.metrics.turn(o.channel, kind, (now() - receivedAt) / 1000);
        return out;
      });
    }
    if (parts.length) await o.queue.add<SendJob>(o.sendQueue, key('send', msg.id), { user: msg.user, parts });
  }

  async function runSend(job: Job<SendJob>): Promise<void> {
    const { user, parts } = job.data;
    await deliverParts({
      memo: o.memo,
      key: key('sent', job.id),
      count: parts.length,
      now,
      before: async (i) => {
        if (!o.serviceWindowMs) return true;
        const last = Number((await o.memo.get(key('last', user))) ?? 0);
        if (!last || now() - last <= o.serviceWindowMs) return true;
        await hold(user, parts.slice(i));
        return false;
      },
      send: async (i) => {
        try {
          await o.api.sendText(user, parts[i]!);
          return 'sent';
        } catch (e) {
          if (!(e instanceof PlatformApiError)) throw e;
          if (e.kind === 'window_closed') {
            await hold(user, parts.slice(i));
            return 'stop';
          }
          if (e.kind === 'rate_limited') throw new RetryLaterError(backoffMsFor(e.errcode), e.message);
          o.metrics.error('send_refused');
          throw new PermanentJobError(e.message, { cause: e });
        }
      },
    });
  }

  return {
    channel: o.channel,
    accept,
    turn: runTurn,
    send: { queue: o.sendQueue, perMinute: o.sendPerMinute, run: runSend },
  };
}
