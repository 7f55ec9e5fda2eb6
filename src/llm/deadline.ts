/**
 * Hard deadlines for model calls. LLM_TIMEOUT_MS bounds one HTTP request, but the openai SDK (and LangChain
 * over it) retries a 429 or 5xx after sleeping as long as the server's Retry-After says, without looking at the
 * caller's AbortSignal: a 429 with "Retry-After: 30" held a turn for 30 s whatever the timeout. Three pieces close
 * that: withDeadline gives the caller its answer (or a DeadlineError) by the deadline whatever the callee does;
 * retryAfterCap (the openai SDK's retries) and stopOnLongRetryAfter (LangChain's) give up at once on a wait there
 * is no time for, so the offline answer comes in milliseconds, not at the deadline.
 */
import { AsyncCaller } from '@langchain/core/utils/async_caller';
import { abortable } from './abort';

/** The model did not answer within its budget (retries and waits included). */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * Runs `work` with a signal that aborts after `ms`, and settles no later than that: the work's own retries and
 * sleeps cannot hold the caller. Work still running at the deadline is abandoned (its signal is aborted, so a
 * request it starts afterwards fails at once). `outer`, when given, aborts the work early as well.
 */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new DeadlineError(`no answer within ${ms} ms`)), ms);
  const onOuter = () => ctl.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  try {
    return await abortable(Promise.resolve().then(() => work(ctl.signal)), ctl.signal);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch for the openai SDK that refuses to wait out a long Retry-After: a 429 or 5xx asking for more than
 * `maxWaitMs` comes back marked `x-should-retry: false`, so the SDK fails at once (and the offline answer is
 * used) instead of sleeping past the turn's deadline. Shorter waits are left to the SDK's normal retry.
 */
export function retryAfterCap(maxWaitMs: number, base: Fetch = fetch): Fetch {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 429 && res.status < 500) return res;
    const wait = retryAfterMs(res.headers);
    if (wait === undefined || wait <= maxWaitMs) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

/** The wait a response asks for (retry-after-ms, or Retry-After in seconds or as a date), if any. */
export function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? at - Date.now() : undefined;
}

/** LangChain's handler for a failed model call: throw to stop retrying, return to retry. */
export type FailedAttemptHandler = (error: unknown) => unknown;

/** LangChain's own policy (which errors are worth a retry), read off a default caller. */
class DefaultPolicy extends AsyncCaller {
  handler(): FailedAttemptHandler {
    return this.onFailedAttempt as FailedAttemptHandler;
  }
}

const langchainDefault = new DefaultPolicy({}).handler();

/**
 * LangChain's retry policy, except that an error asking to wait more than `maxWaitMs` (Retry-After on a 429 or
 * 5xx) stops the retries at once: LangChain would otherwise sleep up to 60 s before trying again.
 */
export function stopOnLongRetryAfter(maxWaitMs: number): FailedAttemptHandler {
  return (error) => {
    const headers = (error as { headers?: unknown } | null)?.headers;
    const wait = headers instanceof Headers ? retryAfterMs(headers) : (error as { retryAfterMs?: number } | null)?.retryAfterMs;
    if (wait !== undefined && wait > maxWaitMs) throw error;
    return langchainDefault(error);
  };
}
