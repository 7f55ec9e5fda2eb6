/**
 * The local web chat: a page (prompts/web-chat.html) and POST /api/chat, a thin adapter that maps a JSON request
 * to an InboundMessage and returns the OutboundReply as JSON. The browser keeps a random user id.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleTurn } from '../../conversation/conversation';
import { replyForBrowser } from './reply-images';
import type { TurnDeps } from '../../conversation/deps';
import type { InboundMessage } from '../../message';
import { readBody } from '../../http/read-body';
import { sendError, sendJson } from '../../http/respond';

export interface WebChatRoute {
  page(req: IncomingMessage, res: ServerResponse): void;
  api(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Largest request accepted: a screenshot in base64 plus some JSON. */
const MAX_BODY = 14_000_000;

/** Builds the web chat's two routes over the core. */
export function webChatRoute(deps: TurnDeps, promptsDir: string): WebChatRoute {
  const html = readFileSync(join(promptsDir, 'web-chat.html'), 'utf8');
  return {
    page(_req, res) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(html);
    },
    async api(req, res) {
      const body = await readBody(req, MAX_BODY);
      if (body === 'too_large') return sendError(res, 413, 'too large');
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'invalid JSON');
      }
      const msg = toInbound(input);
      if (!msg) return sendError(res, 400, 'expected {user, text} or {user, button} or {user, image, mime}');
      sendJson(res, 200, { ok: true, reply: replyForBrowser(await handleTurn(msg, deps)) });
    },
  };
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
