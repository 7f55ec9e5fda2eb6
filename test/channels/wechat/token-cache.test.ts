/**
 * The access-token cache: one refresh however many callers ask at once (in one process, and across processes
 * sharing the memo), early expiry, and invalidation only of the token a caller saw refused.
 */
import { AccessTokenCache } from '../../../src/channels/wechat/token-cache';
import { MemoryMemo } from '../../../src/queue/memo';

function source(expiresInS = 7200, delayMs = 30) {
  let n = 0;
  return {
    grants: () => n,
    fetch: async () => {
      n++;
      await new Promise((r) => setTimeout(r, delayMs));
      return { token: `token-${n}`, expiresInS };
    },
  };
}

describe('AccessTokenCache', () => {
  it('refreshes once for twenty concurrent callers, and once for two caches (processes) sharing the memo', async () => {
    const memo = new MemoryMemo();
    const s = source();
    const a = new AccessTokenCache(memo, { key: 't', fetch: s.fetch, pollMs: 10 });
    const b = new AccessTokenCache(memo, { key: 't', fetch: s.fetch, pollMs: 10 });
    const tokens = await Promise.all([...Array.from({ length: 10 }, () => a.get()), ...Array.from({ length: 10 }, () => b.get())]);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(s.grants()).toBe(1);
  });

  it('drops the token earlyS before the platform would expire it', async () => {
    let now = 1_000_000;
    const memo = new MemoryMemo(() => now);
    const s = source(310, 0);
    const cache = new AccessTokenCache(memo, { key: 't', fetch: s.fetch, earlyS: 300 });
    expect(await cache.get()).toBe('token-1');
    now += 9_000;
    expect(await cache.get()).toBe('token-1');
    now += 2_000; // 11 s: past 310 − 300 s
    expect(await cache.get()).toBe('token-2');
  });

  it('invalidates only the refused token: a burst of refusals after one refresh causes no second refresh', async () => {
    const memo = new MemoryMemo();
    const s = source();
    const cache = new AccessTokenCache(memo, { key: 't', fetch: s.fetch });
    const stale = await cache.get();
    const fresh = await Promise.all(Array.from({ length: 5 }, () => cache.refresh(stale)));
    expect(new Set(fresh)).toEqual(new Set(['token-2']));
    expect(await cache.refresh(stale)).toBe('token-2');
    expect(s.grants()).toBe(2);
  });
});
