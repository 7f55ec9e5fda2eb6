/**
 * The platform's access_token, cached where every process sees it (the JobMemo: Redis, or memory when
 * embedded). It is dropped `earlyS` before the platform would expire it, refreshed by one caller at a time (in
 * this process one promise; across processes a short lock, while the others wait for the new token), and
 * invalidated only if it is still the token a caller saw refused (40001 / 42001), so a burst of refusals
 * causes one refresh, not one per caller.
 */
import type { JobMemo } from '../../queue/memo';

export interface TokenGrant {
  token: string;
  /** Seconds the platform says the token lives (7 200 for both platforms). */
  expiresInS: number;
}

export interface TokenCacheOptions {
  /** Memo key for this app's token, e.g. "wechat:token:<appid>". */
  key: string;
  /** Asks the platform for a new token. */
  fetch(): Promise<TokenGrant>;
  /** Drop the token this long before it expires. Default 300 s. */
  earlyS?: number;
  /** How long a process may hold the refresh lock. Default 10 s. */
  lockMs?: number;
  /** Poll interval while another process refreshes. Default 100 ms. */
  pollMs?: number;
}

export class AccessTokenCache {
  private inflight?: Promise<string>;

  constructor(private readonly memo: JobMemo, private readonly o: TokenCacheOptions) {}

  /** A valid token: the cached one, or a fresh one (single-flight). */
  async get(): Promise<string> {
    const cached = await this.memo.get(this.o.key);
    if (cached) return cached;
    this.inflight ??= this.refreshShared().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** After the platform refused `stale`: forgets it unless another caller has already replaced it, then get(). */
  async refresh(stale: string): Promise<string> {
    if ((await this.memo.get(this.o.key)) === stale) await this.memo.delete(this.o.key);
    return this.get();
  }

  private async refreshShared(): Promise<string> {
    const lockKey = `${this.o.key}:lock`;
    const lockMs = this.o.lockMs ?? 10_000;
    const deadline = Date.now() + 3 * lockMs;
    for (;;) {
      if (await this.memo.setIfAbsent(lockKey, String(process.pid), lockMs)) {
        try {
          const again = await this.memo.get(this.o.key);
          if (again) return again;
          const grant = await this.o.fetch();
          const ttlMs = Math.max(1, grant.expiresInS - (this.o.earlyS ?? 300)) * 1000;
          await this.memo.set(this.o.key, grant.token, ttlMs);
          return grant.token;
        } finally {
          await this.memo.delete(lockKey).catch(() => undefined);
        }
      }
      // Another process is refreshing: wait for its token (or for its lock to lapse if it died).
      await new Promise((r) => setTimeout(r, this.o.pollMs ?? 100));
      const fresh = await this.memo.get(this.o.key);
      if (fresh) return fresh;
      if (Date.now() > deadline) throw new Error('access token refresh timed out');
    }
  }
}
