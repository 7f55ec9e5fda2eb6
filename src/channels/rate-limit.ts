/**
 * Per-user sliding-window rate limit, shared by every channel. In memory, per process: it protects one bot
 * process from a flood (a user pasting fifty messages, a script), not a fleet from a determined attacker.
 *
 * Only accepted messages count towards the window, so a user who keeps sending while limited is let in again
 * as soon as the oldest accepted message leaves the window. The first refusal in a window says `notify`, so
 * the channel sends its polite "slow down" reply once instead of once per refused message.
 */

export interface RateLimitOptions {
  /** Messages accepted per user within one window. */
  limit: number;
  /** Window length. Default 60 000 ms (RATE_LIMIT_PER_MINUTE). */
  windowMs?: number;
  /** Clock in ms; default Date.now. */
  now?: () => number;
}

export type RateDecision =
  | { allowed: true }
  /** `notify` is true for the first refusal per window; `retryAfterMs` is when the next message would pass. */
  | { allowed: false; notify: boolean; retryAfterMs: number };

interface Entry {
  /** Times of accepted messages, oldest first, all within the window. */
  hits: number[];
  /** When the user was last told to slow down. */
  notifiedAt?: number;
}

/** A sliding-window limiter keyed by user; memory is bounded by the users active within one window. */
export class SlidingWindowRateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly windowMs: number;
  private readonly now: () => number;
  private lastSweep: number;

  constructor(private readonly opts: RateLimitOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError('rate limit must be a positive integer');
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** Counts one message from `key` if the window has room; never throws. */
  hit(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const entry = this.entries.get(key) ?? { hits: [] };
    this.entries.set(key, entry);
    const from = now - this.windowMs;
    while (entry.hits.length > 0 && entry.hits[0]! <= from) entry.hits.shift();
    if (entry.hits.length < this.opts.limit) {
      entry.hits.push(now);
      return { allowed: true };
    }
    const notify = entry.notifiedAt === undefined || now - entry.notifiedAt >= this.windowMs;
    if (notify) entry.notifiedAt = now;
    return { allowed: false, notify, retryAfterMs: Math.max(0, entry.hits[0]! + this.windowMs - now) };
  }

  /** Users currently tracked (for tests and metrics). */
  size(): number {
    return this.entries.size;
  }

  /** Once per window, forgets users with nothing left in their window and no recent notice. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, e] of this.entries) {
      const last = Math.max(e.hits[e.hits.length - 1] ?? -Infinity, e.notifiedAt ?? -Infinity);
      if (now - last >= this.windowMs) this.entries.delete(key);
    }
  }
}

/**
 * What a message is, for its limit. Evidence — forwarded messages, images, links — often comes in bursts (a
 * user forwarding a night's threats), so it gets its own, higher limit; but a limit: without one, a script
 * forwarding hundreds of items a second filled the store.
 */
export type TrafficKind = 'message' | 'evidence';

export interface ChannelRateLimitOptions {
  /** Messages (text, commands, buttons) per user per window: RATE_LIMIT_PER_MINUTE. */
  messagesPerMinute: number;
  /** Forwards, images and links per user per window: RATE_LIMIT_EVIDENCE_PER_MINUTE. */
  evidencePerMinute: number;
  /** Default 60 000 ms. */
  windowMs?: number;
  now?: () => number;
}

/** The reply a refused message gets, by kind: evidence refused is evidence not kept, and the user must hear that. */
export const RATE_LIMIT_REPLY: Record<TrafficKind, string> = { message: 'rate_limited', evidence: 'rate_limited_evidence' };

/** The per-user limits every channel applies: messages and evidence counted apart, each against its own limit. */
export class ChannelRateLimits {
  private readonly limiters: Record<TrafficKind, SlidingWindowRateLimiter>;

  constructor(o: ChannelRateLimitOptions) {
    const common = { windowMs: o.windowMs, now: o.now };
    this.limiters = {
      message: new SlidingWindowRateLimiter({ limit: o.messagesPerMinute, ...common }),
      evidence: new SlidingWindowRateLimiter({ limit: o.evidencePerMinute, ...common }),
    };
  }

  /** Counts one message of `kind` from `userKey` if its window has room; never throws. */
  hit(userKey: string, kind: TrafficKind): RateDecision {
    return this.limiters[kind].hit(userKey);
  }
}

/** The evidence limit when none is configured: three times the message limit, and at least 60 a minute. */
export function defaultEvidencePerMinute(messagesPerMinute: number): number {
  return Math.max(60, messagesPerMinute * 3);
}
