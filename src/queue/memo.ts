/**
 * JobMemo: small shared facts that make jobs idempotent and channels correct across processes — a reply already
 * computed for a message, how many parts of it were sent, the platform's cached access token, when a user last
 * wrote. On Redis when the app has one (every process sees the same), in memory otherwise.
 */
import type { Redis } from 'ioredis';

export interface JobMemo {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets the key only if it is absent; true when this call set it (a lock, a first-time mark). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** JobMemo on Redis; every key gets `prefix`. The caller owns (and closes) the connection. */
export class RedisMemo implements JobMemo {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  get(key: string): Promise<string | null> {
    return this.redis.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

/** JobMemo in this process's memory (embedded mode, tests); expired keys are dropped when touched or swept. */
export class MemoryMemo implements JobMemo {
  private readonly entries = new Map<string, { value: string; until: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | null> {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.until <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.sweep();
    this.entries.set(key, { value, until: this.now() + ttlMs });
  }

  /** Atomic like Redis's SET NX: checks and sets without yielding, so two callers cannot both win. */
  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const e = this.entries.get(key);
    if (e && e.until > this.now()) return false;
    this.entries.set(key, { value, until: this.now() + ttlMs });
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** At most once a minute, drops every expired entry. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
  }
}
