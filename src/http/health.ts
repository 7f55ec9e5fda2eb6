/**
 * GET /healthz: the process answers, and whether the store does. The bot keeps answering (without saving)
 * while the store is down, so a down store is reported, not treated as the process being unhealthy.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationStore } from '../state/store';
import { sendJson } from './respond';

/** A user key no real channel produces, read to see whether the store answers. */
const PROBE_KEY = 'health:probe';

/** Handles GET /healthz: 200 {ok: true, store: "up" | "down"}; the store gets `timeoutMs` to answer. */
export function healthHandler(store: Pick<ConversationStore, 'read'>, timeoutMs: number) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_r, reject) => {
      timer = setTimeout(() => reject(new Error('store health probe timed out')), timeoutMs);
    });
    const up = await Promise.race([store.read(PROBE_KEY), timeout]).then(
      () => true,
      () => false,
    );
    clearTimeout(timer);
    sendJson(res, 200, { ok: true, store: up ? 'up' : 'down' });
  };
}
