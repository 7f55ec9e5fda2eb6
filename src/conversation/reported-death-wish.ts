/**
 * Words of death the user reports a collector said ("他们还打电话骂我 说我是废物 不配活着 我录音了", "催收说我怎么不去死"):
 * the collector's insult, answered as conduct (issue 10). Crisis detection has already run first and found them not
 * to be the user's own (knowledge/analysis/crisis.yaml exclusions; "我也觉得自己不配活着" still enters crisis mode);
 * under the answer go the recording as evidence, when one was told, and one gentle line: not your fault, tell me if
 * you feel so yourself, 12356. Cue words: knowledge/conversation/cues.yaml `reported_death_wish`.
 */
import type { OutboundReply } from '../message';
import type { ConversationCues } from '../knowledge/conversation-cues';
import type { TurnContext } from './turn-context';

/** Replies that answer what the user told; crisis care, commands and errors are left as they are. */
const ANSWERS: ReadonlySet<OutboundReply['kind']> = new Set(['answer', 'analysis', 'clarify']);

/** True when `text` reports words of death said to the user by someone else ("说我不配活着", "骂我怎么不去死"). */
export function reportsDeathWish(text: string, cues: ConversationCues): boolean {
  const r = cues.reported_death_wish;
  return Boolean(r && r.said.some((w) => text.includes(w)) && r.words.some((w) => text.includes(w)));
}

/**
 * Adds, under `reply`, prompts `reported_words_kept` when the turn tells a recording or screenshot kept, and
 * `reported_death_wish_care` unless 12356 is already shown — when `userText` reports words of death and the reply
 * answers it (not crisis care, not in crisis mode: care already speaks there).
 */
export function careForReportedDeathWish(reply: OutboundReply, userText: string, inCrisisMode: boolean, turn: TurnContext): void {
  const { cues, replies } = turn.deps;
  if (!ANSWERS.has(reply.kind) || inCrisisMode || !reportsDeathWish(userText, cues)) return;
  if (cues.reported_death_wish!.kept.some((w) => userText.includes(w))) reply.blocks.push({ style: 'paragraph', text: replies.text('reported_words_kept') });
  if (reply.blocks.some((b) => b.text.includes('12356') || (b.items ?? []).some((i) => i.includes('12356')))) return;
  reply.blocks.push({ style: 'paragraph', text: replies.text('reported_death_wish_care') });
}
