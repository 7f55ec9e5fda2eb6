/**
 * What the Official Account and WeCom routes share once a callback's envelope is open: read the message, hand it
 * to the pipeline, and build the HTTP answer — "success", or a passive text reply (encrypted in secure mode).
 * Also the XML body parser both routes register.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Metrics } from '../../metrics';
import { EnvelopeError } from './envelope';
import { XmlError } from './xml';
import { describeMessage } from './inbound';
import { sealReply, type EnvelopeKeys } from './envelope';
import { buildXml } from './xml';
import type { ChannelPipeline } from './pipeline';

/** The platforms' acknowledgement: nothing to say now (the reply comes through the send API). */
export const ACK = 'success';

/** Largest callback body: WeChat's XML is a few kB (text ≤ 2 048 bytes, base64 in secure mode). */
export const MAX_CALLBACK_BYTES = 128 * 1024;

/** Lets the scope of `app` read XML (and untyped) bodies as strings of at most `maxBytes`. */
export function acceptXmlBodies(app: FastifyInstance, maxBytes = MAX_CALLBACK_BYTES): void {
  app.addContentTypeParser(['text/xml', 'application/xml', 'text/plain'], { parseAs: 'string', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

/** The HTTP answer to an opened callback: "success", or the passive reply's XML (sealed when `keys` are given). */
export async function answerCallback(fields: Record<string, string>, pipeline: Pick<ChannelPipeline, 'accept'>, keys: EnvelopeKeys | undefined, nowMs: number): Promise<string> {
  const msg = describeMessage(fields);
  if (!msg) return ACK;
  const passive = await pipeline.accept(msg);
  if (!passive) return ACK;
  const created = Math.floor(nowMs / 1000);
  const xml = buildXml({ ToUserName: fields.FromUserName ?? '', FromUserName: fields.ToUserName ?? '', CreateTime: created, MsgType: 'text', Content: passive });
  return keys ? sealReply(keys, xml, String(created), randomBytes(8).readUInt32BE(0).toString()) : xml;
}

/** A single string query parameter, or undefined (absent or repeated). */
export function param(query: unknown, name: string): string | undefined {
  const v = (query as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** What a callback route needs to answer an opened callback. */
export interface AnswerDeps {
  channel: string;
  pipeline: Pick<ChannelPipeline, 'accept'>;
  keys: EnvelopeKeys | undefined;
  metrics?: Metrics;
  now: () => number;
}

/**
 * Opens a POSTed callback with `open` (which checks signatures and decrypts, returning the message's fields or
 * null for 403), answers it, and records the acknowledgement time. Malformed XML answers 400; a body that does not
 * decrypt for this receiver answers 403.
 */
export async function answerPost(reply: FastifyReply, d: AnswerDeps, open: () => Record<string, string> | null): Promise<FastifyReply> {
  const started = performance.now();
  try {
    const fields = open();
    if (!fields) return reply.code(403).type('text/plain').send('forbidden');
    const body = await answerCallback(fields, d.pipeline, d.keys, d.now());
    d.metrics?.ack(d.channel, (performance.now() - started) / 1000);
    return reply.type(body.startsWith('<xml>') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8').send(body);
  } catch (e) {
    if (e instanceof XmlError) return reply.code(400).type('text/plain').send('bad request');
    if (e instanceof EnvelopeError) return reply.code(403).type('text/plain').send('forbidden');
    throw e;
  }
}
