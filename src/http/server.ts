/**
 * The app's HTTP server: Telegram's webhook (when configured), the local web chat (when asked for) and GET /healthz. Building is separate from
 * listening — createHttpServer returns a server that is not listening; only main.ts calls listen(), and tests
 * listen on a random loopback port. A failing handler answers 500 and never takes the process down.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { CoreLogger } from '../logger';
import type { ConversationStore } from '../state/store';
import { healthHandler } from './health';
import { sendError } from './respond';
import { errorSummary } from '../error-summary';
import { webhookHandler, type WebhookRoute } from './webhook';
import type { WebChatRoute } from '../channels/web/web-chat';

export interface HttpServerDeps {
  logger: CoreLogger;
  /** Probed by /healthz. */
  store: Pick<ConversationStore, 'read'>;
  /** Telegram's webhook route; absent in polling mode. */
  webhook?: WebhookRoute;
  /** The local web chat (GET / and POST /api/chat); only with `debtshield web`. */
  webChat?: WebChatRoute;
  /** Largest request body accepted. Default 1 MB (Telegram updates are a few kB). */
  maxBodyBytes?: number;
  /** Time the store gets to answer the health probe. Default 1 500 ms. */
  healthTimeoutMs?: number;
}

/** Builds the server (not listening). */
export function createHttpServer(deps: HttpServerDeps): Server {
  const log = deps.logger.child({ component: 'http' });
  const health = healthHandler(deps.store, deps.healthTimeoutMs ?? 1500);
  const webhook = deps.webhook ? webhookHandler(deps.webhook, log, deps.maxBodyBytes ?? 1_000_000) : undefined;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let handled: Promise<void> | void;
    if (path === '/healthz') {
      handled = req.method === 'GET' || req.method === 'HEAD' ? health(req, res) : methodNotAllowed(res, 'GET');
    } else if (deps.webChat && path === '/') {
      handled = req.method === 'GET' ? deps.webChat.page(req, res) : methodNotAllowed(res, 'GET');
    } else if (deps.webChat && path === '/api/chat') {
      handled = req.method === 'POST' ? deps.webChat.api(req, res) : methodNotAllowed(res, 'POST');
    } else if (webhook && path === deps.webhook!.path) {
      handled = req.method === 'POST' ? webhook(req, res) : methodNotAllowed(res, 'POST');
    } else {
      handled = sendError(res, 404, 'not found');
    }
    Promise.resolve(handled).catch((e: unknown) => {
      log.error({ err: errorSummary(e, { frames: true }) }, 'http handler failed');
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  sendError(res, 405, 'method not allowed');
}
