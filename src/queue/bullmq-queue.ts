/**
 * The JobQueue on BullMQ (Redis). Any number of processes add and work the same queues; a job taken by a worker
 * that dies (kill -9, a lost machine) is found stalled once its lock lapses (`lockMs`) and run again by another
 * worker, so an accepted job is not lost. Job ids dedupe adds while the job is kept (a day after it completes),
 * retries back off exponentially, and a queue's limiter holds across every worker.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_DEFAULTS, PermanentJobError, RetryLaterError, type JobHandler, type JobOptions, type JobQueue, type WorkOptions } from './port';

export interface BullmqQueueOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Key prefix for every queue, e.g. "debtshield:q". */
  prefix: string;
  /** How long a worker's lock on a running job lasts (renewed at half); a crashed worker's job runs again after it. Default 30 000 ms. */
  lockMs?: number;
  /** A job found stalled more often than this fails for good. Default 3. */
  maxStalledCount?: number;
  /** Called when a job fails for good. */
  onFailed?: (queue: string, id: string, error: unknown) => void;
}

/** BullMQ refuses ":" in custom job ids. */
const safeId = (id: string) => id.replace(/:/g, '~');
const originalId = (id: string) => id.replace(/~/g, ':');

export class BullmqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  /** Adds, counts and pings: fails at once while Redis is away, so a caller never waits on a dead connection. */
  private readonly producer: Redis;
  /** Workers' connection (BullMQ needs maxRetriesPerRequest null for its blocking calls). */
  private readonly consumer: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];

  constructor(private readonly options: BullmqQueueOptions) {
    // An add that fails fast is safe to retry (the job id dedupes); one held in an offline queue could run after the
    // caller gave up and told the user to resend, and be answered twice.
    this.producer = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    this.consumer = new Redis(options.url, { maxRetriesPerRequest: null });
    this.producer.on('error', () => undefined);
    this.consumer.on('error', () => undefined);
  }

  async add<T>(queue: string, id: string, data: T, opts: JobOptions = {}): Promise<void> {
    const o = { ...JOB_DEFAULTS, ...opts };
    await this.queue(queue).add(queue, data, {
      jobId: safeId(id),
      attempts: o.attempts,
      backoff: { type: 'exponential', delay: o.backoffMs },
      removeOnComplete: { age: 86_400, count: 50_000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  work<T>(queue: string, handler: JobHandler<T>, opts: WorkOptions): void {
    this.queue(queue);
    const worker: Worker = new Worker(
      queue,
      async (job, _token) => {
        try {
          await handler({ id: originalId(job.id ?? ''), data: job.data as T, attempt: Math.max(1, job.attemptsStarted ?? job.attemptsMade + 1) });
        } catch (e) {
          if (e instanceof RetryLaterError) {
            await worker.rateLimit(e.delayMs);
            throw Worker.RateLimitError();
          }
          if (e instanceof PermanentJobError) throw new UnrecoverableError(e.message);
          throw e;
        }
      },
      {
        connection: this.consumer,
        prefix: this.options.prefix,
        concurrency: opts.concurrency,
        limiter: opts.limiter ? { max: opts.limiter.max, duration: opts.limiter.durationMs } : undefined,
        lockDuration: this.options.lockMs ?? 30_000,
        stalledInterval: Math.max(500, Math.round((this.options.lockMs ?? 30_000) / 2)),
        maxStalledCount: this.options.maxStalledCount ?? 3,
      },
    );
    worker.on('error', () => undefined);
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (final) this.options.onFailed?.(queue, originalId(job.id ?? ''), err);
    });
    this.workers.push(worker);
  }

  async depth(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [name, q] of this.queues) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      out[name] = Object.values(c).reduce((a, b) => a + b, 0);
    }
    return out;
  }

  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.producer.ping().then((r) => r === 'PONG'),
        new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 1000, false))),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(drainMs = 10_000): Promise<void> {
    const closing = Promise.all(this.workers.map((w) => w.close()));
    const timedOut = await Promise.race([closing.then(() => false), new Promise<boolean>((r) => setTimeout(r, drainMs, true).unref())]);
    if (timedOut) await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    for (const c of [this.producer, this.consumer]) await c.quit().catch(() => c.disconnect());
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.producer, prefix: this.options.prefix });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }
}
