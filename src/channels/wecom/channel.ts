/**
 * The WeCom (企业微信) self-built app channel: the Official Account's pipeline over the app message API — no
 * 48-hour window; greeted at most once a day, since WeCom sends enter_agent on every visit.
 */
import { QUEUES } from '../../queue/port';
import { wecomAppEndpoints } from '../wechat/api';
import { createPlatformChannel, type ChannelCommon, type PlatformChannel } from '../wechat/channel';
import { wecomRoutes } from './routes';

export interface WecomChannelOptions extends ChannelCommon {
  token: string;
  corpId: string;
  agentId: number;
  secret: string;
  encodingAesKey: string;
}

export function createWecomChannel(o: WecomChannelOptions): PlatformChannel {
  return createPlatformChannel(
    {
      channel: 'wecom',
      endpoints: wecomAppEndpoints(o.corpId, o.secret, o.agentId),
      tokenKey: `wecom:token:${o.corpId}:${o.agentId}`,
      sendQueue: QUEUES.sendWecom,
      greetEveryMs: 86_400_000,
      routes: (pipeline) => wecomRoutes({ token: o.token, corpId: o.corpId, encodingAesKey: o.encodingAesKey, pipeline, metrics: o.metrics, logger: o.logger, maxSkewS: o.maxSkewS }),
    },
    o,
  );
}
