/**
 * Making a promise give way to an AbortSignal. LangChain and the openai SDK honour a signal for the HTTP request
 * itself, but not always for the work around it (a retriever's own awaits, a queued batch); racing the promise
 * against the signal guarantees the caller's deadline whatever the callee does.
 */

/**
 * Settles like `p`, or rejects with `signal.reason` as soon as the signal aborts (at once if it already has).
 * The losing promise is not cancelled — it runs on and its result is ignored — so only race work that is safe
 * to abandon. Without a signal, `p` itself is returned.
 */
export function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}
