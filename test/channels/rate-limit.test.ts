/** The shared sliding-window limiter, on a clock the test moves. */
import { ChannelRateLimits, SlidingWindowRateLimiter } from '../../src/channels/rate-limit';

function limiter(limit: number) {
  let t = 1_000_000;
  const l = new SlidingWindowRateLimiter({ limit, windowMs: 60_000, now: () => t });
  return { l, advance: (ms: number) => (t += ms) };
}

describe('SlidingWindowRateLimiter', () => {
  it('accepts `limit` messages per window and refuses the next, telling once', () => {
    const { l } = limiter(3);
    expect([1, 2, 3].map(() => l.hit('u').allowed)).toEqual([true, true, true]);
    expect(l.hit('u')).toMatchObject({ allowed: false, notify: true });
    expect(l.hit('u')).toMatchObject({ allowed: false, notify: false });
    expect(l.hit('u')).toMatchObject({ allowed: false, notify: false });
  });

  it('slides: a message is let in once the oldest accepted one leaves the window', () => {
    const { l, advance } = limiter(2);
    l.hit('u');
    advance(30_000);
    l.hit('u');
    const refused = l.hit('u');
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 30_000 });
    advance(30_001);
    expect(l.hit('u').allowed).toBe(true);
    expect(l.hit('u').allowed).toBe(false);
  });

  it('tells again only after a whole window has passed since the last notice', () => {
    const { l, advance } = limiter(1);
    l.hit('u');
    advance(1_000);
    expect(l.hit('u')).toMatchObject({ notify: true });
    advance(59_000);
    expect(l.hit('u').allowed).toBe(true);
    expect(l.hit('u')).toMatchObject({ allowed: false, notify: false });
    advance(60_000);
    expect(l.hit('u').allowed).toBe(true);
    expect(l.hit('u')).toMatchObject({ allowed: false, notify: true });
  });

  it('keeps users apart and forgets idle ones', () => {
    const { l, advance } = limiter(1);
    expect(l.hit('a').allowed).toBe(true);
    expect(l.hit('b').allowed).toBe(true);
    expect(l.hit('a').allowed).toBe(false);
    advance(120_000);
    l.hit('c');
    expect(l.size()).toBe(1);
  });

  it('rejects a nonsensical limit at construction', () => {
    expect(() => new SlidingWindowRateLimiter({ limit: 0 })).toThrow(RangeError);
  });
});

describe('ChannelRateLimits', () => {
  it('counts evidence apart from messages, each against its own limit', () => {
    const limits = new ChannelRateLimits({ messagesPerMinute: 2, evidencePerMinute: 3, now: () => 0 });
    expect([1, 2, 3].map(() => limits.hit('u', 'message').allowed)).toEqual([true, true, false]);
    expect([1, 2, 3, 4].map(() => limits.hit('u', 'evidence').allowed)).toEqual([true, true, true, false]);
    expect(limits.hit('v', 'evidence').allowed).toBe(true);
  });
});
