/**
 * Crisis care must not end because the store failed. A turn whose state could not be written (Redis down or too
 * slow, a disk error) leaves here, in this process, the crisis mode it meant to save; the user's next turn leans
 * to "still in crisis": it takes that mode over a stored state that lacks it, and writes it back with its own
 * changes. A turn whose state cannot be read at all takes the crisis mode last known here, saved or not. Only
 * users with a crisis mode are kept, per store; a process restart forgets them (the store is then the truth).
 */
import type { ConversationStore, CrisisMode, UserState } from '../state/store';

/** Users kept per store at most; the oldest entry goes first (a bound, not an expected load). */
const MAX_KEPT = 10_000;

interface Kept {
  mode: CrisisMode;
  /** The store holds this mode too (false: a write failed, only this process knows it). */
  saved: boolean;
}

const kept = new WeakMap<ConversationStore, Map<string, Kept>>();

function keptOf(store: ConversationStore): Map<string, Kept> {
  let m = kept.get(store);
  if (!m) {
    m = new Map();
    kept.set(store, m);
  }
  return m;
}

/** Records the crisis mode a turn left the user in (undefined: none), and whether the store holds it. */
export function keepCrisis(store: ConversationStore, userKey: string, mode: CrisisMode | undefined, saved: boolean): void {
  const m = keptOf(store);
  m.delete(userKey);
  if (!mode) return;
  m.set(userKey, { mode: structuredClone(mode), saved });
  if (m.size > MAX_KEPT) m.delete(m.keys().next().value as string);
}

/**
 * The crisis mode the turn should start from when the store does not say it: `stored` is what the store returned
 * (null when nothing is kept or the read failed; `readFailed` tells which). Undefined when the store is to be
 * believed: nothing kept here, or the store holds this mode or a later one.
 */
export function crisisToCarry(store: ConversationStore, userKey: string, stored: UserState | null, readFailed: boolean): CrisisMode | undefined {
  const k = kept.get(store)?.get(userKey);
  if (!k || (k.saved && !readFailed)) return undefined;
  if (stored?.crisis && stored.crisis.since >= k.mode.since) return undefined;
  return structuredClone(k.mode);
}
