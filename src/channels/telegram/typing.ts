/**
 * The "typing…" indicator while a turn runs. Telegram shows it for about 5 seconds, so it is repeated every
 * ~4 s until stopped. It is decoration: a call is never awaited by the reply, a failure is only reported to
 * `onError`, and a call still in flight is not stacked on by the next tick.
 */

export interface TypingOptions {
  /** Interval between indicator calls. Default 4 000 ms. */
  intervalMs?: number;
  /** Called with a failed call's error; default ignores it. */
  onError?: (e: unknown) => void;
}

/** Sends the indicator now and every `intervalMs`; returns the function that stops it. */
export function startTyping(sendAction: () => Promise<unknown>, opts: TypingOptions = {}): () => void {
  const intervalMs = opts.intervalMs ?? 4000;
  let inFlight = false;
  let stopped = false;
  const tick = () => {
    if (stopped || inFlight) return;
    inFlight = true;
    let call: Promise<unknown>;
    try {
      call = sendAction();
    } catch (e) {
      call = Promise.reject(e);
    }
    call.then(
      () => {
        inFlight = false;
      },
      (e: unknown) => {
        inFlight = false;
        if (!stopped) opts.onError?.(e);
      },
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
