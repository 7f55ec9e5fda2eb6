/**
 * POST <webhook path>: Telegram's update delivery, as a fastify route plugin. Checks
 * X-Telegram-Bot-Api-Secret-Token in constant time before the body is read (403 otherwise), reads at most
 * `maxBodyBytes` (413), rejects a body that is not a JSON update (400), and answers 200 as soon as the update is
 * accepted — the turn runs after, so a slow answer never makes Telegram time out and redeliver. Knows nothing of
 * telegraf: it hands the parsed update to `handleUpdate`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { CoreLogger } from '../logger';
import { methodNotAllowed } from './app';

export interface WebhookRoute {
  /** Path part of TELEGRAM_WEBHOOK_URL, e.g. "/telegram/webhook". */
  path: string;
  /** TELEGRAM_WEBHOOK_SECRET. */
  secret: string;
  /** Accepts one update; resolves once it is scheduled. */
  handleUpdate(update: { update_id: number }): Promise<void>;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** True when `given` equals `secret`, compared in constant time. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** The Telegram webhook route. */
export function telegramWebhookRoutes(route: WebhookRoute, log: CoreLogger, maxBodyBytes = 1_000_000): FastifyPluginAsync {
  return async (app) => {
    app.post(route.path, {
      bodyLimit: maxBodyBytes,
      onRequest: async (req, reply) => {
        if (!secretMatches(req.headers[SECRET_HEADER], route.secret)) {
          log.warn({}, 'webhook call with a wrong or missing secret');
          return reply.code(403).send({ ok: false, error: 'forbidden' });
        }
      },
      handler: async (req, reply) => {
        if (!isUpdate(req.body)) return reply.code(400).send({ ok: false, error: 'body is not a Telegram update' });
        await route.handleUpdate(req.body);
        return { ok: true };
      },
    });
    methodNotAllowed(app, route.path, ['POST']);
  };
}

function isUpdate(v: unknown): v is { update_id: number } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Number.isSafeInteger((v as { update_id?: unknown }).update_id);
}
