/**
 * A WeCom (企业微信) self-built app's callback URL, GET and POST <path> (default /wecom), as a fastify plugin.
 * WeCom always encrypts: GET verification decrypts echostr after checking msg_signature over it and answers the
 * plaintext; POST checks the timestamp window and msg_signature over the Encrypt field, decrypts it (the receiver
 * id must be this CorpID) and answers "success" or a short encrypted passive reply. The message itself goes the
 * same way as the Official Account's (../wechat/pipeline.ts), sent back through the app message API.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import { methodNotAllowed } from '../../http/app';
import { acceptXmlBodies, answerPost, param } from '../wechat/callback';
import { openCipher, type EnvelopeKeys } from '../wechat/envelope';
import { msgSignature, sameDigest, withinWindow, DEFAULT_MAX_SKEW_S } from '../wechat/signature';
import { parseFlatXml } from '../wechat/xml';
import type { ChannelPipeline } from '../wechat/pipeline';

export interface WecomRouteOptions {
  /** Default "/wecom". */
  path?: string;
  token: string;
  corpId: string;
  encodingAesKey: string;
  pipeline: Pick<ChannelPipeline, 'accept'>;
  metrics?: Metrics;
  logger: CoreLogger;
  maxSkewS?: number;
  now?: () => number;
}

export function wecomRoutes(o: WecomRouteOptions): FastifyPluginAsync {
  const path = o.path ?? '/wecom';
  const now = o.now ?? Date.now;
  const skew = o.maxSkewS ?? DEFAULT_MAX_SKEW_S;
  const keys: EnvelopeKeys = { token: o.token, encodingAesKey: o.encodingAesKey, receiveId: o.corpId };
  const log = o.logger.child({ channel: 'wecom', component: 'callback' });

  /** msg_signature over `cipher` and the timestamp window. */
  const signed = (q: unknown, cipher: string | undefined) => {
    const ts = param(q, 'timestamp');
    return cipher !== undefined && withinWindow(ts, now(), skew) && sameDigest(param(q, 'msg_signature'), msgSignature(o.token, ts!, param(q, 'nonce') ?? '', cipher));
  };

  return async (app) => {
    acceptXmlBodies(app);
    app.get(path, async (req, reply) => {
      const echo = param(req.query, 'echostr');
      if (!signed(req.query, echo)) return reply.code(403).type('text/plain').send('forbidden');
      try {
        return reply.type('text/plain; charset=utf-8').send(openCipher(keys, echo!));
      } catch {
        return reply.code(403).type('text/plain').send('forbidden');
      }
    });
    app.post(path, async (req, reply) =>
      answerPost(reply, { channel: 'wecom', pipeline: o.pipeline, keys, metrics: o.metrics, now }, () => {
        const outer = parseFlatXml(typeof req.body === 'string' ? req.body : '');
        if (!signed(req.query, outer.Encrypt)) {
          log.warn({}, 'callback with a bad msg_signature or outside the time window');
          return null;
        }
        return parseFlatXml(openCipher(keys, outer.Encrypt!));
      }),
    );
    methodNotAllowed(app, path, ['GET', 'HEAD', 'POST']);
  };
}
