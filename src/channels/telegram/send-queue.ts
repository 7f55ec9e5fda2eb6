/**
 * Outgoing Bot API calls, one queue per chat. A chat's calls run one after another, so the parts of a long reply
 * and consecutive replies arrive in order even when Telegram throttles: a 429 holds that chat's queue for the
 * `retry_after` Telegram asked for and then sends the same call again; other chats keep going. Network errors
 * and 5xx are retried with bounded exponential backoff; anything else fails at once to the caller.
 */
import { KeyedChain } from '../../keyed-chain';
import { describeError, isTransient, retryAfterSeconds } from './api-errors';

export interface RetryOptions {
  /** Attempts per call, the first included. Default 5. */
  maxAttempts: number;
  /** First backoff after a network error; doubled each time, with jitter. Default 250 ms. */
  baseDelayMs: number;
  /** Longest backoff after a network error. Default 5 000 ms. */
  maxDelayMs: number;
  /** A retry_after above this fails the call instead of holding the chat. Default 300 s. */
  maxRetryAfterS: number;
  /** Called before each wait, for logging. */
  onRetry?: (info: { attempt: number; waitMs: number; reason: 'rate_limited' | 'transient'; error: ReturnType<typeof describeError> }) => void;
  /** Waiting, replaceable in tests of the policy; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export const RETRY_DEFAULTS: RetryOptions = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 5000, maxRetryAfterS: 300 };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call`, retrying on 429 (after retry_after) and on transient failures (with backoff), at most
 * `maxAttempts` times. The call must be safe to repeat: Bot API sends are, apart from a duplicate message in
 * the rare case of a connection dropped after Telegram accepted it.
 */
export async function withRetry<T>(call: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const o = { ...RETRY_DEFAULTS, ...options };
  const sleep = o.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= o.maxAttempts) throw e;
      const retryAfter = retryAfterSeconds(e);
      let waitMs: number;
      let reason: 'rate_limited' | 'transient';
      if (retryAfter !== undefined) {
        if (retryAfter > o.maxRetryAfterS) throw e;
        waitMs = retryAfter * 1000;
        reason = 'rate_limited';
      } else if (isTransient(e)) {
        const exp = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
        waitMs = Math.round(exp / 2 + Math.random() * (exp / 2));
        reason = 'transient';
      } else {
        throw e;
      }
      o.onRetry?.({ attempt, waitMs, reason, error: describeError(e) });
      await sleep(waitMs);
    }
  }
}

/** Per-chat FIFO of Bot API calls with the retry policy above. */
export class SendQueue {
  private readonly chain = new KeyedChain();
  private pending = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: Partial<RetryOptions> = {}) {}

  /** Runs `call` after every earlier call for `chatId` has settled; rejects with the call's last error. */
  send<T>(chatId: string | number, call: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.chain.run(String(chatId), () => withRetry(call, this.options));
    const settled = () => {
      this.pending--;
      if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
    };
    void result.then(settled, settled);
    return result;
  }

  /** Calls queued or running. */
  size(): number {
    return this.pending;
  }

  /** Resolves when no call is queued or running. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
