/**
 * The Official Account's (公众号) server URL, GET and POST <path> (default /wechat), as a fastify plugin.
 * GET is the console's URL verification: the plaintext signature over token, timestamp and nonce, answered with
 * echostr. POST carries messages: the signature and the timestamp window are checked first (403 otherwise); in
 * secure mode (WECHAT_ENCODING_AES_KEY set) the body must be encrypted, its msg_signature valid and its plaintext
 * addressed to this AppID. The answer is "success" or a short passive reply, always well within five seconds.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyPluginAsync } from 'fastify';
import type { CoreLogger } from '../../logger';
import type { Metrics } from '../../metrics';
import { methodNotAllowed } from '../../http/app';
import { acceptXmlBodies, answerCallback, param } from './callback';
import { EnvelopeError, openCipher, type EnvelopeKeys } from './envelope';
import { msgSignature, plainSignature, sameDigest, withinWindow, DEFAULT_MAX_SKEW_S } from './signature';
import { parseFlatXml, XmlError } from './xml';
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
    app.post(path, async (req, reply) => {
      const started = performance.now();
      if (!signed(req.query)) {
        log.warn({}, 'callback with a bad signature or outside the time window');
        return reply.code(403).type('text/plain').send('forbidden');
      }
      try {
        let fields = parseFlatXml(typeof req.body === 'string' ? req.body : '');
        if (keys) {
          const ts = param(req.query, 'timestamp')!;
          const cipher = fields.Encrypt;
          if (param(req.query, 'encrypt_type') !== 'aes' || !cipher || !sameDigest(param(req.query, 'msg_signature'), msgSignature(o.token, ts, param(req.query, 'nonce') ?? '', cipher))) {
            log.warn({}, 'secure-mode callback without a valid msg_signature');
            return reply.code(403).type('text/plain').send('forbidden');
          }
          fields = parseFlatXml(openCipher(keys, cipher));
        }
        const body = await answerCallback(fields, o.pipeline, keys, now());
        o.metrics?.ack('wechat', (performance.now() - started) / 1000);
        return reply.type(body.startsWith('<xml>') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8').send(body);
      } catch (e) {
        if (e instanceof XmlError) return reply.code(400).type('text/plain').send('bad request');
        if (e instanceof EnvelopeError) return reply.code(403).type('text/plain').send('forbidden');
        throw e;
      }
    });
    methodNotAllowed(app, path, ['GET', 'HEAD', 'POST']);
  };
}
