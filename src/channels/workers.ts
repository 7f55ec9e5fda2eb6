/**
 * The worker side of every queued channel. The turn queues (text turns, OCR turns) are shared by the channels,
 * so one worker per queue routes each job to its channel by the job id's prefix ("wechat:…", "wecom:…"); each
 * channel's sends have a queue of their own, with that platform's rate limit.
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
  queue.work(QUEUES.turns, route, { concurrency: opts.turnConcurrency });
  queue.work(QUEUES.ocr, route, { concurrency: opts.ocrConcurrency });
  for (const c of channels) {
    queue.work(c.send.queue, c.send.run as JobHandler<unknown>, { concurrency: opts.sendConcurrency ?? 4, limiter: { max: c.send.perMinute, durationMs: 60_000 } });
  }
}
