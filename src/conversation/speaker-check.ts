/**
 * When the bot cannot tell whether a pasted text is a collector's words or the user's own, it asks with two
 * buttons ("这是催收发来的原话" / "这是我自己的问题") instead of guessing: the user's own words must never become
 * evidence, and a collector's message should not be answered as a question.
 */
import { emptyReply, type OutboundReply } from '../message';
import { analyzeMessage } from './collector-message';
import { answerQuestion } from './question';
import type { TurnContext } from './turn-context';

/** How long the question stays open. */
const SPEAKER_PENDING_MS = 30 * 60_000;

/** Asks who wrote `text` and keeps it until the answer comes. */
export function askSpeaker(text: string, turn: TurnContext): OutboundReply {
  const { replies } = turn.deps;
  const r = emptyReply('confirmation');
  r.blocks.push({ style: 'paragraph', text: replies.text('speaker_question') });
  r.buttons.push({ id: 'spk:c', label: replies.text('speaker_button_collector') });
  r.buttons.push({ id: 'spk:u', label: replies.text('speaker_button_user') });
  const since = turn.deps.now().toISOString();
  turn.remember(text, (s) => {
    s.pending = { kind: 'confirm_speaker', since, data: { text } };
  });
  return r;
}

/** The user's answer: analyse (and keep) the collector's words, or answer their own question. */
export async function confirmSpeaker(who: 'collector' | 'user', receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const pending = (await turn.state())?.pending;
  const text = pending?.kind === 'confirm_speaker' && typeof pending.data?.text === 'string' ? pending.data.text : undefined;
  if (!text || turn.deps.now().getTime() - Date.parse(pending!.since) > SPEAKER_PENDING_MS) {
    return turn.say('speaker_expired', undefined, 'clarify');
  }
  turn.remember(null, (s) => {
    s.pending = undefined;
  });
  if (who === 'collector') return analyzeMessage({ text, sentAt: null, receivedAt, kind: 'message' }, turn);
  const u = turn.deps.understander.understand(text, 'none', receivedAt);
  return answerQuestion(text, u, turn);
}

/** A typed answer to the question ("是催收发的", "我自己问的"), matched against the two button labels' cues. */
export function typedSpeakerAnswer(text: string): 'collector' | 'user' | undefined {
  const t = text.replace(/\s/g, '');
  if (t.length > 16) return undefined;
  if (/(我自己|我的问题|我问的|我写的|我打的|自己问)/.test(t)) return 'user';
  if (/(催收|原话|他们发|对方发|他发|她发|发来的|转发)/.test(t)) return 'collector';
  return undefined;
}
