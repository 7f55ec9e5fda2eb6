/**
 * A turn of emoji alone ("😭😭", "🙏"): no words to read, but never an input error. Soon after crisis care ran its
 * turns it is care again, met as silence; a sad face (cues.yaml `sad_emoji`) gets care and one step, as fear does;
 * any other, a gentle word that the person can say more. (In crisis mode, care answers it before this is asked.)
 */
import { emptyReply, type OutboundReply } from '../message';
import type { UserState } from '../state/store';
import { careAgain, inAftercare } from './crisis-mode';
import type { TurnContext } from './turn-context';

/** True when `text` has an emoji and no letter or digit: what intake calls empty is still something said. */
export function onlyEmoji(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text) && !/[\p{L}\p{N}]/u.test(text);
}

/** The reply to a turn of emoji alone (see onlyEmoji), given the user's state before it. */
export function emojiOnly(text: string, state: UserState | null, turn: TurnContext): OutboundReply {
  const { deps } = turn;
  if (inAftercare(state, deps.now())) {
    turn.crisisHandled = true;
    return careAgain(text, turn, state.crisis, 'silent');
  }
  if (deps.cues.sad_emoji.some((e) => text.includes(e))) {
    const r = emptyReply('answer');
    r.blocks.push({ style: 'paragraph', text: deps.replies.text('distress_lead') });
    r.blocks.push({ style: 'paragraph', text: deps.replies.text('distress_step') });
    turn.remember(text);
    return r;
  }
  turn.remember(text);
  return turn.say('emoji_only', undefined, 'greeting');
}
