/**
 * What a failed Bot API call means for the caller: wait and retry (429 with retry_after), retry with backoff
 * (network failure, 5xx), fall back to plain text (400 "can't parse entities"), or give up. Errors are read by
 * shape, not by class, so a second copy of telegraf in node_modules cannot defeat the checks.
 */

interface TelegramErrorShape {
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

/** Network error codes after which the same request may be sent again. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);

/** The Bot API error code (400, 403, 429, 5xx), or undefined for errors that never reached the API. */
export function apiErrorCode(e: unknown): number | undefined {
  const code = (e as TelegramErrorShape | null)?.response?.error_code;
  return typeof code === 'number' ? code : undefined;
}

/** Seconds Telegram asked us to wait (429 Too Many Requests), or undefined. */
export function retryAfterSeconds(e: unknown): number | undefined {
  if (apiErrorCode(e) !== 429) return undefined;
  const s = (e as TelegramErrorShape).response?.parameters?.retry_after;
  return typeof s === 'number' && s >= 0 ? s : 1;
}

/** True when Telegram refused the HTML (parse_mode) of a message: resend it as plain text, never as is. */
export function isEntityParseError(e: unknown): boolean {
  return apiErrorCode(e) === 400 && /can't parse entities|can't find end of the entity|unsupported start tag/i.test((e as TelegramErrorShape).response?.description ?? '');
}

/** True for failures where sending the very same request again may succeed: network errors and 5xx. */
export function isTransient(e: unknown): boolean {
  const code = apiErrorCode(e);
  if (code !== undefined) return code >= 500;
  const err = e as { name?: string; code?: string; errno?: string; type?: string } | null;
  if (!err) return false;
  if (err.name === 'FetchError' && (err.type === 'system' || err.type === 'request-timeout')) return true;
  return NETWORK_CODES.has(err.code ?? '') || NETWORK_CODES.has(err.errno ?? '');
}

/** A short description for logs: the API code and description, or the network error code — never a payload. */
export function describeError(e: unknown): { code?: number | string; description?: string } {
  const code = apiErrorCode(e);
  if (code !== undefined) return { code, description: (e as TelegramErrorShape).response?.description };
  const err = e as { name?: string; code?: string } | null;
  return { code: err?.code ?? err?.name ?? 'unknown' };
}
