/**
 * The job queue port: slow work (OCR and LLM turns, channel sends) runs as jobs, so front ends answer at once and
 * any number of processes share the work. Two implementations sit behind it: BullMQ on Redis (bullmq-queue.ts),
 * where an accepted job survives a crash of the process running it, and an in-process queue for embedded mode
 * (in-process-queue.ts), where it does not.
 *
 * Jobs are idempotent by id: adding a job whose id is already queued, running or recently done does nothing, so
 * a platform's redelivery of one message becomes one job. Handlers must be safe to run again after a crash
 * (they keep their progress in a JobMemo, memo.ts).
 */

/** Queues the app uses: text turns (LLM), image turns (OCR, CPU-bound, fewer at once), and one per send channel. */
export const QUEUES = {
  turns: 'turns',
  ocr: 'ocr',
  sendWechat: 'send-wechat',
  sendWecom: 'send-wecom',
  sendTelegram: 'send-telegram',
} as const;

export interface Job<T = unknown> {
  id: string;
  data: T;
  /** 1 for the first run; higher when the job is retried (after a failure or a crashed worker). */
  attempt: number;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface JobOptions {
  /** Runs before the job fails for good, the first included. Default 5. */
  attempts?: number;
  /** First retry delay; doubled each retry. Default 1 000 ms. */
  backoffMs?: number;
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency: number;
  /** At most `max` jobs start per `durationMs`, across every process sharing the queue (BullMQ) or in this one. */
  limiter?: { max: number; durationMs: number };
}

export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** Adds a job; a job with the same id already queued, running or done recently is not added again. */
  add<T>(queue: string, id: string, data: T, opts?: JobOptions): Promise<void>;
  /** Starts running the queue's jobs in this process with `handler`. */
  work<T>(queue: string, handler: JobHandler<T>, opts: WorkOptions): void;
  /** Jobs waiting, delayed or running, per queue (known queues only). */
  depth(): Promise<Record<string, number>>;
  /** True when the queue's backend answers. */
  ping(): Promise<boolean>;
  /** Stops taking jobs, lets running ones finish (up to `drainMs`), closes connections. */
  close(drainMs?: number): Promise<void>;
}

/**
 * Thrown by a handler when the platform asked to slow down: the job is retried after `delayMs` and the whole
 * queue pauses that long, so the other jobs do not hit the same limit.
 */
export class RetryLaterError extends Error {
  constructor(readonly delayMs: number, reason: string) {
    super(reason);
    this.name = 'RetryLaterError';
  }
}

/** Thrown by a handler for failures that another run cannot fix (a refused request): the job is not retried. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export const JOB_DEFAULTS = { attempts: 5, backoffMs: 1000 } as const;
