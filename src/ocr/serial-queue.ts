/**
 * One OCR job at a time on one engine (a Tesseract worker or child is not re-entrant, and two at once would only
 * compete for the same core): jobs queue in order; a failed job does not block the next.
 */
export interface SerialQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Resolves when every queued job has settled. */
  drained(): Promise<void>;
}

/** A new, empty queue. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(job) {
      const next = tail.then(job);
      tail = next.catch(() => undefined);
      return next;
    },
    async drained() {
      await tail;
    },
  };
}
