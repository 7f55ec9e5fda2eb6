/**
 * Bounded conversation history: the last N turns (a turn is the user's message and the bot's reply) are kept
 * whole; older user messages are folded into a short running summary, so a follow-up still has context while
 * the stored state stays small. Every store applies it on write.
 */
import type { UserState } from './store';

/** Characters of each folded user message kept in the summary. */
const FOLDED_CHARS = 40;
/** The summary keeps its most recent part within this many characters. */
const SUMMARY_CHARS = 400;

/** Trims `state.history` to the last `turns` turns, folding what falls out into `state.summary`. */
export function trimHistory(state: UserState, turns: number): void {
  const keep = turns * 2;
  if (state.history.length <= keep) return;
  const dropped = state.history.slice(0, state.history.length - keep);
  state.history = state.history.slice(-keep);
  const folded = dropped
    .filter((t) => t.role === 'user')
    .map((t) => t.text.replace(/\s+/g, ' ').trim().slice(0, FOLDED_CHARS))
    .filter(Boolean);
  if (folded.length === 0) return;
  const summary = [state.summary, ...folded].filter(Boolean).join(' / ');
  state.summary = summary.length > SUMMARY_CHARS ? `…${summary.slice(-SUMMARY_CHARS)}` : summary;
}

/** Applies one update as every store must: the mutation, then history trimming, then the updatedAt stamp. */
export function applyUpdate(state: UserState, mutate: (state: UserState) => void, now: Date, turns: number): UserState {
  mutate(state);
  trimHistory(state, turns);
  state.updatedAt = now.toISOString();
  return state;
}

/** True when the state was last updated more than `ttlDays` ago (conversation state expires; evidence does not). */
export function isExpired(state: UserState, now: Date, ttlDays: number): boolean {
  return now.getTime() - Date.parse(state.updatedAt) > ttlDays * 86400_000;
}
