/**
 * The HTTP API of the Official Account and of WeCom (they share a shape: JSON with errcode/errmsg, an
 * access_token query parameter): the customer-service / app message send, media download and menu creation.
 * A token error (40001, 40014, 41001, 42001) refreshes the token once and repeats the call; every other errcode
 * becomes a PlatformApiError whose `kind` tells the caller what to do — back off (rate limits, system busy),
 * hold the reply (the 48-hour window has closed), or give up. Network errors and 5xx are thrown as they are, for
 * the job to retry.
 */
import { AccessTokenCache, type TokenGrant } from './token-cache';
import { MediaTooLargeError } from './inbound';
import { readBounded } from '../read-bounded';
import type { JobMemo } from '../../queue/memo';

/** What a caller should do about an errcode. */
export type ApiErrorKind = 'token' | 'rate_limited' | 'window_closed' | 'refused';

const TOKEN_CODES = new Set([40001, 40014, 41001, 42001]);
/** -1 system busy, 45009 daily quota, 45011 minute quota, 45033 WeCom concurrency. */
const RATE_CODES = new Set([-1, 45009, 45011, 45033]);
/** 45015: out of the 48-hour window (or unsubscribed); 45047: too many messages without a reply from the user. */
const WINDOW_CODES = new Set([45015, 45047]);

/** The kind of an errcode. */
export function errorKind(errcode: number): ApiErrorKind {
  if (TOKEN_CODES.has(errcode)) return 'token';
  if (RATE_CODES.has(errcode)) return 'rate_limited';
  if (WINDOW_CODES.has(errcode)) return 'window_closed';
  return 'refused';
}

/** How long to hold sends after a rate-limit errcode: the daily quota needs far longer than a busy minute. */
export function backoffMsFor(errcode: number): number {
  return errcode === 45009 ? 10 * 60_000 : errcode === -1 ? 2_000 : 15_000;
}

export class PlatformApiError extends Error {
  readonly kind: ApiErrorKind;
  constructor(readonly errcode: number, errmsg: string) {
    super(`platform errcode ${errcode}: ${errmsg}`);
    this.name = 'PlatformApiError';
    this.kind = errorKind(errcode);
  }
}

/** The paths and bodies that differ between the two platforms. */
export interface PlatformEndpoints {
  /** GET path (with query) that grants an access token. */
  tokenPath: string;
  /** POST path of the text send. */
  sendPath: string;
  sendBody(user: string, content: string): Record<string, unknown>;
  /** POST path of menu creation (query params other than the token included, e.g. agentid). */
  menuPath: string;
}

/** The Official Account's endpoints (customer-service messages). */
export function officialAccountEndpoints(appId: string, appSecret: string): PlatformEndpoints {
  return {
    tokenPath: `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`,
    sendPath: '/cgi-bin/message/custom/send',
    sendBody: (user, content) => ({ touser: user, msgtype: 'text', text: { content } }),
    menuPath: '/cgi-bin/menu/create',
  };
}

/** A WeCom self-built app's endpoints (application messages). */
export function wecomAppEndpoints(corpId: string, secret: string, agentId: number): PlatformEndpoints {
  return {
    tokenPath: `/cgi-bin/gettoken?corpid=${encodeURIComponent(corpId)}&corpsecret=${encodeURIComponent(secret)}`,
    sendPath: '/cgi-bin/message/send',
    sendBody: (user, content) => ({ touser: user, msgtype: 'text', agentid: agentId, text: { content }, safe: 0 }),
    menuPath: `/cgi-bin/menu/create?agentid=${agentId}`,
  };
}

export interface PlatformApiOptions {
  apiRoot: string;
  endpoints: PlatformEndpoints;
  memo: JobMemo;
  /** Memo key of the cached token; one per app. */
  tokenKey: string;
  /** Per request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Called with every errcode (and 'http_<status>' / 'network') a call met, for metrics. */
  onError?: (code: string) => void;
}

export class PlatformApi {
  readonly tokens: AccessTokenCache;
  private readonly timeoutMs: number;

  constructor(private readonly o: PlatformApiOptions) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.tokens = new AccessTokenCache(o.memo, { key: o.tokenKey, fetch: () => this.grant() });
  }

  /** Sends one text message (at most 2 048 bytes: split before calling). */
  async sendText(user: string, content: string): Promise<void> {
    await this.withToken((token) => this.postJson(this.o.endpoints.sendPath, token, this.o.endpoints.sendBody(user, content)));
  }

  /** Publishes the menu. */
  async createMenu(menu: unknown): Promise<void> {
    await this.withToken((token) => this.postJson(this.o.endpoints.menuPath, token, menu));
  }

  /** Downloads temporary media (an image a user sent); rejects with MediaTooLargeError past `maxBytes`. */
  async downloadMedia(mediaId: string, maxBytes: number): Promise<{ bytes: Buffer; mimeType: string }> {
    return this.withToken(async (token) => {
      const res = await this.fetch(`/cgi-bin/media/get?media_id=${encodeURIComponent(mediaId)}`, token);
      const type = res.headers.get('content-type') ?? '';
      if (/json|text\/plain/.test(type)) throw this.errorOf(await res.json().catch(() => ({})));
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        this.o.onError?.(`http_${res.status}`);
        throw new Error(`media download failed with HTTP ${res.status}`);
      }
      const bytes = await readBounded(res, maxBytes);
      if (bytes === 'too_large') throw new MediaTooLargeError(maxBytes);
      return { bytes, mimeType: type.split(';')[0]!.trim() || 'image/jpeg' };
    });
  }

  /** Runs `call` with the cached token; on a token error refreshes once and runs it again. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.get();
    try {
      return await call(token);
    } catch (e) {
      if (!(e instanceof PlatformApiError) || e.kind !== 'token') throw e;
      return call(await this.tokens.refresh(token));
    }
  }

  private async grant(): Promise<TokenGrant> {
    const res = await this.fetch(this.o.endpoints.tokenPath);
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; errcode?: number };
    if (typeof body.access_token !== 'string' || !body.access_token) {
      // A refused grant is a configuration problem (wrong secret, IP not on the allow-list): never retried fast.
      throw this.errorOf(body.errcode ? body : { errcode: res.ok ? 40013 : res.status, errmsg: 'no access_token in the grant' });
    }
    return { token: body.access_token, expiresInS: typeof body.expires_in === 'number' ? body.expires_in : 7200 };
  }

  private async postJson(path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await this.fetch(path, token, body);
    if (res.status >= 500) {
      this.o.onError?.(`http_${res.status}`);
      throw new Error(`platform answered HTTP ${res.status}`);
    }
    const json = (await res.json().catch(() => ({ errcode: -1, errmsg: 'not JSON' }))) as Record<string, unknown>;
    if (typeof json.errcode === 'number' && json.errcode !== 0) throw this.errorOf(json);
    return json;
  }

  private async fetch(path: string, token?: string, body?: unknown): Promise<Response> {
    const url = new URL(this.o.apiRoot + path);
    if (token) url.searchParams.set('access_token', token);
    try {
      return await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
        // The platforms want UTF-8 JSON with the Chinese as is (not \u escapes, which count extra bytes).
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      this.o.onError?.('network');
      throw e;
    }
  }

  private errorOf(json: unknown): PlatformApiError {
    const j = json as { errcode?: unknown; errmsg?: unknown };
    const code = typeof j.errcode === 'number' ? j.errcode : -1;
    this.o.onError?.(String(code));
    return new PlatformApiError(code, typeof j.errmsg === 'string' ? j.errmsg : '');
  }
}
