/**
 * POST <webhook path>: Telegram's update delivery. Checks X-Telegram-Bot-Api-Secret-Token in constant time (403
 * otherwise), reads at most `maxBodyBytes` (413), rejects a body that is not a JSON update (400), and answers
 * 200 as soon as the update is accepted — the turn runs after, so a slow answer never makes Telegram time out
 * and redeliver. Knows nothing of telegraf: it hands the parsed update to `handleUpdate`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreLogger } from '../logger';
import { sendError, sendJson } from './respond';
import { readBody } from './read-body';

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

/** The handler for POSTs to the webhook path. */
export function webhookHandler(route: WebhookRoute, log: CoreLogger, maxBodyBytes: number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!secretMatches(req.headers[SECRET_HEADER], route.secret)) {
      log.warn({}, 'webhook call with a wrong or missing secret');
      req.resume();
      return sendError(res, 403, 'forbidden');
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') return sendError(res, 413, 'body too large');
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'body is not JSON');
    }
    if (!isUpdate(update)) return sendError(res, 400, 'body is not a Telegram update');
    await route.handleUpdate(update);
    sendJson(res, 200, { ok: true });
  };
}

function isUpdate(v: unknown): v is { update_id: number } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Number.isSafeInteger((v as { update_id?: unknown }).update_id);
}
