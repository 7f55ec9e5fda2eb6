/**
 * The in-process JobQueue for embedded mode (no Redis): the same interface as BullMQ, so channels are written
 * once. Jobs live in this process's memory: retries, per-queue concurrency, the rate limiter and id dedup all
 * work, but a job still queued when the process dies is gone. That is the embedded mode's honest limit; set
 * REDIS_URL for jobs that survive a crash.
 */
import { JOB_DEFAULTS, PermanentJobError, RetryLaterError, type JobHandler, type JobOptions, type JobQueue, type WorkOptions } from './port';

interface Pending {
  id: string;
  data: unknown;
  attempt: number;
  opts: Required<JobOptions>;
}

interface Lane {
  items: Pending[];
  handler?: JobHandler;
  opts?: WorkOptions;
  running: number;
  /** Start times within the limiter's window. */
  starts: number[];
  pausedUntil: number;
  timer?: NodeJS.Timeout;
  /** Jobs waiting for a retry timer. */
  delayed: number;
}

export interface InProcessQueueOptions {
  /** How long a done job's id still dedupes a new add. Default 24 h. */
  dedupeMs?: number;
  /** Called when a job fails for good (after its last attempt, or a PermanentJobError). */
  onFailed?: (queue: string, id: string, error: unknown) => void;
  now?: () => number;
}

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly lanes = new Map<string, Lane>();
  /** Job id → when it may be added again (queued and running jobs: Infinity). */
  private readonly known = new Map<string, number>();
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly options: InProcessQueueOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async add<T>(queue: string, id: string, data: T, opts: JobOptions = {}): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    const key = `${queue}\u0000${id}`;
    const until = this.known.get(key);
    if (until !== undefined && until > this.now()) return;
    this.known.set(key, Infinity);
    this.sweepKnown();
    const lane = this.lane(queue);
    lane.items.push({ id, data, attempt: 1, opts: { ...JOB_DEFAULTS, ...opts } });
    this.pump(queue, lane);
  }

  work<T>(queue: string, handler: JobHandler<T>, opts: WorkOptions): void {
    const lane = this.lane(queue);
    if (lane.handler) throw new Error(`queue ${queue} already has a worker`);
    lane.handler = handler as JobHandler;
    lane.opts = opts;
    this.pump(queue, lane);
  }

  async depth(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [name, lane] of this.lanes) out[name] = lane.items.length + lane.running + lane.delayed;
    return out;
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(drainMs = 10_000): Promise<void> {
    this.closed = true;
    const busy = () => [...this.lanes.values()].some((l) => l.running > 0);
    if (busy()) {
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, drainMs).unref()),
      ]);
    }
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
  }

  private lane(queue: string): Lane {
    let lane = this.lanes.get(queue);
    if (!lane) {
      lane = { items: [], running: 0, starts: [], pausedUntil: 0, delayed: 0 };
      this.lanes.set(queue, lane);
    }
    return lane;
  }

  /** Starts as many queued jobs as concurrency, pause and limiter allow; schedules itself when blocked by time. */
  private pump(queue: string, lane: Lane): void {
    if (!lane.handler || !lane.opts || this.closed) return;
    while (lane.items.length > 0 && lane.running < lane.opts.concurrency) {
      const now = this.now();
      const wait = Math.max(lane.pausedUntil - now, this.limiterWait(lane, now));
      if (wait > 0) {
        if (!lane.timer) {
          lane.timer = setTimeout(() => {
            lane.timer = undefined;
            this.pump(queue, lane);
          }, wait);
          lane.timer.unref();
        }
        return;
      }
      if (lane.opts.limiter) lane.starts.push(now);
      const job = lane.items.shift()!;
      lane.running++;
      void this.run(queue, lane, job);
    }
  }

  private limiterWait(lane: Lane, now: number): number {
    const l = lane.opts?.limiter;
    if (!l) return 0;
    while (lane.starts.length > 0 && lane.starts[0]! <= now - l.durationMs) lane.starts.shift();
    return lane.starts.length < l.max ? 0 : lane.starts[0]! + l.durationMs - now;
  }

  private async run(queue: string, lane: Lane, job: Pending): Promise<void> {
    const key = `${queue}\u0000${job.id}`;
    try {
      await lane.handler!({ id: job.id, data: job.data, attempt: job.attempt });
      this.known.set(key, this.now() + (this.options.dedupeMs ?? 86_400_000));
    } catch (e) {
      if (e instanceof RetryLaterError) {
        lane.pausedUntil = Math.max(lane.pausedUntil, this.now() + e.delayMs);
        lane.items.unshift(job);
      } else if (e instanceof PermanentJobError || job.attempt >= job.opts.attempts) {
        this.known.set(key, this.now() + (this.options.dedupeMs ?? 86_400_000));
        this.options.onFailed?.(queue, job.id, e);
      } else {
        const delay = job.opts.backoffMs * 2 ** (job.attempt - 1);
        lane.delayed++;
        setTimeout(() => {
          lane.delayed--;
          if (this.closed) return;
          lane.items.push({ ...job, attempt: job.attempt + 1 });
          this.pump(queue, lane);
        }, delay).unref();
      }
    } finally {
      lane.running--;
      if (![...this.lanes.values()].some((l) => l.running > 0)) for (const w of this.idleWaiters.splice(0)) w();
      this.pump(queue, lane);
    }
  }

  /** Keeps the dedupe map bounded: drops expired ids once it grows past 100 000. */
  private sweepKnown(): void {
    if (this.known.size < 100_000) return;
    const now = this.now();
    for (const [k, until] of this.known) if (until <= now) this.known.delete(k);
  }
}
