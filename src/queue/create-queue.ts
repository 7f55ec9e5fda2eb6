/**
 * The queue and memo the config asks for: BullMQ and a Redis memo when REDIS_URL is set, else the in-process
 * queue and a memory memo (embedded mode).
 */
import { Redis } from 'ioredis';
import type { Config } from '../config';
import { BullmqQueue } from './bullmq-queue';
import { InProcessQueue } from './in-process-queue';
import { MemoryMemo, RedisMemo, type JobMemo } from './memo';
import type { JobQueue } from './port';

export interface QueueParts {
  queue: JobQueue;
  memo: JobMemo;
  /** Closes the queue (draining running jobs up to `drainMs`) and the memo's connection. */
  close(drainMs?: number): Promise<void>;
}

/** Builds the queue and memo; `onFailed` hears about jobs that failed for good. */
export function createQueue(config: Pick<Config, 'redis' | 'state' | 'queue'>, onFailed?: (queue: string, id: string, e: unknown) => void): QueueParts {
  if (!config.redis) {
    const queue = new InProcessQueue({ onFailed });
    return { queue, memo: new MemoryMemo(), close: (ms) => queue.close(ms) };
  }
  const queue = new BullmqQueue({ url: config.redis.url, prefix: `${config.state.prefix}q`, lockMs: config.queue.lockMs, onFailed });
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2, connectTimeout: 2000 });
  redis.on('error', () => undefined);
  return {
    queue,
    memo: new RedisMemo(redis, `${config.state.prefix}m:`),
    close: async (ms) => {
      await queue.close(ms);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
