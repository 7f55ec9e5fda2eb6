/**
 * The Official Account's (公众号) server URL, GET and POST <path> (default /wechat), as a fastify plugin.
 * GET is the console's URL verification: the plaintext signature over token, timestamp and nonce, answered with
 * echostr. POST carries messages: the signature and the timestamp window are checked first (403 otherwise); in
 * secure mode (WECHAT_ENCODING_AES_KEY set) the body must be encrypted, its msg_signature valid and its plaintext
 * addressed to this AppID. The answer is "success" or a short passive reply, always well within five seconds.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import { methodNotAllowed } from '../../http/app';
import { acceptXmlBodies, answerPost, param } from './callback';
import { openCipher, type EnvelopeKeys } from './envelope';
import { msgSignature, plainSignature, sameDigest, withinWindow, DEFAULT_MAX_SKEW_S } from './signature';
import { parseFlatXml } from './xml';
import type { ChannelPipeline } from './pipeline';

export interface WechatRouteOptions {
  /** Default "/wechat". */
  path?: string;
  token: string;
  appId: string;
  /** Secure mode when set; plaintext mode otherwise. */
  encodingAesKey?: string;
  pipeline: Pick<ChannelPipeline, 'accept'>;
  metrics?: Metrics;
  logger: CoreLogger;
  /** Replay window. Default 300 s. */
  maxSkewS?: number;
  now?: () => number;
}

export function wechatRoutes(o: WechatRouteOptions): FastifyPluginAsync {
  const path = o.path ?? '/wechat';
  const now = o.now ?? Date.now;
  const skew = o.maxSkewS ?? DEFAULT_MAX_SKEW_S;
  const keys: EnvelopeKeys | undefined = o.encodingAesKey ? { token: o.token, encodingAesKey: o.encodingAesKey, receiveId: o.appId } : undefined;
  const log = o.logger.child({ channel: 'wechat', component: 'callback' });

  /** The plaintext signature and the timestamp window, shared by GET and POST. */
  const signed = (q: unknown) => {
    const ts = param(q, 'timestamp');
    const nonce = param(q, 'nonce') ?? '';
    return withinWindow(ts, now(), skew) && sameDigest(param(q, 'signature'), plainSignature(o.token, ts!, nonce));
  };

  return async (app) => {
    acceptXmlBodies(app);
    app.get(path, async (req, reply) => {
      const echo = param(req.query, 'echostr');
      if (!signed(req.query) || echo === undefined || echo.length > 512) return reply.code(403).type('text/plain').send('forbidden');
      return reply.type('text/plain; charset=utf-8').send(echo);
    });
    app.post(path, async (req, reply) =>
      answerPost(reply, { channel: 'wechat', pipeline: o.pipeline, keys, metrics: o.metrics, now }, () => {
        if (!signed(req.query)) {
          log.warn({}, 'callback with a bad signature or outside the time window');
          return null;
        }
        const fields = parseFlatXml(typeof req.body === 'string' ? req.body : '');
        if (!keys) return fields;
        const cipher = fields.Encrypt;
        const ts = param(req.query, 'timestamp')!;
        if (param(req.query, 'encrypt_type') !== 'aes' || !cipher || !sameDigest(param(req.query, 'msg_signature'), msgSignature(o.token, ts, param(req.query, 'nonce') ?? '', cipher))) {
          log.warn({}, 'secure-mode callback without a valid msg_signature');
          return null;
        }
        return parseFlatXml(openCipher(keys, cipher));
      }),
    );
    methodNotAllowed(app, path, ['GET', 'HEAD', 'POST']);
  };
}
