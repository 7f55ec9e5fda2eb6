/**
 * One turn at a time per user. A turn reads the user's state when it starts and writes its changes when it ends;
 * two turns of one user running at once would each write what they read, and the later write would undo the
 * earlier one (a crisis flag cleared, loan facts lost). Turns of different users still run concurrently. The
 * lock is per store (one per process); several processes sharing Redis order a user's turns through the queue.
 */
import type { ConversationStore } from '../state/store';

/** Runs functions one after another per key. */
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` after every earlier `run` with the same key has settled. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(fn, fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const serials = new WeakMap<ConversationStore, KeyedSerial>();

/** The serial turn runner for users of `store`. */
export function userTurns(store: ConversationStore): KeyedSerial {
  let s = serials.get(store);
  if (!s) {
    s = new KeyedSerial();
    serials.set(store, s);
  }
  return s;
}
