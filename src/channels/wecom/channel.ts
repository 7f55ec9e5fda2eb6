/**
 * The WeCom (企业微信) self-built app channel assembled: the same pipeline as the Official Account over the app
 * message API (no 48-hour window; greeted at most once a day, since WeCom sends enter_agent on every visit).
 */
import type { TurnDeps } from '../../conversation/deps';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import type { JobMemo } from '../../queue/memo';
import { QUEUES, type JobQueue } from '../../queue/port';
import { PlatformApi, wecomAppEndpoints } from '../wechat/api';
import type { PlatformChannel } from '../wechat/channel';
import { createPipeline } from '../wechat/pipeline';
import { loadWechatTexts, platformMenu, type WechatTexts } from '../wechat/texts';
import { wecomRoutes } from './routes';

export interface WecomChannelOptions {
  token: string;
  corpId: string;
  agentId: number;
  secret: string;
  encodingAesKey: string;
  apiRoot: string;
  sendPerMinute: number;
  ratePerMinute: number;
  promptsDir: string;
  turnDeps: TurnDeps;
  queue: JobQueue;
  memo: JobMemo;
  metrics: Metrics;
  logger: CoreLogger;
  texts?: WechatTexts;
  maxSkewS?: number;
}

export function createWecomChannel(o: WecomChannelOptions): PlatformChannel {
  const texts = o.texts ?? loadWechatTexts(o.promptsDir);
  const api = new PlatformApi({
    apiRoot: o.apiRoot,
    endpoints: wecomAppEndpoints(o.corpId, o.secret, o.agentId),
    memo: o.memo,
    tokenKey: `wecom:token:${o.corpId}:${o.agentId}`,
    onError: (code) => o.metrics.apiError('wecom', code),
  });
  const pipeline = createPipeline({
    channel: 'wecom',
    sendQueue: QUEUES.sendWecom,
    turnDeps: o.turnDeps,
    queue: o.queue,
    memo: o.memo,
    api,
    texts,
    metrics: o.metrics,
    logger: o.logger,
    ratePerMinute: o.ratePerMinute,
    sendPerMinute: o.sendPerMinute,
    greetEveryMs: 86_400_000,
  });
  return {
    routes: wecomRoutes({ token: o.token, corpId: o.corpId, encodingAesKey: o.encodingAesKey, pipeline, metrics: o.metrics, logger: o.logger, maxSkewS: o.maxSkewS }),
    jobs: pipeline,
    pipeline,
    api,
    publishMenu: () => api.createMenu(platformMenu(texts.menu)),
  };
}
