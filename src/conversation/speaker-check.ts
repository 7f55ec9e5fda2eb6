/**
 * When the bot cannot tell whether a pasted text is a collector's words or the user's own, it asks with two
 * buttons ("这是催收发来的原话" / "这是我自己的问题") instead of guessing: the user's own words must never become
 * evidence, and a collector's message should not be answered as a question.
 */
import { emptyReply, type OutboundReply } from '../message';
import { analyzeMessage } from './collector-message';
import { answerQuestion } from './question';
import type { TurnContext } from './turn-context';
import type { ConversationCues } from '../knowledge/conversation-cues';
import { trimmed } from '../screen-fit';

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

/**
 * Words the user reports a collector said ("他刚发我说 不还钱就…", "他说：…"), already assessed as described conduct in
 * `reply`: the offer to keep a note gives way to the two buttons, and the words wait for the answer. They are kept as
 * the collector's only when the user says they are verbatim; the report itself can still be kept as the user's note.
 */
export function offerSpeaker(reply: OutboundReply, words: string, report: string, turn: TurnContext): OutboundReply {
  const { replies } = turn.deps;
  reply.blocks = trimmed([...reply.blocks, { style: 'paragraph', text: replies.text('speaker_question_reported') }]);
  const rest = reply.buttons.filter((b) => b.id !== 'note:save');
  reply.buttons = [
    { id: 'spk:c', label: replies.text('speaker_button_collector') },
    { id: 'spk:u', label: replies.text('speaker_button_user') },
    ...rest,
  ];
  const since = turn.deps.now().toISOString();
  turn.remember(report, (s) => {
    s.pending = { kind: 'confirm_speaker', since, data: { text: words, report } };
  });
  return reply;
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
  // A report already assessed: nothing to answer again; it may be kept as the user's own note.
  const report = typeof pending!.data?.report === 'string' ? pending!.data.report : undefined;
  if (report) return reportedOwn(report, receivedAt, turn);
  const u = turn.deps.understander.understand(text, 'none', receivedAt);
  return answerQuestion(text, u, turn);
}

/** The reported words are the user's own telling: not kept as the collector's; the note is offered instead. */
function reportedOwn(report: string, receivedAt: Date, turn: TurnContext): OutboundReply {
  const { deps } = turn;
  const r = emptyReply('confirmation');
  r.blocks.push({ style: 'paragraph', text: deps.replies.text('speaker_reported_own') });
  r.buttons.push({ id: 'note:save', label: deps.replies.text('note_button_save') });
  const assessed = deps.analysis.assessConduct(report, receivedAt);
  const since = deps.now().toISOString();
  turn.remember(null, (s) => {
    s.pending = { kind: 'confirm_note', since, data: { text: report, categories: assessed.categories, occurredAt: assessed.occurredAt.toISOString() } };
  });
  return r;
}

/**
 * A typed answer to the question ("是催收发的", "我自己问的"), read with the cue words of knowledge/conversation; a
 * negation right before a cue turns it around ("不是催收发的" is the user's own). Undefined when it is no answer.
 */
export function typedSpeakerAnswer(text: string, cues: ConversationCues['speaker_answer']): 'collector' | 'user' | undefined {
  const t = text.replace(/\s/g, '');
  if ([...t].length > cues.max_chars) return undefined;
  const hit = (words: readonly string[]) => {
    for (const w of words) {
      const at = t.indexOf(w);
      if (at < 0) continue;
      const before = t.slice(Math.max(0, at - 3), at);
      return { negated: cues.negation.some((n) => before.includes(n)) };
    }
    return undefined;
  };
  const user = hit(cues.user);
  if (user) return user.negated ? 'collector' : 'user';
  const collector = hit(cues.collector);
  if (collector) return collector.negated ? 'user' : 'collector';
  return undefined;
}
