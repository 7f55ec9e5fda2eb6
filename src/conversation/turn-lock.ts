/**
 * One turn at a time per user. A turn reads the user's state when it starts and writes its changes when it ends;
 * two turns of one user running at once would each write what they read, and the later write would undo the
 * earlier one (a crisis flag cleared, loan facts lost). Turns of different users still run concurrently. The
 * lock is per store (one per process); several processes sharing Redis order a user's turns through the queue.
 */
import type { ConversationStore } from '../state/store';
import { KeyedChain } from '../keyed-chain';

const serials = new WeakMap<ConversationStore, KeyedChain>();

/** The serial turn runner for users of `store`. */
export function userTurns(store: ConversationStore): KeyedChain {
  let s = serials.get(store);
  if (!s) {
    s = new KeyedChain();
    serials.set(store, s);
  }
  return s;
}
