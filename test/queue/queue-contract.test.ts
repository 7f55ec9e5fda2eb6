/**
 * The JobQueue contract, run against both implementations: the in-process queue and BullMQ on the real Redis
 * (a fresh key prefix per run). Dedup by id, retries with backoff, permanent failures, rate-limit pauses, the
 * limiter, depth and ping; and the memos behind job idempotency.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { BullmqQueue } from '../../src/queue/bullmq-queue';
import { InProcessQueue } from '../../src/queue/in-process-queue';
import { MemoryMemo, RedisMemo } from '../../src/queue/memo';
import { PermanentJobError, RetryLaterError, type Job, type JobQueue } from '../../src/queue/port';
import { deleteKeys, TEST_REDIS_URL as REDIS_URL } from '../support/redis-keys';


const until = async (check: () => boolean, timeoutMs = 8000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const implementations: Array<[string, () => { queue: JobQueue; cleanup: () => Promise<void> }]> = [
  ['in-process', () => {
    const queue = new InProcessQueue();
    return { queue, cleanup: () => queue.close(1000) };
  }],
  ['bullmq', () => {
    const prefix = `dstest:q:${randomBytes(5).toString('hex')}`;
    const queue = new BullmqQueue({ url: REDIS_URL, prefix, lockMs: 2000 });
    return { queue, cleanup: async () => { await queue.close(2000); await deleteKeys(prefix); } };
  }],
];

describe.each(implementations)('JobQueue: %s', (_name, make) => {
  let queue: JobQueue;
  let cleanup: () => Promise<void>;
  beforeEach(() => ({ queue, cleanup } = make()));
  afterEach(() => cleanup());

  it('runs each job once per id, however often it is added', async () => {
    const seen: Array<Job<{ n: number }>> = [];
    queue.work<{ n: number }>('a', async (job) => void seen.push(job), { concurrency: 2 });
    for (let i = 0; i < 3; i++) await queue.add('a', 'msg:1', { n: 1 });
    await queue.add('a', 'msg:2', { n: 2 });
    await until(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    await queue.add('a', 'msg:1', { n: 1 }); // done already: still deduped
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.map((j) => j.id).sort()).toEqual(['msg:1', 'msg:2']);
    expect(seen.every((j) => j.attempt === 1)).toBe(true);
  });

  it('retries a failing job with backoff until it succeeds, and stops on a permanent failure', async () => {
    const attempts: string[] = [];
    queue.work<{ failTimes: number; permanent?: boolean }>('b', async (job) => {
      attempts.push(`${job.id}#${job.attempt}`);
      if (job.data.permanent) throw new PermanentJobError('refused');
      if (job.attempt <= job.data.failTimes) throw new Error('flaky');
    }, { concurrency: 1 });
    await queue.add('b', 'flaky', { failTimes: 2 }, { backoffMs: 50 });
    await queue.add('b', 'refused', { failTimes: 0, permanent: true }, { backoffMs: 50 });
    await until(() => attempts.includes('flaky#3'));
    await new Promise((r) => setTimeout(r, 400));
    expect(attempts.filter((a) => a.startsWith('flaky'))).toEqual(['flaky#1', 'flaky#2', 'flaky#3']);
    expect(attempts.filter((a) => a.startsWith('refused'))).toEqual(['refused#1']);
  });

  it('pauses the queue after a rate-limit error and runs the job again after the delay', async () => {
    const runs: number[] = [];
    queue.work('c', async () => {
      runs.push(Date.now());
      if (runs.length === 1) throw new RetryLaterError(400, 'platform busy');
    }, { concurrency: 1 });
    await queue.add('c', 'x', {});
    await until(() => runs.length >= 2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(350);
  });

  it('starts at most `max` jobs per window', async () => {
    const starts: number[] = [];
    queue.work('d', async () => void starts.push(Date.now()), { concurrency: 4, limiter: { max: 2, durationMs: 500 } });
    for (let i = 0; i < 4; i++) await queue.add('d', `j${i}`, {});
    await until(() => starts.length === 4);
    starts.sort((a, b) => a - b);
    // Without the limiter all four start within milliseconds; with it the third waits for the next window. The
    // first callback may itself run late on a loaded machine, so only half a window is required.
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(250);
  });

  it('reports depth and answers ping', async () => {
    await queue.add('e', 'waiting-1', {});
    await queue.add('e', 'waiting-2', {});
    expect((await queue.depth()).e).toBe(2);
    expect(await queue.ping()).toBe(true);
  });
});

type MemoCase = [string, () => { memo: MemoryMemo | RedisMemo; cleanup: () => Promise<void> }];
describe.each<MemoCase>([
  ['memory', () => ({ memo: new MemoryMemo(), cleanup: async () => undefined })],
  ['redis', () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const prefix = `dstest:m:${randomBytes(5).toString('hex')}:`;
    return { memo: new RedisMemo(redis, prefix), cleanup: async () => { await deleteKeys(prefix); await redis.quit(); } };
  }],
])('JobMemo: %s', (_name, make) => {
  it('gets, sets with a TTL, sets only when absent, deletes', async () => {
    const { memo, cleanup } = make();
    try {
      expect(await memo.get('k')).toBeNull();
      expect(await memo.setIfAbsent('k', 'a', 10_000)).toBe(true);
      expect(await memo.setIfAbsent('k', 'b', 10_000)).toBe(false);
      expect(await memo.get('k')).toBe('a');
      await memo.set('short', 'v', 50);
      await new Promise((r) => setTimeout(r, 120));
      expect(await memo.get('short')).toBeNull();
      await memo.delete('k');
      expect(await memo.get('k')).toBeNull();
    } finally {
      await cleanup();
    }
  });
});
