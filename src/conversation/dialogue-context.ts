/**
 * What the bot's previous reply was, as turn understanding needs it: a follow-up ("是真的吗") only makes sense
 * after an analysis or an answer, a bare "是的" only after the bot asked something.
 */
import type { UserState } from '../state/store';
import type { DialogueContext } from './understanding/types';
import { inCrisis } from './crisis-mode';

/** A focus older than this no longer frames a new turn. */
const FOCUS_MS = 24 * 3600_000;
/** A question the bot asked longer ago than this is no longer awaited. */
const ASKED_MS = 30 * 60_000;

/** The context of the next turn, from the state as it stands. */
export function dialogueContext(state: UserState | null, now: Date): DialogueContext {
  if (!state) return 'none';
  if (inCrisis(state)) return 'crisis';
  const p = state.pending;
  // Only a question the user is expected to answer frames the next turn as a reply; an offer behind a button
  // ("保存为证据记录") does not.
  if (p && (p.kind === 'loan_details' || p.kind === 'confirm_speaker') && now.getTime() - Date.parse(p.since) < ASKED_MS) {
    return 'asked';
  }
  const f = state.focus;
  if (!f) return 'none';
  // The focus frames the next turn while the conversation is fresh (the last turn was recent). A turn stamped before
  // the last one (a forward read by the wall clock, then a turn sent with its own earlier time) follows it: the order
  // turns arrive in is what the conversation is, whatever the clocks say.
  const last = Date.parse(state.lastTurnAt ?? state.updatedAt);
  if (now.getTime() - last > FOCUS_MS) return 'none';
  return f.kind;
}
