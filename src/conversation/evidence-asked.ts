/**
 * "刚才那条短信你帮我存了吗" / "那条消息保存下来没有": whether the message the conversation is about was kept as
 * evidence, and how to see it — from the dialogue's focus (the evidence id the analysis kept) checked against the
 * store, never a general answer about evidence. Cue words: knowledge/conversation/cues.yaml asks_saved.
 */
import type { OutboundReply } from '../message';
import type { AnalysisFocus, UserState } from '../state/store';
import type { TurnContext } from './turn-context';
import { errorSummary } from '../error-summary';

/** Whether the turn asks if the bot kept what was sent (not the user's own words or data). */
export function asksSaved(text: string, cues: TurnContext['deps']['cues']): boolean {
  const c = cues.asks_saved;
  return c !== undefined && c.asks.some((w) => text.includes(w)) && !c.unless.some((w) => text.includes(w));
}

/**
 * The reply to "did you keep it?": kept (its id, /evidence), not kept because nothing unlawful was found or it was
 * the user's own account, not kept because saving failed, or nothing forwarded yet. Undefined when the turn asks
 * nothing of the kind.
 */
export async function savedAnswer(text: string, state: UserState | null | undefined, turn: TurnContext): Promise<OutboundReply | undefined> {
  const { deps } = turn;
  if (!asksSaved(text, deps.cues)) return undefined;
  const focus = state?.focus?.analysis;
  turn.remember(text);
  return turn.say(await savedKey(focus, turn), focus?.evidenceId ? { id: focus.evidenceId } : undefined, 'answer');
}

async function savedKey(focus: AnalysisFocus | undefined, turn: TurnContext): Promise<string> {
  if (!focus) return 'saved_asked_nothing';
  if (focus.evidenceId) {
    try {
      const kept = await turn.deps.store.listEvidence(turn.key);
      return kept.some((e) => e.id === focus.evidenceId) ? 'saved_asked_kept' : 'saved_asked_pending';
    } catch (e) {
      turn.log.warn({ err: errorSummary(e) }, 'evidence unavailable for a saved question');
      return 'saved_asked_pending';
    }
  }
  if (focus.source === 'conduct' || focus.source === 'call') return 'saved_asked_own';
  return focus.lawful ? 'saved_asked_lawful' : 'saved_asked_failed';
}
