/**
 * The Official Account (公众号) channel assembled, and the assembly WeCom shares: the API client (sends, media,
 * menu), the pipeline over the queue, and the callback routes. main.ts mounts `routes` on the HTTP app and hands
 * `jobs` to the workers; one process may do both.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { JobMemo } from '../../queue/memo';
import { QUEUES, type JobQueue } from '../../queue/port';
import type { ChannelJobs } from '../workers';
import { officialAccountEndpoints, PlatformApi, type PlatformEndpoints } from './api';
import { createPipeline, type ChannelPipeline } from './pipeline';
import { wechatRoutes } from './routes';
import { loadWechatTexts, platformMenu, type WechatTexts } from './texts';

/** The platform's customer-service window: 48 hours after the user's last message. */
export const SERVICE_WINDOW_MS = 48 * 3_600_000;

/** What every platform channel is built from, besides its own credentials. */
export interface ChannelCommon {
  apiRoot: string;
  sendPerMinute: number;
  /** Messages per user per minute (RATE_LIMIT_PER_MINUTE). */
  ratePerMinute: number;
  /** Images and links per user per minute (RATE_LIMIT_EVIDENCE_PER_MINUTE). */
  evidencePerMinute?: number;
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

export interface WechatChannelOptions extends ChannelCommon {
  token: string;
  appId: string;
  appSecret: string;
  encodingAesKey?: string;
}

export interface PlatformChannel {
  routes: FastifyPluginAsync;
  jobs: ChannelJobs;
  pipeline: ChannelPipeline;
  api: PlatformApi;
  /** Publishes the menu from wechat.yaml to the platform. */
  publishMenu(): Promise<void>;
}

/** How one platform differs: its name, endpoints, send queue, window and routes. */
export interface PlatformSpec {
  channel: 'wechat' | 'wecom';
  endpoints: PlatformEndpoints;
  tokenKey: string;
  sendQueue: string;
  serviceWindowMs?: number;
  greetEveryMs?: number;
  routes(pipeline: ChannelPipeline): FastifyPluginAsync;
}

/** Builds a platform channel from its spec and the shared parts. */
export function createPlatformChannel(spec: PlatformSpec, o: ChannelCommon): PlatformChannel {
  const texts = o.texts ?? loadWechatTexts(o.promptsDir);
  const api = new PlatformApi({ apiRoot: o.apiRoot, endpoints: spec.endpoints, memo: o.memo, tokenKey: spec.tokenKey, onError: (code) => o.metrics.apiError(spec.channel, code) });
  const pipeline = createPipeline({
    channel: spec.channel,
    sendQueue: spec.sendQueue,
    turnDeps: o.turnDeps,
    queue: o.queue,
    memo: o.memo,
    api,
    texts,
    metrics: o.metrics,
    logger: o.logger,
    ratePerMinute: o.ratePerMinute,
    evidencePerMinute: o.evidencePerMinute,
    sendPerMinute: o.sendPerMinute,
    serviceWindowMs: spec.serviceWindowMs,
    greetEveryMs: spec.greetEveryMs,
  });
  return { routes: spec.routes(pipeline), jobs: pipeline, pipeline, api, publishMenu: () => api.createMenu(platformMenu(texts.menu)) };
}

/** The Official Account channel: customer-service messages within the 48-hour window. */
export function createWechatChannel(o: WechatChannelOptions): PlatformChannel {
  return createPlatformChannel(
    {
      channel: 'wechat',
      endpoints: officialAccountEndpoints(o.appId, o.appSecret),
      tokenKey: `wechat:token:${o.appId}`,
      sendQueue: QUEUES.sendWechat,
      serviceWindowMs: SERVICE_WINDOW_MS,
      routes: (pipeline) => wechatRoutes({ token: o.token, appId: o.appId, encodingAesKey: o.encodingAesKey, pipeline, metrics: o.metrics, logger: o.logger, maxSkewS: o.maxSkewS }),
    },
    o,
  );
}
