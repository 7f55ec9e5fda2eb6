/**
 * The Official Account (公众号) channel assembled: the API client (customer-service messages, media, menu), the
 * pipeline over the queue, and the callback routes. main.ts mounts `routes` on the HTTP app (web role) and hands
 * `jobs` to the workers (worker role); one process may do both.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { JobMemo } from '../../queue/memo';
import { QUEUES, type JobQueue } from '../../queue/port';
import type { ChannelJobs } from '../workers';
import { officialAccountEndpoints, PlatformApi } from './api';
import { createPipeline, type ChannelPipeline } from './pipeline';
import { wechatRoutes } from './routes';
import { loadWechatTexts, platformMenu, type WechatTexts } from './texts';

/** The platform's customer-service window: 48 hours after the user's last message. */
export const SERVICE_WINDOW_MS = 48 * 3_600_000;

export interface WechatChannelOptions {
  token: string;
  appId: string;
  appSecret: string;
  encodingAesKey?: string;
  apiRoot: string;
  sendPerMinute: number;
  /** Messages per user per minute (RATE_LIMIT_PER_MINUTE). */
  ratePerMinute: number;
  promptsDir: string;
  turnDeps: TurnDeps;
  queue: JobQueue;
  memo: JobMemo;
  metrics: Metrics;
  logger: CoreLogger;
  texts?: WechatTexts;
  /** Replay window of callbacks. Default 300 s. */
  maxSkewS?: number;
}

export interface PlatformChannel {
  routes: FastifyPluginAsync;
  jobs: ChannelJobs;
  pipeline: ChannelPipeline;
  api: PlatformApi;
  /** Publishes the menu from wechat.yaml to the platform. */
  publishMenu(): Promise<void>;
}

export function createWechatChannel(o: WechatChannelOptions): PlatformChannel {
  const texts = o.texts ?? loadWechatTexts(o.promptsDir);
  const api = new PlatformApi({
    apiRoot: o.apiRoot,
    endpoints: officialAccountEndpoints(o.appId, o.appSecret),
    memo: o.memo,
    tokenKey: `wechat:token:${o.appId}`,
    onError: (code) => o.metrics.apiError('wechat', code),
  });
  const pipeline = createPipeline({
    channel: 'wechat',
    sendQueue: QUEUES.sendWechat,
    turnDeps: o.turnDeps,
    queue: o.queue,
    memo: o.memo,
    api,
    texts,
    metrics: o.metrics,
    logger: o.logger,
    ratePerMinute: o.ratePerMinute,
    sendPerMinute: o.sendPerMinute,
    serviceWindowMs: SERVICE_WINDOW_MS,
  });
  return {
    routes: wechatRoutes({ token: o.token, appId: o.appId, encodingAesKey: o.encodingAesKey, pipeline, metrics: o.metrics, logger: o.logger, maxSkewS: o.maxSkewS }),
    jobs: pipeline,
    pipeline,
    api,
    publishMenu: () => api.createMenu(platformMenu(texts.menu)),
  };
}
