/**
 * The local web chat: a page (prompts/web-chat.html) and POST /api/chat, a thin adapter that maps a JSON request
 * to an InboundMessage and returns the OutboundReply as JSON. The browser keeps a random user id.
 *
 * Hardened against other sites (issue #12 item 7): requests must name an allowed Host (no DNS rebinding); a
 * POST must come from the page's own origin (Origin and Sec-Fetch-Site checked when sent) and carry the CSRF
 * token the page was served with, which must match its SameSite=Strict, HttpOnly cookie (double submit); the page
 * runs under a CSP with per-response nonces and frame-ancestors 'none'; POSTs are rate limited per IP
 * (@fastify/rate-limit) and per user id (screenshots against their own, higher limit). A reply's files (the
 * /export file) come back as data URLs the page offers for download.
 */
import { randomBytes, randomUUID, createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { handleTurn } from '../../conversation/conversation';
import { replyForBrowser } from './reply-images';
import type { TurnDeps } from '../../conversation/deps';
import type { InboundMessage } from '../../message';
import { methodNotAllowed } from '../../http/app';
import { ChannelRateLimits, defaultEvidencePerMinute, RATE_LIMIT_REPLY } from '../rate-limit';

export interface WebChatOptions {
  deps: TurnDeps;
  promptsDir: string;
  /** Host header values served (host:port, lower case). */
  allowedHosts: string[];
  /** POSTs per IP per minute. Default 60. */
  ratePerIpPerMinute?: number;
  /** Messages per user id per minute (RATE_LIMIT_PER_MINUTE). Default 20. */
  ratePerUserPerMinute?: number;
  /** Screenshots per user id per minute (RATE_LIMIT_EVIDENCE_PER_MINUTE). Default 3 × the message limit, at least 60. */
  evidencePerUserPerMinute?: number;
}

/** Largest request accepted: a screenshot in base64 plus some JSON. */
const MAX_BODY = 14_000_000;
const CSRF_COOKIE = 'ds_csrf';

/** The web chat's routes over the core, as a fastify plugin. */
export function webChatRoutes(o: WebChatOptions): FastifyPluginAsync {
  const page = readFileSync(join(o.promptsDir, 'web-chat.html'), 'utf8');
  const allowed = new Set(o.allowedHosts.map((h) => h.toLowerCase()));
  const messagesPerMinute = o.ratePerUserPerMinute ?? 20;
  const users = new ChannelRateLimits({ messagesPerMinute, evidencePerMinute: o.evidencePerUserPerMinute ?? defaultEvidencePerMinute(messagesPerMinute) });

  const hostAllowed = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!allowed.has((req.headers.host ?? '').toLowerCase())) return reply.code(403).send({ ok: false, error: 'host not allowed' });
  };

  return async (app) => {
    app.get('/', { onRequest: hostAllowed }, async (_req, reply) => {
      const token = randomBytes(24).toString('base64url');
      const nonces = (reply as FastifyReply & { cspNonce?: { script: string; style: string } }).cspNonce;
      const html = page
        .replace('{{csrf}}', token)
        .replace('<script>', `<script nonce="${nonces?.script ?? ''}">`)
        .replace('<style>', `<style nonce="${nonces?.style ?? ''}">`);
      return reply
        .header('set-cookie', `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(html);
    });
    methodNotAllowed(app, '/', ['GET', 'HEAD']);

    app.post('/api/chat', {
      bodyLimit: MAX_BODY,
      config: { rateLimit: { max: o.ratePerIpPerMinute ?? 60, timeWindow: 60_000 } },
      onRequest: async (req, reply) => {
        await hostAllowed(req, reply);
        if (reply.sent) return;
        if (!sameOrigin(req, allowed) || !csrfMatches(req)) return reply.code(403).send({ ok: false, error: 'cross-site request refused' });
      },
      handler: async (req, reply) => {
        const msg = toInbound(req.body);
        if (!msg) return reply.code(400).send({ ok: false, error: 'expected {user, text} or {user, button} or {user, image, mime}' });
        const kind = msg.kind === 'image' ? 'evidence' : 'message';
        const decision = users.hit(`web:${msg.userId}`, kind);
        if (!decision.allowed) return reply.code(429).send({ ok: false, error: 'rate limited', notice: o.deps.replies.text(RATE_LIMIT_REPLY[kind]) });
        return { ok: true, reply: replyForBrowser(await handleTurn(msg, o.deps)) };
      },
    });
    methodNotAllowed(app, '/api/chat', ['POST']);
  };
}

/** Origin (when sent) names an allowed host, and Sec-Fetch-Site (when sent) says the page itself made the call. */
function sameOrigin(req: FastifyRequest, allowed: Set<string>): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && allowed.has(u.host.toLowerCase()) && u.host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** The X-CSRF-Token header equals the ds_csrf cookie (constant time). */
function csrfMatches(req: FastifyRequest): boolean {
  const header = req.headers['x-csrf-token'];
  const cookie = cookieValue(req.headers.cookie, CSRF_COOKIE);
  if (typeof header !== 'string' || !cookie || header.length < 16) return false;
  const a = createHash('sha256').update(header).digest();
  const b = createHash('sha256').update(cookie).digest();
  return timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Maps the page's JSON to an inbound message, or undefined if it is not one. */
export function toInbound(v: unknown): InboundMessage | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.user !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(o.user)) return undefined;
  const base = { channel: 'web', userId: o.user, messageId: randomUUID(), receivedAt: new Date() };
  if (typeof o.button === 'string' && o.button.length <= 64) return { ...base, kind: 'button', id: o.button };
  if (typeof o.image === 'string' && typeof o.mime === 'string') {
    return { ...base, kind: 'image', bytes: Buffer.from(o.image, 'base64'), mimeType: o.mime };
  }
  if (typeof o.text !== 'string') return undefined;
  const cmd = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(o.text.trim());
  if (cmd) return { ...base, kind: 'command', name: cmd[1]!, args: cmd[2] ?? '' };
  return { ...base, kind: 'text', text: o.text };
}
