/**
 * The app's HTTP layer on fastify: the channels' webhooks and the web chat (each a route plugin handed in), and
 * /healthz, /readyz, /metrics. Building is separate from listening — buildHttpApp returns a ready app that is not
 * listening; only main.ts (and the `debtshield web` command) call listen(), and tests use app.inject().
 *
 * Every response carries helmet's headers: a Content-Security-Policy of default-src 'none' with
 * frame-ancestors 'none' (the web chat's page adds nonces for its own script and style), Referrer-Policy
 * no-referrer, nosniff. @fastify/rate-limit is registered for routes that ask for it (the web chat); the
 * webhooks are authenticated by their signatures instead, since the platforms send from shared addresses. A
 * failing handler answers 500 with a short JSON error and never takes the process down; client errors keep
 * their status (400 malformed, 413 too large) with no stack or raw message.
 */
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { CoreLogger } from '../logger';
import type { ConversationStore } from '../state/store';
import type { Metrics } from '../metrics';
import { errorSummary } from '../error-summary';
import { probeStore } from './health';

export interface HttpAppDeps {
  logger: CoreLogger;
  /** Probed by /healthz and /readyz. */
  store: Pick<ConversationStore, 'read'>;
  /** Served at /metrics when given. */
  metrics?: Metrics;
  /** Probed by /readyz when given. */
  queue?: { ping(): Promise<boolean> };
  /** Route plugins: webhooks (Telegram, WeChat, WeCom) and the web chat. */
  routes?: FastifyPluginAsync[];
  /** Largest request body by default (routes may set their own). Default 1 MB. */
  maxBodyBytes?: number;
  /** Time the store and queue get to answer a probe. Default 1 500 ms. */
  probeTimeoutMs?: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for per-IP limits). Default false. */
  trustProxy?: boolean;
}

/** Builds the app (routes registered, plugins loaded, not listening). */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const log = deps.logger.child({ component: 'http' });
  const probeMs = deps.probeTimeoutMs ?? 1500;
  const app = Fastify({ logger: false, bodyLimit: deps.maxBodyBytes ?? 1_000_000, trustProxy: deps.trustProxy ?? false, return503OnClosing: true });

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log.error({ err: errorSummary(err, { frames: true }) }, 'http handler failed');
    const error = status === 413 ? 'body too large' : status === 429 ? 'rate limited' : status === 415 ? 'unsupported media type' : status === 400 ? 'bad request' : status === 500 ? 'internal error' : 'request refused';
    return reply.code(status).send({ ok: false, error });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, error: 'not found' }));

  app.get('/healthz', async () => ({ ok: true, store: (await probeStore(deps.store, probeMs)) ? 'up' : 'down' }));
  app.get('/readyz', async (_req, reply) => {
    const [store, queue] = await Promise.all([probeStore(deps.store, probeMs), deps.queue ? withTimeout(deps.queue.ping(), probeMs) : Promise.resolve(true)]);
    return reply.code(store && queue ? 200 : 503).send({ ok: store && queue, store: store ? 'up' : 'down', queue: queue ? 'up' : 'down' });
  });
  if (deps.metrics) {
    const registry = deps.metrics.registry;
    app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  }
  for (const path of ['/healthz', '/readyz', '/metrics']) methodNotAllowed(app, path, ['GET', 'HEAD']);
  for (const plugin of deps.routes ?? []) await app.register(plugin);
  await app.ready();
  return app;
}

/** Answers 405 with an Allow header for the methods `path` does not serve. */
export function methodNotAllowed(app: FastifyInstance, path: string, allowed: string[]): void {
  const others = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].filter((m) => !allowed.includes(m)) as Array<'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS'>;
  app.route({ method: others, url: path, handler: async (_req, reply) => reply.code(405).header('allow', allowed.join(', ')).send({ ok: false, error: 'method not allowed' }) });
}

function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p.catch(() => false), new Promise<boolean>((r) => (timer = setTimeout(r, ms, false)))]).finally(() => clearTimeout(timer));
}
