/**
 * The worker side of every queued channel. The turn queues (text turns, OCR turns) are shared by the channels,
 * so one worker per queue routes each job to its channel by the job id's prefix ("wechat:…", "wecom:…"); each
 * channel's sends have a queue of their own, with that platform's rate limit.
 *
 * Turns and sends may run in different processes: main.ts runs the sends in web processes and the turns in
 * worker processes. A send is the one step that cannot be made idempotent (the platforms' send APIs take no
 * idempotency key), so it runs where the event loop is never held up by CPU-bound turns: the gap between the
 * platform accepting a part and the record of it stays a millisecond, and a worker killed mid-OCR has no sends in
 * flight.
 */
import type { Job, JobHandler, JobQueue } from '../queue/port';
import { QUEUES } from '../queue/port';

/** What a channel runs on the queue. */
export interface ChannelJobs {
  /** The prefix of this channel's job ids. */
  channel: string;
  turn: JobHandler<never>;
  send: { queue: string; perMinute: number; run: JobHandler<never> };
}

export interface WorkerOptions {
  /** Run the turn queues here. Default true. */
  turns?: boolean;
  /** Run the send queues here. Default true. */
  sends?: boolean;
  turnConcurrency: number;
  ocrConcurrency: number;
  /** Sends running at once per channel in this process. Default 4. */
  sendConcurrency?: number;
}

/** Starts the workers for `channels` in this process. */
export function startWorkers(queue: JobQueue, channels: ChannelJobs[], opts: WorkerOptions): void {
  if (channels.length === 0) return;
  const byPrefix = new Map(channels.map((c) => [`${c.channel}:`, c.turn as JobHandler<unknown>]));
  const route: JobHandler<unknown> = async (job: Job<unknown>) => {
    const handler = byPrefix.get(job.id.slice(0, job.id.indexOf(':') + 1));
    // A job of a channel this process does not serve (a misconfigured fleet) fails loudly instead of vanishing.
    if (!handler) throw new Error(`no handler for job ${job.id.slice(0, 16)}`);
    await handler(job);
  };
  if (opts.turns !== false) {
    queue.work(QUEUES.turns, route, { concurrency: opts.turnConcurrency });
    queue.work(QUEUES.ocr, route, { concurrency: opts.ocrConcurrency });
  }
  if (opts.sends === false) return;
  for (const c of channels) {
    queue.work(c.send.queue, c.send.run as JobHandler<unknown>, { concurrency: opts.sendConcurrency ?? 4, limiter: sendLimiter(c.send.perMinute) });
  }
}

/**
 * A per-minute budget as one-second windows (or one send per window below 60 a minute): the limiter counts fixed
 * windows, and a minute-long window could let through twice the budget in a rolling minute straddling two windows.
 * One-second windows keep any rolling minute within the budget plus one second's share.
 */
export function sendLimiter(perMinute: number): { max: number; durationMs: number } {
  return perMinute >= 60 ? { max: Math.floor(perMinute / 60), durationMs: 1000 } : { max: 1, durationMs: Math.ceil(60_000 / perMinute) };
}
