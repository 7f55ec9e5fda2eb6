/**
 * The WeChat / WeCom channel end to end, in one process: the real HTTP app (requests injected), the real queue
 * (BullMQ on the real Redis, or the in-process queue), the real core over Redis, workers running the jobs, and
 * the fake platform on loopback receiving the sends. Each harness has its own key prefix.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../../src/http/app';
import { createMetrics, type Metrics } from '../../../src/metrics';
import { BullmqQueue } from '../../../src/queue/bullmq-queue';
import { InProcessQueue } from '../../../src/queue/in-process-queue';
import { MemoryMemo, RedisMemo, type JobMemo } from '../../../src/queue/memo';
import type { JobQueue } from '../../../src/queue/port';
import { createWechatChannel, type PlatformChannel } from '../../../src/channels/wechat/channel';
import { createWecomChannel } from '../../../src/channels/wecom/channel';
import { startWorkers } from '../../../src/channels/workers';
import { RedisStore } from '../../../src/state/redis-store';
import { MemoryStore } from '../../../src/state/memory-store';
import type { OcrPort } from '../../../src/ocr/port';
import { PACKAGE_ROOT } from '../../../src/paths';
import { FakeWechat, platformCallback, type PlatformKeys } from '../../support/fake-wechat';
import { logSink, testDeps } from '../../support/core-deps';
import { deleteKeys, TEST_REDIS_URL } from '../../support/redis-keys';

export const REDIS_URL = TEST_REDIS_URL;

/** Credentials shaped like real ones (the config check would refuse others). */
export const CREDS = {
  token: 'debtshieldTest42',
  appId: 'wx0123456789abcdef',
  appSecret: '0123456789abcdef0123456789abcdef',
  corpId: 'ww0123456789abcdef',
  agentId: 1000002,
  secret: 'wecomSecret_0123456789abcdefXYZ',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

export interface HarnessOptions {
  mode: 'aes' | 'plain' | 'wecom';
  queue: 'bullmq' | 'in-process';
  ocr?: OcrPort;
  /** Messages per user per minute. Default 100. */
  ratePerMinute?: number;
  /** Start workers in this process. Default true. */
  workers?: boolean;
  lockMs?: number;
  /** Reuse a prefix (to share queue, memo and store with another process). */
  prefix?: string;
  encryptionKey?: Buffer;
  fake?: FakeWechat;
}

export interface Harness {
  fake: FakeWechat;
  app: FastifyInstance;
  queue: JobQueue;
  memo: JobMemo;
  metrics: Metrics;
  channel: PlatformChannel;
  keys: PlatformKeys;
  prefix: string;
  logs: () => string;
  /** POSTs a callback as the platform would; returns the status, body and how long the answer took. */
  post(fields: Record<string, string | number>, at?: number): Promise<{ status: number; body: string; ms: number }>;
  startWorkers(): void;
  stop(): Promise<void>;
}

let seq = 0;
/** A fresh user id, shaped like an OpenID. */
export const newUser = () => `oTest_${process.pid}_${++seq}_${randomBytes(3).toString('hex')}`;
/** A fresh MsgId (a 64-bit number as the platform sends it). */
export const newMsgId = () => `${BigInt(Date.now()) * 1000n + BigInt(++seq)}`;

export async function startHarness(o: HarnessOptions): Promise<Harness> {
  const fake = o.fake ?? (await FakeWechat.start());
  const prefix = o.prefix ?? `dstest:wx:${randomBytes(5).toString('hex')}:`;
  const key = o.encryptionKey ?? randomBytes(32);
  const redis = o.queue === 'bullmq' ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
  const store = o.queue === 'bullmq' ? new RedisStore({ url: REDIS_URL, prefix, key, ttlDays: 30, historyTurns: 20 }) : new MemoryStore();
  if (store instanceof RedisStore) await store.connect();
  const sink = logSink();
  const deps = testDeps(store, sink, o.ocr ? { ocr: o.ocr } : {});
  const metrics = createMetrics();
  const queue: JobQueue = o.queue === 'bullmq' ? new BullmqQueue({ url: REDIS_URL, prefix: `${prefix}q`, lockMs: o.lockMs ?? 2000 }) : new InProcessQueue();
  const memo: JobMemo = redis ? new RedisMemo(redis, `${prefix}m:`) : new MemoryMemo();
  metrics.watchQueue(() => queue.depth());
  const common = { turnDeps: deps, queue, memo, metrics, logger: deps.logger, promptsDir: join(PACKAGE_ROOT, 'prompts'), ratePerMinute: o.ratePerMinute ?? 100, sendPerMinute: 600 };
  const channel = o.mode === 'wecom'
    ? createWecomChannel({ ...common, token: CREDS.token, corpId: CREDS.corpId, agentId: CREDS.agentId, secret: CREDS.secret, encodingAesKey: CREDS.aesKey, apiRoot: fake.apiRoot })
    : createWechatChannel({ ...common, token: CREDS.token, appId: CREDS.appId, appSecret: CREDS.appSecret, encodingAesKey: o.mode === 'aes' ? CREDS.aesKey : undefined, apiRoot: fake.apiRoot });
  const app = await buildHttpApp({ logger: deps.logger, store, metrics, queue, routes: [channel.routes] });
  const keys: PlatformKeys = o.mode === 'wecom'
    ? { mode: 'wecom', token: CREDS.token, receiveId: CREDS.corpId, encodingAesKey: CREDS.aesKey, agentId: CREDS.agentId }
    : { mode: o.mode, token: CREDS.token, receiveId: CREDS.appId, encodingAesKey: o.mode === 'aes' ? CREDS.aesKey : undefined };
  const path = o.mode === 'wecom' ? '/wecom' : '/wechat';
  let working = false;
  const h: Harness = {
    fake,
    app,
    queue,
    memo,
    metrics,
    channel,
    keys,
    prefix,
    logs: sink.text,
    async post(fields, at) {
      const { query, body } = platformCallback(keys, fields, at);
      const started = performance.now();
      const res = await app.inject({ method: 'POST', url: `${path}?${query}`, headers: { 'content-type': 'text/xml' }, payload: body });
      return { status: res.statusCode, body: res.body, ms: performance.now() - started };
    },
    startWorkers() {
      if (working) return;
      working = true;
      startWorkers(queue, [channel.jobs], { turnConcurrency: 4, ocrConcurrency: 2 });
    },
    async stop() {
      await app.close();
      await queue.close(3000);
      if (!o.fake) await fake.close();
      if (redis) {
        await redis.quit();
        await deleteKeys(prefix);
      }
      await store.close();
    },
  };
  if (o.workers !== false) h.startWorkers();
  return h;
}

/** A text message's fields. */
export function textMessage(user: string, text: string, msgId = newMsgId(), toUser = 'gh_debtshield'): Record<string, string | number> {
  return { ToUserName: toUser, FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: text, MsgId: msgId };
}
